package org.frontline.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.micrometer.core.instrument.Counter;
import io.restassured.RestAssured;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.model.PersonRecord;
import org.frontline.model.SourceStatus;
import org.frontline.source.SourceCall;
import org.frontline.search.SearchConfig;
import org.frontline.source.SourceRegistry;
import org.frontline.source.SourcesConfig;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.InjectedFaults;
import org.frontline.testsupport.SourceDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import org.frontline.testsupport.TestTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Freshness against the real sources and the real Redis: what a source changes shows within a second
 * even right after the same question was answered from cache, on this instance and on a second one
 * sharing the Redis; and a burst of identical cold questions reaches each source once.
 *
 * <p>The second instance is a second cache stack built by hand in this JVM from the production
 * classes: its own Caffeine, its own Vert.x and Redis client, its own LISTEN connections and
 * generations, sharing only Redis (and the source databases) with the Quarkus application. That is
 * everything that makes two instances two, without a second Quarkus build in the test phase.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class CacheFreshnessTest {

    private static final Duration FRESH = Duration.ofSeconds(1);

    @Inject
    CacheConfig cacheConfig;
    @Inject
    SourcesConfig sourcesConfig;
    @Inject
    SourceRegistry registry;
    @Inject
    PersonNameMatcher matcher;
    @Inject
    SearchConfig searchConfig;
    @Inject
    MeterRegistry meters;
    @Inject
    io.smallrye.faulttolerance.api.CircuitBreakerMaintenance breakers;
    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisUrl;

    @Inject
    SourceCache cache;

    private static SecondInstance other;

    @AfterAll
    static void stopOtherInstance() {
        if (other != null) {
            other.close();
        }
    }

    private SecondInstance otherInstance() {
        if (other == null) {
            other = new SecondInstance(redisUrl, cacheConfig, sourcesConfig, registry);
        }
        awaitReady(other.cache);
        return other;
    }

    private static void awaitReady(SourceCache cache) {
        waitUntil(Duration.ofSeconds(10), () -> cache.status().get("redis").startsWith("UP")
                && cache.status().get("change-feeds").equals("all listening"), () -> "not ready: " + cache.status());
    }

    @Test
    void cachedNoHitBecomesAHitWithinASecondOfTheInsert() throws SQLException {
        awaitReady(cache);
        String number = "CQ" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        Map<String, Object> question = Map.of("number", number, "issuingCountry", "FRA", "purpose", "border check");
        assertEquals("NO_HIT", document(question).getString("outcome"));
        double hitsBefore = count("interpol", "l1", "hit");
        assertEquals("NO_HIT", document(question).getString("outcome"));
        assertEquals(hitsBefore + 1, count("interpol", "l1", "hit"), "the second no-hit came from L1");

        execute("interpol", "INSERT INTO sltd_document (document_number, issuing_country, document_type, status, reported_on,"
                + " reporting_ncb) VALUES ('" + number + "', 'FRA', 'PASSPORT', 'STOLEN', CURRENT_DATE, 'INTERPOL NCB Paris')");
        long committed = System.nanoTime();
        waitUntil(FRESH, () -> "HIT".equals(document(question).getString("outcome")), () -> "still no hit");
        long tookMs = (System.nanoTime() - committed) / 1_000_000;
        assertTrue(tookMs <= FRESH.toMillis(), "hit after " + tookMs + " ms");
        // and the hit is cached again
        double again = count("interpol", "l1", "hit");
        assertEquals("HIT", document(question).getString("outcome"));
        assertEquals(again + 1, count("interpol", "l1", "hit"));
    }

    @Test
    void newAlertShowsOnBothInstancesWithinASecond() throws SQLException {
        awaitReady(cache);
        SecondInstance b = otherInstance();
        // the first person question of a JVM pays for the matcher's start (transliteration tables): not timed here
        waitUntil(Duration.ofSeconds(15), () -> TestTokens.asOfficer().contentType(ContentType.JSON)
                .body(Map.of("name", "Warm Up", "purpose", "identity check")).when().post("/v1/search/person")
                .then().extract().jsonPath().getBoolean("complete"), () -> "no complete person answer");
        long subjectId = 9_100_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        String family = "Quaxworth" + Long.toString(subjectId, 36).toUpperCase();
        String name = "Zebulon " + family;
        awaitReady(cache);
        awaitReady(b.cache);
        double invalidationsOnA = invalidations("interpol");
        double invalidationsOnB = invalidationsOn(b.meters, "interpol");
        execute("interpol", "INSERT INTO notice_subject (subject_id, family_name, forename, birth_date, sex, nationality)"
                + " VALUES (" + subjectId + ", '" + family + "', 'Zebulon', DATE '1971-05-06', 'M', 'GBR')");
        String recordId = Long.toString(subjectId);
        // the new subject's own announcement taken in by both first: arriving after A cached its answer, it would
        // move B's generation and B would (rightly) not find A's answer in Redis
        waitUntil(Duration.ofSeconds(5), () -> invalidations("interpol") > invalidationsOnA
                && invalidationsOn(b.meters, "interpol") > invalidationsOnB, () -> "the new subject was not announced to A and B");

        // cached in both: A from the source (and into L2), B from L2, then both from L1
        assertEquals(0, alertsOnA(name, recordId));
        double l2HitsOnB = b.count("interpol", "l2", "hit");
        assertEquals(0, alertsOnB(b, name, recordId));
        assertEquals(l2HitsOnB + 1, b.count("interpol", "l2", "hit"), "B found A's answer in Redis");
        double l1HitsOnA = count("interpol", "l1", "hit");
        double l1HitsOnB = b.count("interpol", "l1", "hit");
        assertEquals(0, alertsOnA(name, recordId));
        assertEquals(0, alertsOnB(b, name, recordId));
        assertEquals(l1HitsOnA + 1, count("interpol", "l1", "hit"));
        assertEquals(l1HitsOnB + 1, b.count("interpol", "l1", "hit"));

        // a red notice is issued in the source
        execute("interpol", "INSERT INTO notice (notice_id, subject_id, colour, requested_action, caution, issued_on,"
                + " ncb_contact) VALUES ('CACHE-" + subjectId + "', " + subjectId + ", 'RED', 'PROVISIONAL_ARREST', '{ARMED}',"
                + " CURRENT_DATE, 'INTERPOL NCB London')");
        long committed = System.nanoTime();
        waitUntil(FRESH, () -> alertsOnA(name, recordId) == 1, () -> "A does not show the alert");
        waitUntil(FRESH.minusNanos(System.nanoTime() - committed), () -> alertsOnB(b, name, recordId) == 1,
                () -> "B does not show the alert");
        long tookMs = (System.nanoTime() - committed) / 1_000_000;
        assertTrue(tookMs <= FRESH.toMillis(), "both showed it after " + tookMs + " ms");
    }

    @Test
    void sourceWithoutItsChangeFeedIsNotServedFromCacheAndNothingFromBeforeTheGapAfterwards() throws SQLException {
        awaitReady(cache);
        String number = "GQ" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        Map<String, Object> question = Map.of("number", number, "issuingCountry", "FRA", "purpose", "border check");
        assertEquals("NO_HIT", document(question).getString("outcome"));
        assertEquals("NO_HIT", document(question).getString("outcome"));   // cached, ASEANAPOL included
        try {
            // ASEANAPOL's connections (its change feed among them) are cut, and a document is added meanwhile:
            // its announcement reaches nobody
            FaultProxy.mode(FaultProxy.Mode.RESET);
            waitUntil(Duration.ofSeconds(2), () -> cache.status().get("change-feeds").contains(SourceDatabases.PROXIED),
                    () -> "the cut feed is seen: " + cache.status());
            execute(SourceDatabases.PROXIED, "INSERT INTO travel_document (td_number, issuer_icao, td_type, td_status, status_date,"
                    + " originating_ncb) VALUES ('" + number + "', 'FRA', 'P', 'STOLEN', CURRENT_DATE, 'NCB Singapore')");
            // not served from cache while the feed is down: the source is asked, and fails
            JsonPath during = document(question);
            assertEquals("ERROR", during.getString("sources.find { it.source == '" + SourceDatabases.PROXIED + "' }.status"));
            assertEquals("INCOMPLETE", during.getString("outcome"));
        } finally {
            FaultProxy.reset();
            breakers.resetAll();
        }
        // the feed is back: what was cached before the gap is not served, the new document is
        awaitReady(cache);
        JsonPath after = document(question);
        assertEquals("HIT", after.getString("outcome"), after::prettify);
        assertEquals(SourceDatabases.PROXIED, after.getString("subjects[0].records[0].source"));
    }

    @Test
    void answerReadBeforeAChangeIsNeverStoredAfterIt() throws SQLException {
        awaitReady(cache);
        String number = "RQ" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        CacheKey<DocumentRecord> key = CacheKey.documents("interpol", new DocumentQuery(number, "FRA", null));
        // a source call that read "nothing" just before the document was added, and returns only after
        // the change has been announced and taken in: the race a generation taken too late would lose
        double invalidations = invalidations("interpol");
        SourceCall<List<DocumentRecord>> stale = cache.get(key, Duration.ofSeconds(5), () -> Uni.createFrom().item(() -> {
                    try {
                        execute("interpol", "INSERT INTO sltd_document (document_number, issuing_country, document_type, status,"
                                + " reported_on, reporting_ncb) VALUES ('" + number + "', 'FRA', 'PASSPORT', 'STOLEN', CURRENT_DATE,"
                                + " 'INTERPOL NCB Paris')");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    waitUntil(Duration.ofSeconds(2), () -> invalidations("interpol") > invalidations, () -> "no invalidation");
                    return new SourceCall<List<DocumentRecord>>(SourceStatus.OK, List.of(), 1, null);
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of(), stale.value());
        // the very next question, without waiting: the stale no-hit was not kept
        assertEquals("HIT", document(Map.of("number", number, "issuingCountry", "FRA", "purpose", "border check"))
                .getString("outcome"));
    }

    @Test
    void cacheFiguresAreExposedToPrometheus() {
        document(Map.of("number", "P4471902", "issuingCountry", "FRA", "purpose", "border check"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("frontline_cache_requests_total{"), "requests");
        assertTrue(metrics.contains("tier=\"l1\""), "tier tag");
        assertTrue(metrics.contains("frontline_cache_invalidations_total{"), "invalidations");
    }

    @Test
    void hundredConcurrentIdenticalColdQuestionsReachEachSourceOnce() throws Exception {
        awaitReady(cache);
        Map<String, String> tables = Map.of("interpol", "sltd_document", "europol", "eis_object_document",
                "ameripol", "documento_viaje", "aseanapol", "travel_document", "gccpol", "gcc_document");
        String number = "CB" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String body = "{\"number\":\"" + number + "\",\"issuingCountry\":\"DEU\",\"purpose\":\"border check\"}";
        Map<String, Long> before = settledScans(tables);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/v1/search/document"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + TestTokens.officer())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            burst.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : burst) {
            HttpResponse<String> response = f.join();
            assertEquals(200, response.statusCode());
            assertEquals("NO_HIT", JsonPath.from(response.body()).getString("outcome"), response.body());
        }

        Map<String, Long> after = settledScans(tables);
        for (String source : tables.keySet()) {
            assertEquals(1, after.get(source) - before.get(source), source + ": scans of " + tables.get(source));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static JsonPath document(Map<String, Object> question) {
        return TestTokens.asOfficer().contentType(ContentType.JSON).accept(ContentType.JSON).body(question)
                .when().post("/v1/search/document")
                .then().statusCode(200).extract().jsonPath();
    }

    private static int alertsOnA(String name, String recordId) {
        JsonPath answer = TestTokens.asOfficer().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("name", name, "dateOfBirth", "1971-05-06", "purpose", "identity check"))
                .when().post("/v1/search/person")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> records = answer.getList("subjects.records.flatten().findAll { it.source == 'interpol' && it.recordId == '"
                + recordId + "' }");
        return records.size() == 1 ? ((List<?>) records.get(0).get("alerts")).size() : -1;   // -1: not (yet) found
    }

    private int alertsOnB(SecondInstance b, String name, String recordId) {
        // the question A is asked (alertsOnA: with the date of birth), as A's search puts it to the source
        List<PersonRecord> found = b.persons("interpol", matcher.searchKey(name), 1971, searchConfig.maxCandidates()).stream()
                .filter(p -> p.recordId().equals(recordId)).toList();
        assertEquals(1, found.size(), "the subject is found on B");
        return found.get(0).alerts().size();
    }

    private double invalidations(String source) {
        return invalidationsOn(meters, source);
    }

    private static double invalidationsOn(MeterRegistry registry, String source) {
        Counter c = registry.find("frontline.cache.invalidations").tag("source", source).counter();
        return c == null ? 0 : c.count();
    }

    private double count(String source, String tier, String result) {
        return SecondInstance.counter(meters, source, tier, result);
    }

    private static void execute(String source, String sql) throws SQLException {
        try (Connection c = SourceDatabases.server().connect(SourceDatabases.database(source)); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Scans (sequential + index) of each source's table as PostgreSQL counts them. A backend reports
     * its counts when idle at most every few seconds, but always when it ends: so every client
     * backend of the source database (the service's pool and change feed) is ended first, and the
     * service reconnects by itself.
     */
    private Map<String, Long> settledScans(Map<String, String> tables) throws SQLException, InterruptedException {
        Map<String, Long> scans = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : tables.entrySet()) {
            try (Connection c = SourceDatabases.server().connect(SourceDatabases.database(t.getKey()));
                 Statement st = c.createStatement()) {
                List<Integer> ended = new ArrayList<>();
                InjectedFaults.happened("terminated-" + t.getKey(), "the test ended every backend of "
                        + t.getKey() + "'s database");
                try (ResultSet rs = st.executeQuery("SELECT pid, pg_terminate_backend(pid) FROM (SELECT pid FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
                        + " OFFSET 0) others")) {
                    while (rs.next()) {
                        ended.add(rs.getInt(1));
                    }
                }
                for (int pid : ended) {
                    waitUntil(Duration.ofSeconds(5), () -> gone(c, pid), () -> "backend " + pid + " did not end");
                }
                // an ended backend leaves pg_stat_activity before its last counts are flushed (a CI run read 0
                // scans where there was 1): read until the count has stood still for 600 ms
                long count = scansOf(st, t.getValue());
                long stillSince = System.nanoTime();
                long until = stillSince + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() - stillSince < Duration.ofMillis(600).toNanos() && System.nanoTime() < until) {
                    Thread.sleep(150);
                    long now = scansOf(st, t.getValue());
                    if (now != count) {
                        count = now;
                        stillSince = System.nanoTime();
                    }
                }
                scans.put(t.getKey(), count);
            }
        }
        // the change feeds were cut with the backends: wait until they are back before going on, and let the
        // pools open fresh connections with a ping (no table touched) so that the burst does not pay for it
        awaitReady(cache);
        given().when().get("/q/health/ready");
        given().when().get("/q/health/ready");
        breakers.resetAll();
        return scans;
    }

    private static long scansOf(Statement st, String table) throws SQLException {
        st.execute("SELECT pg_stat_clear_snapshot()");
        try (ResultSet rs = st.executeQuery("SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0)"
                + " FROM pg_stat_user_tables WHERE relname = '" + table + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean gone(Connection c, int pid) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(Duration limit, BooleanSupplier condition, java.util.function.Supplier<String> failure) {
        SecondInstance.waitUntil(limit, condition, failure);
    }
}
