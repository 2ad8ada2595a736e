package org.frontline.source.aimc;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.frontline.testsupport.AimcDatabase;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.SourceDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.frontline.source.aimc.AimcSourceTest.post;
import static org.frontline.source.aimc.AimcSourceTest.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected with the project's real TCP proxy between the service and AIMC's MariaDB: the
 * MariaDB source is guarded exactly as the PostgreSQL ones (its own timeout, breaker, bulkhead, the
 * caller's deadline), the five others are unaffected, and the NO_HIT safety rule holds with six
 * sources: "nobody" only when all six answered. The cache is off, as in SourceFaultTest.
 */
@QuarkusTest
@TestProfile(AimcFaultTest.AimcCacheOff.class)
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class AimcFaultTest {

    static final String ID = AimcDatabase.ID;
    static final String SPARE = "aimc-rabat";
    static final String SPARE_REASON = "no MariaDB for it in this test";
    static final List<String> OTHERS = List.of("ameripol", "aseanapol", "europol", "gccpol", "interpol");
    static final Map<String, Object> NOBODY = Map.of("name", "Quintilian Vexworth-Ogunbadejo", "dateOfBirth", "1966-06-06",
            "purpose", "identity check");

    /** The fault tests' settings (CacheOff) for AIMC: production timeout, a breaker that trips after a few failures. */
    public static class AimcCacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String p = "frontline.sources." + ID + ".";
            // and a second AIMC-schema source left out on purpose, as the demo leaves AIMC out without a MariaDB
            String spare = "frontline.sources." + SPARE + ".";
            return Map.ofEntries(Map.entry("frontline.cache.enabled", "false"),
                    Map.entry(p + "timeout", "800ms"),
                    Map.entry(p + "breaker.request-volume", "4"),
                    Map.entry(p + "breaker.failure-ratio", "0.5"),
                    Map.entry(p + "breaker.delay", "60s"),
                    Map.entry(spare + "type", "mariadb"),
                    Map.entry(spare + "schema", "aimc"),
                    Map.entry(spare + "enabled", "false"),
                    Map.entry(spare + "not-started-because", SPARE_REASON),
                    Map.entry(spare + "organisation", "AIMC"),
                    Map.entry(spare + "contact-point", "AIMC desk, Rabat"),
                    Map.entry(spare + "url", "mariadb://127.0.0.1:1/nowhere"));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AimcDatabase.class));
        }
    }

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void heal() {
        FaultProxy.mode(ID, FaultProxy.Mode.PASS);
        breakers.resetAll();
    }

    @Test
    void nobodyIsNoHitOnlyWhenAllSixAnswered() {
        JsonPath answer = post("person", NOBODY);
        assertEquals(6, answer.getList("sources").size());
        assertEquals("OK", status(answer, ID));
        assertEquals("NO_HIT", answer.getString("outcome"), answer.prettify());
        assertTrue(answer.getBoolean("complete"));
    }

    @Test
    void aSourceLeftOutIsListedAsNotStartedWithItsReasonAndNeverAsked() {
        JsonPath sources = org.frontline.testsupport.TestTokens.asOfficer().when().get("/v1/sources")
                .then().statusCode(200).extract().jsonPath();
        String it = "find { it.id == '" + SPARE + "' }";
        assertEquals("NOT_STARTED", sources.getString(it + ".health"));
        assertEquals(SPARE_REASON, sources.getString(it + ".note"));
        assertEquals(List.of("PERSON", "DOCUMENT", "VEHICLE"), sources.getList(it + ".kinds"));
        assertEquals("UP", sources.getString("find { it.id == 'aimc' }.health"));
        assertEquals(null, sources.getString("find { it.id == 'aimc' }.note"), "a started source has no note");
        JsonPath answer = post("person", NOBODY);
        assertEquals(6, answer.getList("sources").size(), "the source left out is not asked");
        assertEquals(null, status(answer, SPARE));
    }

    @Test
    void aHangingMariaDbTimesOutWithinItsOwnBudgetAndTheAnswerIsIncomplete() {
        FaultProxy.mode(ID, FaultProxy.Mode.BLACKHOLE);
        long start = System.nanoTime();
        JsonPath answer = post("person", Map.of("name", "Quintilian Vexworth-Ogunbadejo", "purpose", "identity check",
                "deadlineMs", 2500));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals("TIMEOUT", status(answer, ID));
        assertEquals("INCOMPLETE", answer.getString("outcome"), "a source that did not answer is never a no-hit");
        assertEquals(false, answer.getBoolean("complete"));
        for (String other : OTHERS) {
            assertEquals("OK", status(answer, other), other + " must be unaffected");
        }
        assertTrue(answer.getLong("elapsedMs") <= 2500 + 100, "answered in " + answer.getLong("elapsedMs") + " ms");
        assertTrue(tookMs < 2500 + 1000, "client waited " + tookMs + " ms");
        assertTrue(answer.getString("message").contains(ID), answer.getString("message"));
    }

    @Test
    void aHitFromAimcStillComesWhenItIsSlowButWithinItsTimeout() {
        Map<String, Object> passport = Map.of("number", AimcDatabase.STOLEN_PASSPORT, "issuingCountry", "JOR",
                "purpose", "border check");
        // connected first (a new connection is several round trips, each delayed: not what this test is about)
        assertEquals("OK", status(post("document", passport), ID));
        System.setProperty("faultproxy." + ID + ".delay-ms", "150");
        FaultProxy.mode(ID, FaultProxy.Mode.DELAY);
        JsonPath answer = post("document", passport);
        assertEquals("OK", status(answer, ID));
        assertEquals("HIT", answer.getString("outcome"));
    }

    @Test
    void aFailingMariaDbIsErrorThenCircuitOpenAndTheOthersStayFast() {
        FaultProxy.mode(ID, FaultProxy.Mode.RESET);
        for (int i = 0; i < 4; i++) {
            JsonPath answer = post("person", NOBODY);
            assertEquals("ERROR", status(answer, ID), "call " + i);
            assertEquals("INCOMPLETE", answer.getString("outcome"));
        }
        JsonPath open = post("person", NOBODY);
        assertEquals("CIRCUIT_OPEN", status(open, ID));
        assertEquals("INCOMPLETE", open.getString("outcome"), "a resting source is never a no-hit");
        assertTrue(open.getLong("sources.find { it.source == 'aimc' }.latencyMs") < 50, "an open breaker does not call");
        for (String other : OTHERS) {
            assertEquals("OK", status(open, other), other);
        }
        FaultProxy.mode(ID, FaultProxy.Mode.PASS);
        breakers.resetAll();
        assertEquals("OK", status(post("person", NOBODY), ID));
    }
}
