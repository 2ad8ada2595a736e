package org.frontline.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.frontline.testsupport.CacheOff;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected with a real TCP proxy between the service and ASEANAPOL's database: the other
 * sources must be unaffected, the answer must come within the deadline and never claim NO_HIT.
 * The cache is off: these are tests of the guards, and a cached answer would hide the fault.
 */
@QuarkusTest
@TestProfile(CacheOff.class)
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class SourceFaultTest {

    private static final Map<String, Object> UNKNOWN_DOCUMENT =
            Map.of("number", "QQ0000002", "issuingCountry", "NLD", "purpose", "border check");

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void heal() {
        FaultProxy.reset();
        breakers.resetAll();
    }

    private static JsonPath search(Map<String, Object> body) {
        return TestTokens.asOfficer().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/v1/search/document")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String status(JsonPath answer, String source) {
        return answer.getString("sources.find { it.source == '" + source + "' }.status");
    }

    @Test
    void slowSourceTimesOutAndTheAnswerIsIncompleteWithinTheDeadline() {
        FaultProxy.delay(3000);
        long start = System.nanoTime();
        JsonPath answer = search(Map.of("number", "QQ0000002", "issuingCountry", "NLD", "purpose", "border check",
                "deadlineMs", 2500));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals("TIMEOUT", status(answer, SourceDatabases.PROXIED));
        assertEquals("INCOMPLETE", answer.getString("outcome"), "a source that did not answer is never a no-hit");
        assertEquals(false, answer.getBoolean("complete"));
        for (String other : new String[] {"ameripol", "europol", "gccpol", "interpol"}) {
            assertEquals("OK", status(answer, other), other + " must be unaffected");
        }
        // the delayed source's own timeout (800 ms) ends the wait, well inside the 2500 ms deadline
        assertTrue(answer.getLong("elapsedMs") <= 2500 + 100, "answered in " + answer.getLong("elapsedMs") + " ms");
        assertTrue(tookMs < 2500 + 1000, "client waited " + tookMs + " ms");
        assertTrue(answer.getString("message").contains(SourceDatabases.PROXIED));
    }

    @Test
    void hitFromHealthySourcesStillComesWhenOneSourceHangs() {
        FaultProxy.mode(FaultProxy.Mode.BLACKHOLE);
        JsonPath answer = search(Map.of("number", "X9TEST001", "issuingCountry", "ESP", "purpose", "border check"));
        assertEquals("HIT", answer.getString("outcome"));
        assertEquals("TIMEOUT", status(answer, SourceDatabases.PROXIED));
        assertEquals(false, answer.getBoolean("complete"));
    }

    @Test
    void failingSourceIsErrorThenCircuitOpenAndTheOthersStayFast() {
        FaultProxy.mode(FaultProxy.Mode.RESET);
        // request-volume 4 at failure ratio 0.5 in the test profile: four failures open the breaker
        for (int i = 0; i < 4; i++) {
            JsonPath answer = search(UNKNOWN_DOCUMENT);
            assertEquals("ERROR", status(answer, SourceDatabases.PROXIED), "call " + i);
            assertEquals("INCOMPLETE", answer.getString("outcome"));
        }
        JsonPath open = search(UNKNOWN_DOCUMENT);
        assertEquals("CIRCUIT_OPEN", status(open, SourceDatabases.PROXIED));
        assertEquals("INCOMPLETE", open.getString("outcome"));
        assertTrue(open.getLong("sources.find { it.source == 'aseanapol' }.latencyMs") < 50, "an open breaker does not call");
        for (String other : new String[] {"ameripol", "europol", "gccpol", "interpol"}) {
            assertEquals("OK", status(open, other));
        }
        assertTrue(open.getLong("elapsedMs") < 2000, "others answer without waiting for it: " + open.getLong("elapsedMs") + " ms");
        // healed: the breaker (60 s delay in tests) stays open until reset, then the source answers again
        FaultProxy.reset();
        breakers.resetAll();
        assertEquals("OK", status(search(UNKNOWN_DOCUMENT), SourceDatabases.PROXIED));
    }

    @Test
    void deadlineIsCappedAndDefaulted() {
        FaultProxy.delay(10_000);
        JsonPath answer = search(Map.of("number", "QQ0000002", "issuingCountry", "NLD", "purpose", "border check",
                "deadlineMs", 60_000));
        // the proxied source's own timeout (800 ms) is shorter than any deadline
        assertEquals("TIMEOUT", status(answer, SourceDatabases.PROXIED));
        assertTrue(answer.getLong("elapsedMs") < 3000, "elapsed " + answer.getLong("elapsedMs"));
    }
}
