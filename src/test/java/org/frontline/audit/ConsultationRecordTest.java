package org.frontline.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consultation's record is written beside the fan-out, not after it (issue #18, item 4): it is
 * durable while a source is still being asked, the answer leaves only after it, and the outcome
 * follows in a later record; a consultation whose outcome never came (the instance died between the
 * two) is recorded as OUTCOME_UNKNOWN by the check every instance runs, once, chained like any record.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class ConsultationRecordTest {

    @Inject
    AuditLog audit;

    /** decision of each record of the consultations with this purpose, in chain order. */
    private static List<String> decisionsFor(String purpose) throws Exception {
        return decisionsWhere("purpose", purpose);
    }

    /** decision of each record of one query id, in chain order. */
    private static List<String> decisionsOf(String queryId) throws Exception {
        return decisionsWhere("query_id", queryId);
    }

    private static List<String> decisionsWhere(String column, String value) throws Exception {
        try (Connection c = SourceDatabases.server().connect(SourceDatabases.auditDatabase());
             PreparedStatement ps = c.prepareStatement("SELECT decision FROM audit_record WHERE " + column
                     + " = ? ORDER BY seq")) {
            ps.setString(1, value);
            List<String> decisions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    decisions.add(rs.getString(1));
                }
            }
            return decisions;
        }
    }

    @Test
    void theConsultationIsDurableWhileASourceIsStillAskedAndTheAnswerFollowsIt() throws Exception {
        String purpose = "beside the fan-out " + UUID.randomUUID();
        String number = "BSD" + (100000 + (int) (Math.random() * 800000));
        try (Connection locker = SourceDatabases.server().connect(SourceDatabases.database("interpol"));
             Statement lock = locker.createStatement()) {
            // INTERPOL's document look-up now waits on the server for as long as this lock is held
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE sltd_document IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<JsonPath> answer = CompletableFuture.supplyAsync(() -> RestAssured.given()
                    .header("Authorization", "Bearer " + TestTokens.officer()).contentType("application/json")
                    .body(Map.of("number", number, "issuingCountry", "ITA", "purpose", purpose, "deadlineMs", 8000))
                    .post("/v1/search/document").then().statusCode(200).extract().jsonPath());
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            List<String> decisions = decisionsFor(purpose);
            while (decisions.isEmpty() && System.nanoTime() < until) {
                Thread.sleep(10);
                decisions = decisionsFor(purpose);
            }
            assertEquals(List.of("CONSULTED"), decisions, "the consultation is committed while INTERPOL is still asked");
            assertFalse(answer.isDone(), "no answer while a source is still asked (the lock holds INTERPOL)");
            locker.rollback();
            JsonPath done = answer.get(10, TimeUnit.SECONDS);
            assertEquals("OK", done.getString("sources.find { it.source == 'interpol' }.status"), done.prettify());
            String queryId = done.getString("queryId");
            AuditTamper.awaitRecords(queryId, 2, Duration.ofSeconds(10));
            assertEquals(List.of("CONSULTED", "ANSWERED"), decisionsOf(queryId), "the outcome follows the consultation");
        }
    }

    @Test
    void aConsultationWithoutOutcomeIsRecordedAsUnknownOnceAndOnlyWhenOlderThanTheWindow() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String lost = UUID.randomUUID().toString();
        String answered = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        // an instance admitted three consultations; it died before the outcome of two of them
        OtherInstance.append(consulted(lost, now.minus(Duration.ofMinutes(10))));
        OtherInstance.append(consulted(answered, now.minus(Duration.ofMinutes(10))));
        OtherInstance.append(consulted(answered, now.minus(Duration.ofMinutes(10))).withDecision(AuditEvent.ANSWERED));
        OtherInstance.append(consulted(recent, now.minus(Duration.ofSeconds(10))));

        Instant since = now.minus(Duration.ofHours(1));
        Instant before = now.minus(Duration.ofMinutes(2));
        int first = audit.recordUnknownOutcomes(since, before).await().atMost(Duration.ofSeconds(10));
        assertTrue(first >= 1, "recorded " + first);
        assertEquals(List.of("CONSULTED", "OUTCOME_UNKNOWN"), decisionsOf(lost));
        assertEquals(List.of("CONSULTED", "ANSWERED"), decisionsOf(answered), "an answered consultation is left alone");
        assertEquals(List.of("CONSULTED"), decisionsOf(recent), "younger than the window: it may still be answered");

        // a second check (another instance, or the next period) records nothing twice
        audit.recordUnknownOutcomes(since, before).await().atMost(Duration.ofSeconds(10));
        assertEquals(List.of("CONSULTED", "OUTCOME_UNKNOWN"), decisionsOf(lost));

        // this instance's next records chain after the check's: the chain is intact and verify counts the unknown
        RestAssured.given().header("Authorization", "Bearer " + TestTokens.officer()).contentType("application/json")
                .body(Map.of("number", "UNK000001", "issuingCountry", "ITA", "purpose", "after the check"))
                .post("/v1/search/document").then().statusCode(200);
        JsonPath verified = RestAssured.given().header("Authorization", "Bearer " + TestTokens.auditor())
                .get("/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertTrue(verified.getBoolean("intact"), verified.prettify());
        assertTrue(verified.getLong("outcomesUnknown") >= 1, verified.prettify());
    }

    private static AuditEvent consulted(String queryId, Instant at) {
        return new AuditEvent(at, queryId, "lost-instance-officer", "BKA", "DEU", "OFFICER", "before the crash",
                "DOCUMENT", "{\"number\":\"X1\",\"issuingCountry\":\"DEU\"}", "[]", null, AuditEvent.CONSULTED,
                null, null);
    }
}
