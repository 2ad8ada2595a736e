package org.frontline.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request refused with 503 because its audit record was not durable in time is never left
 * recorded as ANSWERED: its record is FAILED_AUDIT_TIMEOUT, or, when the database committed the
 * ANSWERED record after the request had given up (the reply came too late), a FAILED_AUDIT_TIMEOUT
 * record of the same query id follows it in the chain.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class AuditTimeoutTest {

    @AfterEach
    void heal() {
        FaultProxy.mode(SourceDatabases.AUDIT_PROXY, FaultProxy.Mode.PASS);
    }

    private static CompletableFuture<Response> search(String requestId) {
        return CompletableFuture.supplyAsync(() -> TestTokens.asOfficer().header("X-Request-Id", requestId)
                .contentType("application/json")
                .body(Map.of("number", "X9TEST001", "issuingCountry", "ESP", "purpose", "audit timeout test"))
                .post("/v1/search/document"));
    }

    /** decision by seq for one request. */
    private static Map<Long, String> records(String requestId) throws Exception {
        try (Connection c = SourceDatabases.server().connect(SourceDatabases.auditDatabase());
             PreparedStatement ps = c.prepareStatement(
                     "SELECT seq, decision FROM audit_record WHERE request_id = ? ORDER BY seq")) {
            ps.setString(1, requestId);
            Map<Long, String> rows = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), rs.getString(2));
                }
            }
            return rows;
        }
    }

    @Test
    void aRequestWhoseAuditWaitEndedIsRecordedAsFailedNotAnswered() throws Exception {
        assertEquals(200, search("warm-" + UUID.randomUUID()).get(30, TimeUnit.SECONDS).statusCode());
        // the audit database takes the statements (and commits them) but its replies do not come back
        FaultProxy.mode(SourceDatabases.AUDIT_PROXY, FaultProxy.Mode.BLACKHOLE);
        String first = "timeout-a-" + UUID.randomUUID();
        String second = "timeout-b-" + UUID.randomUUID();
        CompletableFuture<Response> a = search(first);
        Thread.sleep(300);
        CompletableFuture<Response> b = search(second);
        assertEquals(503, a.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(503, b.get(30, TimeUnit.SECONDS).statusCode());
        FaultProxy.mode(SourceDatabases.AUDIT_PROXY, FaultProxy.Mode.PASS);

        for (String requestId : new String[] {first, second}) {
            Map<Long, String> rows = Map.of();
            for (int i = 0; i < 150 && !rows.containsValue("FAILED_AUDIT_TIMEOUT"); i++) {
                Thread.sleep(100);
                rows = records(requestId);
            }
            assertTrue(rows.containsValue("FAILED_AUDIT_TIMEOUT"), requestId + ": " + rows);
            long failedAt = rows.entrySet().stream().filter(e -> e.getValue().equals("FAILED_AUDIT_TIMEOUT"))
                    .mapToLong(Map.Entry::getKey).min().orElseThrow();
            assertTrue(rows.entrySet().stream().filter(e -> e.getValue().equals("ANSWERED"))
                    .allMatch(e -> e.getKey() < failedAt), "nothing says ANSWERED after the failure: " + rows);
        }
        assertTrue(RestAssured.given().header("Authorization", "Bearer " + TestTokens.auditor())
                .get("/v1/audit/verify").then().statusCode(200).extract().jsonPath().getBoolean("intact"));
    }
}
