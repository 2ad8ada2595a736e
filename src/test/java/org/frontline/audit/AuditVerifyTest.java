package org.frontline.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /v1/audit/verify} over a long log, one walk at a time, and the signed checkpoints that
 * anchor the chain head: a tail cut by the owner of the audit tables is reported.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class AuditVerifyTest {

    /** frontline.audit.checkpoint.every-records: a checkpoint follows at most this many records. */
    private static final int EVERY_RECORDS = 1000;

    private static Response verify() {
        return RestAssured.given().header("Authorization", "Bearer " + TestTokens.auditor()).get("/v1/audit/verify");
    }

    private static String search() {
        return TestTokens.asOfficer().contentType("application/json")
                .body(Map.of("number", "VER1FY001", "issuingCountry", "ITA", "purpose", "verify test"))
                .post("/v1/search/document").then().statusCode(200).extract().path("queryId");
    }

    /**
     * Appends enough records for the service's next commit to be checkpointed, makes one consultation and
     * waits for its two records; returns the head (the consultation's outcome record), once the commit of
     * its CONSULTED record, one before it, is checkpointed.
     */
    private static long anchoredHead(int records) throws Exception {
        AuditTamper.bulkAppend(Math.max(records, EVERY_RECORDS));
        String queryId = search();   // the service chains its CONSULTED record after the bulk records: checkpointed
        // then its ANSWERED record, in the next commit
        assertEquals(2, AuditTamper.awaitRecords(queryId, 2, Duration.ofSeconds(10)), "the consultation and its outcome");
        long head = AuditTamper.head();
        long checkpoint = AuditTamper.awaitCheckpoint(head - 1, Duration.ofSeconds(10));
        assertTrue(checkpoint == head - 1 || checkpoint == head, "a checkpoint at the consultation's record or after"
                + " (the outcome's, when the checkpoint was due by time): " + checkpoint + ", head " + head);
        return head;
    }

    @Test
    void walksALongLogAndMatchesItsCheckpoints() throws Exception {
        long head = anchoredHead(25_000);
        JsonPath result = verify().then().statusCode(200).extract().jsonPath();
        assertTrue(result.getBoolean("intact"), result.prettify());
        assertEquals(head, result.getLong("verified"), "every record of the log verified: " + result.prettify());
        assertTrue(result.getLong("checkpoints") >= 1, result.prettify());
    }

    @Test
    void aSecondVerificationWhileOneRunsIsRefusedWithRetryAfter() throws Exception {
        anchoredHead(EVERY_RECORDS);
        // hold the first walk at its first page: the checkpoints table is locked by "someone else"
        try (Connection lock = SourceDatabases.server().connect(SourceDatabases.auditDatabase());
             Statement st = lock.createStatement()) {
            lock.setAutoCommit(false);
            st.execute("LOCK TABLE audit_checkpoint IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(AuditVerifyTest::verify);
            awaitWaitingOnALock(st);
            Response second = verify();
            assertEquals(503, second.statusCode(), second.asString());
            assertEquals("application/problem+json", second.contentType());
            assertNotNull(second.header("Retry-After"));
            assertTrue(second.jsonPath().getString("detail").contains("already running"), second.asString());
            lock.rollback();
            JsonPath firstResult = first.get().then().statusCode(200).extract().jsonPath();
            assertTrue(firstResult.getBoolean("intact"), firstResult.prettify());
        }
        // and once it is over, the next one runs
        verify().then().statusCode(200);
    }

    @Test
    void aTailCutByTheOwnerOfTheTablesIsReported() throws Exception {
        long head = anchoredHead(EVERY_RECORDS);
        long checkpoint = AuditTamper.lastCheckpoint();
        assertTrue(verify().then().statusCode(200).extract().jsonPath().getBoolean("intact"));

        // the owner disables the trigger and deletes the tail from the last checkpoint on: the chain that is
        // left is perfectly consistent, only shorter
        AuditTamper.Cut cut = AuditTamper.deleteTailAsOwner(checkpoint);
        try {
            assertEquals(head - checkpoint + 1, cut.rows().size());
            JsonPath broken = verify().then().statusCode(200).extract().jsonPath();
            assertFalse(broken.getBoolean("intact"), broken.prettify());
            assertEquals(checkpoint, broken.getLong("firstBroken.seq"), broken.prettify());
            assertTrue(broken.getString("firstBroken.reason").contains("the tail was deleted"), broken.prettify());
        } finally {
            AuditTamper.restore(cut);
        }
        assertTrue(verify().then().statusCode(200).extract().jsonPath().getBoolean("intact"));
    }

    private static void awaitWaitingOnALock(Statement st) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                    + " WHERE c.relname = 'audit_checkpoint' AND NOT l.granted")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the first verification never reached the locked table");
    }
}
