package org.frontline.source;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.frontline.cache.SourceCache;
import org.frontline.testsupport.FaultProxy;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adding a source of a known type is configuration only (issue #17 item 3): {@link SecondInterpol} is
 * exactly what the README tells an operator to write for a second INTERPOL-schema database, and its
 * database is a real one, created, migrated and seeded by the tooling ({@link SecondInterpolDatabase}).
 * Nothing else names it: the search, the cache and its change feed, need-to-know, the breaker, the
 * metrics, {@code /v1/sources} and readiness all take it from the registry as any source.
 */
@QuarkusTest
@TestProfile(AddedSourceTest.SecondInterpol.class)
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class AddedSourceTest {

    static final String ID = SecondInterpolDatabase.ID;
    static final String CONTACT = "INTERPOL NCB Wiesbaden (second database), +49 611 55 0";

    /** The operator's configuration of the added source (the URL and credentials come from the database's set-up). */
    public static class SecondInterpol implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String p = "frontline.sources." + ID + ".";
            return Map.of(p + "type", "postgresql",
                    p + "schema", "interpol",
                    p + "organisation", "INTERPOL",
                    p + "region", "Europe",
                    p + "contact-point", CONTACT,
                    p + "timeout", "4s",
                    // a breaker that judges a few calls and stays open, as the fault tests' (CacheOff)
                    p + "breaker.request-volume", "4",
                    p + "breaker.failure-ratio", "0.5",
                    p + "breaker.delay", "60s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SecondInterpolDatabase.class));
        }
    }

    private static final Map<String, Object> STOLEN_PASSPORT =
            Map.of("number", "P4471902", "issuingCountry", "FRA", "purpose", "border control, entry");

    @Inject
    SourceRegistry registry;
    @Inject
    SourceCache cache;
    @Inject
    MeterRegistry meters;
    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void heal() {
        FaultProxy.mode(ID, FaultProxy.Mode.PASS);
        breakers.resetAll();
    }

    @Test
    void bothInterpolDatabasesAnswerOneSearch() {
        assertEquals(List.of("ameripol", "aseanapol", "europol", "gccpol", "interpol", ID),
                registry.all().stream().map(Source::id).toList());
        JsonPath answer = document(STOLEN_PASSPORT);
        assertEquals("HIT", answer.getString("outcome"));
        assertEquals(6, answer.getList("sources").size());
        for (String source : List.of("interpol", ID)) {
            assertEquals("OK", answer.getString(status(source)), source);
            assertEquals(1, answer.getInt("sources.find { it.source == '" + source + "' }.records"), source);
        }
        assertTrue(answer.getList("subjects.records.flatten().source").contains(ID), answer.prettyPrint());
    }

    @Test
    void listedWithItsContactPointAndHealth() {
        JsonPath sources = TestTokens.asOfficer().when().get("/v1/sources").then().statusCode(200).extract().jsonPath();
        String it = "find { it.id == '" + ID + "' }";
        assertEquals("INTERPOL", sources.getString(it + ".organisation"));
        assertEquals(CONTACT, sources.getString(it + ".contactPoint"));
        assertEquals(List.of("PERSON", "DOCUMENT", "VEHICLE"), sources.getList(it + ".kinds"));
        assertEquals("UP", sources.getString(it + ".health"));
        assertEquals("CLOSED", sources.getString(it + ".breaker"));
        String ready = given().when().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'sources' }.data." + ID);
        assertTrue(ready != null && ready.startsWith("UP"), "readiness names it: " + ready);
    }

    @Test
    void needToKnowWithholdsItsRestrictedAlertAsForInterpol() {
        // INTERPOL fixture 9000000004 "Testina Halbversteckt", in both databases: a yellow notice for everyone, a
        // red one for France only. The French officer sees the arrest in both; the German one is told that both
        // hold what he may not see, each with its own contact point
        String french = TestTokens.token("officer-f-added", "PN", "FRA", "RESTRICTED", "OFFICER");
        JsonPath seen = person(french, "Testina Halbversteckt", "1987-02-02");
        assertEquals("ARREST", seen.getString("action"));
        assertTrue(seen.getBoolean("complete"), seen.getString("message"));
        assertEquals(1, seen.getInt("sources.find { it.source == '" + ID + "' }.records"));

        String german = TestTokens.token("officer-g-added", "BKA", "DEU", "SECRET", "OFFICER");
        JsonPath partial = person(german, "Testina Halbversteckt", "1987-02-02");
        assertEquals("LOCATE", partial.getString("action"), partial.prettify());
        assertFalse(partial.getBoolean("complete"));
        String message = partial.getString("message");
        assertTrue(message.contains(ID + " (" + CONTACT + ")"), message);
        assertTrue(message.contains("interpol (INTERPOL"), message);
    }

    private static JsonPath person(String token, String name, String dateOfBirth) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "dateOfBirth", dateOfBirth, "purpose", "identity check"))
                .when().post("/v1/search/person").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void cachedAndFreshAsAnySource() throws SQLException {
        Waiting.until(Duration.ofSeconds(15), () -> cache.status().get("change-feeds").equals("all listening"),
                () -> "not every change feed listens: " + cache.status());
        String number = "IQ" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        Map<String, Object> question = Map.of("number", number, "issuingCountry", "FRA", "purpose", "border check");
        assertEquals("NO_HIT", document(question).getString("outcome"));
        double l1Hits = counter("frontline.cache.requests", "tier", "l1", "result", "hit");
        assertEquals("NO_HIT", document(question).getString("outcome"));
        assertEquals(l1Hits + 1, counter("frontline.cache.requests", "tier", "l1", "result", "hit"),
                "the second no-hit came from its L1");

        // a passport reported stolen in the second database only: its change feed moves its generation
        try (Connection c = SourceDatabases.server().connect(SourceDatabases.database(ID)); Statement st = c.createStatement()) {
            st.execute("INSERT INTO sltd_document (document_number, issuing_country, document_type, status, reported_on,"
                    + " reporting_ncb) VALUES ('" + number + "', 'FRA', 'PASSPORT', 'STOLEN', CURRENT_DATE, 'INTERPOL NCB Wiesbaden')");
        }
        long committed = System.nanoTime();
        Waiting.until(Duration.ofSeconds(1), () -> "HIT".equals(document(question).getString("outcome")),
                () -> "the added source's new stolen passport is not a HIT");
        long tookMs = (System.nanoTime() - committed) / 1_000_000;
        JsonPath hit = document(question);
        assertEquals(1, hit.getInt("sources.find { it.source == '" + ID + "' }.records"));
        assertEquals(0, hit.getInt("sources.find { it.source == 'interpol' }.records"));
        assertTrue(tookMs <= 1000, "hit after " + tookMs + " ms");
    }

    @Test
    void itsBreakerOpensOnItsOwnFaultsAndTheOthersAnswer() {
        Source second = registry.byId(ID).orElseThrow();
        double errors = counter("frontline.source.answers", "kind", "DOCUMENT", "status", "ERROR");
        FaultProxy.mode(ID, FaultProxy.Mode.RESET);
        Waiting.until(Duration.ofSeconds(10), () -> {
            JsonPath answer = document(Map.of("number", "QQ" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                    "issuingCountry", "NLD", "purpose", "border check"));
            assertEquals("INCOMPLETE", answer.getString("outcome"), "a source that did not answer is never a no-hit");
            assertNotEquals("OK", answer.getString(status(ID)));
            assertEquals("OK", answer.getString(status("interpol")));
            return registry.breakerState(second) == CircuitBreakerState.OPEN;
        }, () -> "its breaker stays " + registry.breakerState(second));
        assertEquals(CircuitBreakerState.CLOSED, registry.breakerState(registry.byId("interpol").orElseThrow()));
        Gauge gauge = meters.find("frontline.source.breaker.state").tag("source", ID).gauge();
        assertEquals(2.0, gauge.value(), "its breaker gauge says open");
        assertTrue(counter("frontline.source.answers", "kind", "DOCUMENT", "status", "ERROR") > errors,
                "its errors are counted under its own id");
        JsonPath open = document(STOLEN_PASSPORT);
        assertEquals("CIRCUIT_OPEN", open.getString(status(ID)));
        assertEquals("HIT", open.getString("outcome"), "INTERPOL's own database still answers the stolen passport");
    }

    private static String status(String source) {
        return "sources.find { it.source == '" + source + "' }.status";
    }

    private double counter(String name, String... tags) {
        Counter c = meters.find(name).tag("source", ID).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    private static JsonPath document(Map<String, Object> question) {
        return TestTokens.asOfficer().contentType(ContentType.JSON).body(question)
                .when().post("/v1/search/document").then().statusCode(200).extract().jsonPath();
    }
}
