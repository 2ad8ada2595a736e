package org.frontline.ops;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.frontline.source.Source;
import org.frontline.source.SourceRegistry;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.InjectedFaults;
import org.frontline.testsupport.SecondInterpolDatabase;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.frontline.testsupport.Waiting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readiness ({@link SourcesReadiness}) and the sources' view ({@code GET /v1/sources}, polled by consoles and
 * monitors) probe a source outside its guard: whatever a probe finds, the source's breaker does not hear of it. The source under test is a sixth, real PostgreSQL database of the
 * INTERPOL schema behind a proxy of its own ({@link SecondInterpolDatabase}), with a breaker that opens
 * after two failures in four calls and rests for two seconds, so that its half-open state comes within the
 * test. The cache is off: every question goes to the sources.
 */
@QuarkusTest
@TestProfile(SourcesReadinessTest.ShortBreaker.class)
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class SourcesReadinessTest {

    static final String ID = SecondInterpolDatabase.ID;
    static final Duration BREAKER_DELAY = Duration.ofSeconds(2);
    /** The sixth source's own timeout: longer than readiness's bound, so that the bound shows as readiness's own. */
    static final Duration SOURCE_TIMEOUT = Duration.ofSeconds(3);
    static final String MOVED = "sltd_document_moved";

    public static class ShortBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String p = "frontline.sources." + ID + ".";
            return Map.ofEntries(Map.entry("frontline.cache.enabled", "false"),
                    Map.entry(p + "schema", "interpol"),
                    Map.entry(p + "organisation", "INTERPOL"),
                    Map.entry(p + "region", "Europe"),
                    Map.entry(p + "contact-point", "INTERPOL NCB Wiesbaden (second database)"),
                    Map.entry(p + "timeout", SOURCE_TIMEOUT.toMillis() + "ms"),
                    Map.entry(p + "breaker.request-volume", "4"),
                    Map.entry(p + "breaker.failure-ratio", "0.5"),
                    Map.entry(p + "breaker.delay", BREAKER_DELAY.toMillis() + "ms"),
                    Map.entry(p + "breaker.success-threshold", "1"));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SecondInterpolDatabase.class));
        }
    }

    @Inject
    SourceRegistry registry;
    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void heal() throws SQLException {
        FaultProxy.mode(ID, FaultProxy.Mode.PASS);
        sql("ALTER TABLE IF EXISTS " + MOVED + " RENAME TO sltd_document");
        InjectedFaults.end("table-" + ID);
        breakers.resetAll();
    }

    /**
     * The second database's server answers SELECT 1, but the table every document question reads is gone:
     * questions fail until the source's breaker opens.
     */
    private Source questionsFailWhilePingsSucceed() throws SQLException {
        Source second = registry.byId(ID).orElseThrow();
        InjectedFaults.begin("table-" + ID, "the " + ID + " database's sltd_document table moved away");
        sql("ALTER TABLE sltd_document RENAME TO " + MOVED);
        Waiting.until(Duration.ofSeconds(10), () -> {
            String status = status(document(), ID);
            assertTrue(status.equals("ERROR") || status.equals("CIRCUIT_OPEN"), status);
            return registry.breakerState(second) == CircuitBreakerState.OPEN;
        }, () -> "its breaker stays " + registry.breakerState(second));
        return second;
    }

    @Test
    void probesThatSucceedDoNotCloseTheBreakerOfASourceWhoseQuestionsFail() throws SQLException {
        Source second = questionsFailWhilePingsSucceed();

        // readiness, again and again, for longer than the breaker rests: each probe would have been its trial call
        List<String> seen = new ArrayList<>();
        long until = System.nanoTime() + BREAKER_DELAY.plusSeconds(1).toNanos();
        while (System.nanoTime() < until) {
            seen.add(readiness().getString("checks.find { it.name == 'sources' }.data." + ID));
        }
        assertTrue(seen.size() > 5, "readiness asked " + seen.size() + " times");
        assertTrue(seen.stream().noneMatch(detail -> detail.contains("CLOSED")),
                "a readiness probe closed the breaker of a source whose questions fail: " + runs(seen));
        // rested, the breaker is half-open (SmallRye's timer moves it) and waits for a trial, which no probe was
        assertNotEquals(CircuitBreakerState.CLOSED, registry.breakerState(second));
        assertTrue(seen.stream().allMatch(detail -> detail.equals("UP, breaker OPEN") || detail.equals("UP, breaker HALF_OPEN")),
                "the server answers, and the breaker's state is shown as it is: " + runs(seen));
        assertEquals("UP, breaker OPEN", seen.get(0));

        // the first question after the rest is the breaker's trial: it fails, and the breaker opens again at once
        assertEquals("ERROR", status(document(), ID), "the trial call is an officer's question, and it fails");
        JsonPath next = document();
        assertEquals("CIRCUIT_OPEN", status(next, ID), "the frontline is not sent back to a broken source");
        assertEquals("OK", status(next, "interpol"));
        assertEquals(CircuitBreakerState.CLOSED, registry.breakerState(registry.byId("interpol").orElseThrow()));
    }

    @Test
    void probesThatFailDoNotOpenTheBreakerOfASourceWhoseQuestionsWouldWork() {
        Source second = registry.byId(ID).orElseThrow();
        FaultProxy.mode(ID, FaultProxy.Mode.RESET);
        // more probes than the breaker's window of four calls, every one of them failing
        for (int i = 0; i < 8; i++) {
            String detail = readiness().getString("checks.find { it.name == 'sources' }.data." + ID);
            assertTrue(detail.startsWith("DOWN ("), "probe " + i + ": " + detail);
            assertTrue(detail.endsWith(", breaker CLOSED"), "probe " + i + ": " + detail);
        }
        assertEquals(CircuitBreakerState.CLOSED, registry.breakerState(second), "readiness's failed pings were counted");
        FaultProxy.mode(ID, FaultProxy.Mode.PASS);
        Waiting.until(Duration.ofSeconds(5), () -> "OK".equals(status(document(), ID)),
                () -> "the healed source does not answer: breaker " + registry.breakerState(second));
        assertEquals(CircuitBreakerState.CLOSED, registry.breakerState(second));
    }

    @Test
    void aSourceThatHangsIsDownWithinTheBoundWhileReadinessStaysUpAndItsProbesDoNotPileUp() {
        FaultProxy.mode(ID, FaultProxy.Mode.BLACKHOLE);
        long connectionsBefore = FaultProxy.connections(ID);
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            JsonPath ready = readiness();
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals("UP", ready.getString("status"), "one source down does not take the instance out");
            assertEquals("UP", ready.getString("checks.find { it.name == 'sources' }.status"));
            assertEquals("DOWN (TIMEOUT), breaker CLOSED", ready.getString("checks.find { it.name == 'sources' }.data." + ID));
            for (String other : SourceDatabases.SOURCES) {
                String detail = ready.getString("checks.find { it.name == 'sources' }.data." + other);
                assertTrue(detail.startsWith("UP"), other + ": " + detail);
            }
            // bounded by readiness's 500 ms, not by the source's own 3 s
            assertTrue(tookMs < 500 + 1000, "readiness answered in " + tookMs + " ms");
        }
        // the four probes came within the first ping's own timeout: they waited for it instead of each sending
        // another, which would each have needed a connection of their own (the first is stuck on its)
        long opened = FaultProxy.connections(ID) - connectionsBefore;
        assertTrue(opened <= 1, "probes opened " + opened + " connections to a source that hangs");
    }

    @Test
    void theSourcesViewPolledAgainAndAgainDoesNotCloseTheBreakerOfASourceWhoseQuestionsFail() throws SQLException {
        Source second = questionsFailWhilePingsSucceed();

        // a console polling the view for longer than the breaker rests: each ping would have been its trial call
        List<String> seen = new ArrayList<>();
        long until = System.nanoTime() + BREAKER_DELAY.plusSeconds(1).toNanos();
        while (System.nanoTime() < until) {
            JsonPath view = sources();
            String it = "find { it.id == '" + ID + "' }";
            long pingMs = view.getLong(it + ".pingMs");
            assertTrue(pingMs >= 0 && pingMs < 1000, "pingMs " + pingMs);
            seen.add(view.getString(it + ".health") + ", breaker " + view.getString(it + ".breaker"));
        }
        assertTrue(seen.size() > 5, "the view was asked " + seen.size() + " times");
        assertTrue(seen.stream().noneMatch(view -> view.contains("CLOSED")),
                "polling the sources' view closed the breaker of a source whose questions fail: " + runs(seen));
        assertNotEquals(CircuitBreakerState.CLOSED, registry.breakerState(second));
        assertTrue(seen.stream().allMatch(view -> view.equals("UP, breaker OPEN") || view.equals("UP, breaker HALF_OPEN")),
                "the server answers, and the breaker's state is shown as it is: " + runs(seen));

        assertEquals("ERROR", status(document(), ID), "the trial call is an officer's question, and it fails");
        assertEquals("CIRCUIT_OPEN", status(document(), ID), "the frontline is not sent back to a broken source");
    }

    @Test
    void theSourcesViewsFailingPingsDoNotOpenTheBreakerOfASourceWhoseQuestionsWouldWork() {
        Source second = registry.byId(ID).orElseThrow();
        FaultProxy.mode(ID, FaultProxy.Mode.RESET);
        for (int i = 0; i < 8; i++) {
            JsonPath view = sources();
            String it = "find { it.id == '" + ID + "' }";
            assertEquals("DOWN", view.getString(it + ".health"), "poll " + i);
            assertEquals("CLOSED", view.getString(it + ".breaker"), "poll " + i);
            assertEquals("UP", view.getString("find { it.id == 'interpol' }.health"), "poll " + i);
        }
        assertEquals(CircuitBreakerState.CLOSED, registry.breakerState(second), "the view's failed pings were counted");
        FaultProxy.mode(ID, FaultProxy.Mode.PASS);
        Waiting.until(Duration.ofSeconds(5), () -> "OK".equals(status(document(), ID)),
                () -> "the healed source does not answer: breaker " + registry.breakerState(second));
        assertEquals(CircuitBreakerState.CLOSED, registry.breakerState(second));
    }

    /** The details in the order seen, each with how many times in a row: "[UP, breaker OPEN ×12, ...]". */
    private static List<String> runs(List<String> seen) {
        List<String> runs = new ArrayList<>();
        for (int i = 0, n; i < seen.size(); i += n) {
            n = 1;
            while (i + n < seen.size() && seen.get(i + n).equals(seen.get(i))) {
                n++;
            }
            runs.add(seen.get(i) + " ×" + n);
        }
        return runs;
    }

    private static JsonPath readiness() {
        return given().accept(ContentType.JSON).when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath sources() {
        return TestTokens.asOfficer().accept(ContentType.JSON).when().get("/v1/sources")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath document() {
        return TestTokens.asOfficer().contentType(ContentType.JSON)
                .body(Map.of("number", "QQ" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                        "issuingCountry", "NLD", "purpose", "border check"))
                .when().post("/v1/search/document").then().statusCode(200).extract().jsonPath();
    }

    private static String status(JsonPath answer, String source) {
        return answer.getString("sources.find { it.source == '" + source + "' }.status");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = SourceDatabases.server().connect(SourceDatabases.database(ID)); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
