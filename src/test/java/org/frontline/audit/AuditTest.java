package org.frontline.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every consultation is in the audit log before its answer leaves; the log is chained and checkable. */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class AuditTest {

    private static String search(String token, String purpose) {
        return RestAssured.given().header("Authorization", "Bearer " + token).header("traceparent",
                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").contentType("application/json")
                .body(Map.of("number", "AUD1T0001", "issuingCountry", "ITA", "purpose", purpose))
                .post("/v1/search/document").then().statusCode(200).extract().path("queryId");
    }

    private static JsonPath audit(String query) {
        return RestAssured.given().header("Authorization", "Bearer " + TestTokens.auditor())
                .get("/v1/audit" + query).then().statusCode(200).extract().jsonPath();
    }

    /** The records of one query id, in chain order, once {@code decisions} of them are there (at most 10 s). */
    static List<Map<String, Object>> recordsOf(String officerId, String queryId, int decisions) {
        long until = System.nanoTime() + 10_000_000_000L;
        List<Map<String, Object>> records;
        do {
            records = new ArrayList<>(audit("?officer=" + officerId + "&limit=500")
                    .<Map<String, Object>>getList("records.findAll { it.queryId == '" + queryId + "' }"));
            java.util.Collections.reverse(records); // the page is newest first
        } while (records.size() < decisions && System.nanoTime() < until && pause());
        return records;
    }

    private static boolean pause() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void answeredConsultationIsAuditedWithWhoWhatWhyAndOutcome() throws Exception {
        String officer = TestTokens.token("audit-officer-1", "GdF", "ITA", "RESTRICTED", "OFFICER");
        String queryId = search(officer, "checking a passport at Fiumicino");
        // the consultation was durable before the answer left: in the database the moment the answer is here
        try (Connection c = SourceDatabases.server().connect(SourceDatabases.auditDatabase());
             var ps = c.prepareStatement("SELECT count(*) FROM audit_record WHERE query_id = ? AND decision = 'CONSULTED'")) {
            ps.setString(1, queryId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the CONSULTED record of " + queryId + " is committed when its answer arrives");
            }
        }
        // its outcome follows in a later record of the same query id
        List<Map<String, Object>> records = recordsOf("audit-officer-1", queryId, 2);
        assertEquals(List.of("CONSULTED", "ANSWERED"), records.stream().map(r -> r.get("decision")).toList(),
                "records of " + queryId + ": " + records);
        Map<String, Object> consulted = records.get(0);
        Map<String, Object> record = records.get(1);
        assertTrue(((Number) consulted.get("seq")).longValue() < ((Number) record.get("seq")).longValue());
        for (Map<String, Object> r : records) {
            assertEquals("GdF", r.get("agency"));
            assertEquals("ITA", r.get("country"));
            assertEquals("OFFICER", r.get("roles"));
            assertEquals("checking a passport at Fiumicino", r.get("purpose"));
            assertEquals("DOCUMENT", r.get("kind"));
            assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", r.get("traceparent"));
            // terms and sources are JSON in the answer, not JSON text inside strings
            @SuppressWarnings("unchecked")
            Map<String, Object> terms = (Map<String, Object>) r.get("terms");
            assertEquals("AUD1T0001", terms.get("number"), "terms: " + terms);
            assertEquals("ITA", terms.get("issuingCountry"), "terms: " + terms);
        }
        assertNull(consulted.get("outcome"), "admitted, not yet answered");
        assertEquals(List.of(), consulted.get("sources"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sources = (List<Map<String, Object>>) record.get("sources");
        assertEquals(5, sources.size(), "sources: " + sources);
        assertTrue(sources.stream().anyMatch(s -> "interpol".equals(s.get("source")) && "OK".equals(s.get("status"))),
                "sources: " + sources);
        assertEquals("NO_HIT", record.get("outcome"));
    }

    @Test
    void refusedConsultationIsAuditedToo() {
        String guard = TestTokens.token("audit-guard-1", "PAF", "FRA", "UNCLASSIFIED", "BORDER_GUARD");
        RestAssured.given().header("Authorization", "Bearer " + guard).contentType("application/json")
                .body(Map.of("plate", "AB123", "registrationCountry", "FRA", "purpose", "not allowed"))
                .post("/v1/search/vehicle").then().statusCode(403);
        JsonPath page = audit("?officer=audit-guard-1");
        assertEquals("REFUSED_NOT_PERMITTED", page.getString("records[0].decision"));
        assertNull(page.getString("records[0].outcome"));
        assertEquals(List.of(), page.getList("records[0].sources"), "a refused request consulted no source");
    }

    @Test
    void cursorPaginationWalksEveryRecordOnce() {
        String officer = TestTokens.token("audit-officer-2", "GdF", "ITA", "RESTRICTED", "OFFICER");
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            made.add(search(officer, "pagination " + i));
        }
        for (String id : made) {
            recordsOf("audit-officer-2", id, 2); // each consultation and its outcome
        }
        List<String> seen = new ArrayList<>();
        Object cursor = null;
        do {
            JsonPath page = audit("?officer=audit-officer-2&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            List<String> ids = page.getList("records.queryId");
            assertTrue(ids.size() <= 2);
            seen.addAll(ids);
            cursor = page.get("nextCursor");
        } while (cursor != null);
        assertEquals(made, new HashSet<>(seen));
        assertEquals(10, seen.size(), "two records (CONSULTED, ANSWERED) per consultation, each seen once: " + seen);
        for (String id : made) {
            assertEquals(2, seen.stream().filter(id::equals).count(), id + " in " + seen);
        }
        RestAssured.given().header("Authorization", "Bearer " + TestTokens.auditor())
                .get("/v1/audit?from=yesterday").then().statusCode(400);
    }

    @Test
    void chainVerificationNamesARecordAlteredInTheDatabase() throws Exception {
        search(TestTokens.officer(), "before tampering");
        JsonPath intact = audit("/verify");
        assertTrue(intact.getBoolean("intact"), intact.prettify());
        long verified = intact.getLong("verified");
        assertTrue(verified >= 1);

        try (Connection c = SourceDatabases.server().connect(SourceDatabases.auditDatabase());
             Statement st = c.createStatement()) {
            long seq;
            String purpose;
            try (ResultSet rs = st.executeQuery("SELECT seq, purpose FROM audit_record ORDER BY seq LIMIT 1 OFFSET 0")) {
                rs.next();
                seq = rs.getLong(1);
                purpose = rs.getString(2);
            }
            // the trigger refuses the change...
            boolean refused = false;
            try {
                st.execute("UPDATE audit_record SET purpose = 'nothing to see' WHERE seq = " + seq);
            } catch (java.sql.SQLException e) {
                refused = e.getMessage().contains("append-only");
            }
            assertTrue(refused, "the append-only trigger refuses updates");
            // ...so an insider disables it first
            st.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
            st.execute("UPDATE audit_record SET purpose = 'nothing to see' WHERE seq = " + seq);
            try {
                JsonPath broken = audit("/verify");
                assertFalse(broken.getBoolean("intact"));
                assertEquals(seq, broken.getLong("firstBroken.seq"));
                assertTrue(broken.getString("firstBroken.reason").contains("altered"));
            } finally {
                try (var ps = c.prepareStatement("UPDATE audit_record SET purpose = ? WHERE seq = ?")) {
                    ps.setString(1, purpose);
                    ps.setLong(2, seq);
                    ps.executeUpdate();
                }
                st.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only");
            }
        }
        assertTrue(audit("/verify").getBoolean("intact"));
    }

    @Test
    void concurrentSearchesShareCommitsAndAllAreAudited() throws Exception {
        String officer = TestTokens.token("audit-officer-3", "GdF", "ITA", "RESTRICTED", "OFFICER");
        List<java.util.concurrent.CompletableFuture<String>> calls = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < 48; i++) {
                int n = i;
                calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> search(officer, "burst " + n), pool));
            }
            Set<String> ids = new HashSet<>();
            for (var call : calls) {
                ids.add(call.get());
            }
            // every answer's consultation was durable before it left: all 48 CONSULTED records are there at once
            List<Map<String, Object>> records = audit("?officer=audit-officer-3&limit=200").getList("records");
            Set<String> consulted = new HashSet<>();
            for (Map<String, Object> r : records) {
                if ("CONSULTED".equals(r.get("decision"))) {
                    consulted.add((String) r.get("queryId"));
                }
            }
            assertEquals(ids, consulted);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(audit("/verify").getBoolean("intact"));
    }

    @Test
    void anotherWriterAppendingToTheSameChainIsFollowedNotForked() throws Exception {
        String officer = TestTokens.token("audit-officer-4", "GdF", "ITA", "RESTRICTED", "OFFICER");
        search(officer, "before the other writer");
        // another instance sharing the database appends a record (under the same advisory lock)
        String otherQueryId = java.util.UUID.randomUUID().toString();
        OtherInstance.append(new AuditEvent(java.time.Instant.now(), otherQueryId, "other-instance",
                "GdF", "ITA", "OFFICER", "other instance", "DOCUMENT", "{}", "[]", "NO_HIT", "ANSWERED",
                null, null));
        // this instance's next records chain after it: no fork, no gap, nothing refused
        String after = search(officer, "after the other writer");
        List<String> audited = audit("?officer=audit-officer-4").getList("records.queryId");
        assertTrue(audited.contains(after), audited.toString());
        JsonPath verified = audit("/verify");
        assertTrue(verified.getBoolean("intact"), verified.prettify());
    }
}
