package org.frontline.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group commit writes a batch whole or not at all, and the optimistic chain head notices another
 * writer: the audit log's write path, driven directly against the real audit database.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class AuditBatchTest {

    @Inject
    AuditLog audit;
    @Inject
    MeterRegistry meters;

    private static AuditEvent event(String queryId, String purpose) {
        return new AuditEvent(Instant.now(), queryId, "batch-officer", "GdF", "ITA", "OFFICER", purpose, "DOCUMENT",
                "{}", "[]", "NO_HIT", "ANSWERED", null, null);
    }

    private CompletableFuture<Void> append(AuditEvent e) {
        return audit.append(e).subscribeAsCompletionStage();
    }

    private static long rows(Connection c, String queryId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_record WHERE query_id = ?")) {
            ps.setString(1, queryId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aBatchWithOneBadRecordWritesNoneOfItsRecordsAndTheLogCarriesOn() throws Exception {
        String blocker = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        try (Connection other = SourceDatabases.server().connect(SourceDatabases.auditDatabase());
             Connection check = SourceDatabases.server().connect(SourceDatabases.auditDatabase())) {
            // another transaction holds the unique key (query_id, decision) of the first record, uncommitted:
            // the service's first flush waits on it, and the next records queue up behind that flush
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                st.execute("INSERT INTO audit_record (seq, occurred_at, query_id, officer_id, agency, country, roles,"
                        + " kind, terms, sources, decision, prev_hash, hash) VALUES (9000000000000, now(), '" + blocker
                        + "', 'x', 'x', 'x', 'x', 'DOCUMENT', '{}', '[]', 'ANSWERED', 'x', 'x')");
            }
            CompletableFuture<Void> first = append(event(blocker, "held back"));
            awaitWaitingInsert(check);
            // queued together: one good record, then two records of the same consultation (the second breaks
            // the unique key), then another good one
            CompletableFuture<Void> good = append(event(a, "good"));
            CompletableFuture<Void> duplicate = append(event(a, "duplicate"));
            CompletableFuture<Void> later = append(event(c, "good too"));
            other.rollback();

            first.get(10, TimeUnit.SECONDS);
            for (CompletableFuture<Void> f : List.of(good, duplicate, later)) {
                ExecutionException failed = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
                assertInstanceOf(AuditUnavailableException.class, failed.getCause());
            }
            assertEquals(1, rows(check, blocker));
            assertEquals(0, rows(check, a), "nothing of the failed batch is written");
            assertEquals(0, rows(check, c), "nothing of the failed batch is written");

            // the log carries on: the next record is written, after the head is read again
            String after = UUID.randomUUID().toString();
            append(event(after, "after the failed batch")).get(10, TimeUnit.SECONDS);
            assertEquals(1, rows(check, after));
        }
        assertTrue(RestAssured.given().header("Authorization", "Bearer " + TestTokens.auditor())
                .get("/v1/audit/verify").then().statusCode(200).extract().jsonPath().getBoolean("intact"));
    }

    @Test
    void anotherWriterExtendingTheChainIsNoticedAndTheBatchRechainedAfterIt() throws Exception {
        append(event(UUID.randomUUID().toString(), "this instance writes first")).get(10, TimeUnit.SECONDS);
        double conflictsBefore = meters.counter("frontline.audit.chain.conflicts").count();
        String theirs = UUID.randomUUID().toString();
        OtherInstance.append(event(theirs, "the other instance"));
        String ours = UUID.randomUUID().toString();
        append(event(ours, "this instance again")).get(10, TimeUnit.SECONDS);
        assertEquals(conflictsBefore + 1, meters.counter("frontline.audit.chain.conflicts").count(),
                "the optimistic write met the other writer's record and was re-chained once");
        try (Connection c = SourceDatabases.server().connect(SourceDatabases.auditDatabase());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT query_id FROM audit_record ORDER BY seq DESC LIMIT 2")) {
            rs.next();
            assertEquals(ours, rs.getString(1));
            rs.next();
            assertEquals(theirs, rs.getString(1));
        }
        assertTrue(RestAssured.given().header("Authorization", "Bearer " + TestTokens.auditor())
                .get("/v1/audit/verify").then().statusCode(200).extract().jsonPath().getBoolean("intact"));
    }

    /** Until the service's insert is blocked on the other transaction's uncommitted key. */
    private static void awaitWaitingInsert(Connection check) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            try (Statement st = check.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                         + " AND wait_event_type = 'Lock' AND query ILIKE 'insert into audit_record%'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the service's audit insert never waited on the held key");
    }
}
