package org.frontline.source.eco;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.frontline.testsupport.EcoPartner;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.frontline.testsupport.Waiting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.frontline.source.eco.EcoSourceTest.partner;
import static org.frontline.source.eco.EcoSourceTest.post;
import static org.frontline.source.eco.EcoSourceTest.stat;
import static org.frontline.source.eco.EcoSourceTest.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ECO's own circuit breaker, against the real partner process over real HTTP: the partner failing (its 5xx,
 * or its connections reset by the project's TCP proxy) opens it after the configured failures; ECO is then
 * CIRCUIT_OPEN in answers without a request reaching the partner, while the five other sources answer; once
 * the partner has recovered and the breaker's delay has passed, trial questions go through (half-open) and
 * close it. And the rule the SQL sources have ({@code Source}, "Whose time is it?"; SourceFaultTest proves it
 * for ASEANAPOL) holds for ECO too: an officer whose short deadline ends before ECO answers does not count as
 * ECO failing. Cache off: every question goes to the sources.
 */
@QuarkusTest
@TestProfile(EcoBreakerTest.TrippingBreaker.class)
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class EcoBreakerTest {

    static final List<String> OTHERS = List.of("ameripol", "aseanapol", "europol", "gccpol", "interpol");
    static final Duration DELAY = Duration.ofSeconds(4);

    /** ECO at its production timeout, its breaker judging 4 calls at ratio 0.5, resting 4 s, closing after 2 trials. */
    public static class TrippingBreaker extends EcoPartnerProfile {
        @Override
        Map<String, String> eco() {
            return Map.of(
                    "timeout", "800ms",
                    "breaker.request-volume", "4",
                    "breaker.failure-ratio", "0.5",
                    "breaker.delay", DELAY.toMillis() + "ms",
                    "breaker.success-threshold", "2");
        }
    }

    /** A document nobody reported: one page, answered by every source. */
    static Map<String, Object> unknownDocument(int i) {
        return Map.of("number", "QQ" + (5_000_000 + i), "issuingCountry", "TUR", "purpose", "border check");
    }

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void heal() {
        FaultProxy.mode(EcoPartner.ID, FaultProxy.Mode.PASS);
        partner().heal();
        breakers.resetAll();
    }

    String breaker() {
        return breakers.currentState("source-eco").name();
    }

    static void othersAnswered(JsonPath answer) {
        for (String other : OTHERS) {
            assertEquals("OK", answer.getString("sources.find { it.source == '" + other + "' }.status"),
                    other + " must be unaffected: " + answer.prettify());
        }
    }

    /** Four failing questions: each ECO's ERROR (or, for a cut connection, TIMEOUT), and the breaker then open. */
    void failFourTimes(List<String> failures) {
        for (int i = 0; i < 4; i++) {
            JsonPath answer = post(TestTokens.officer(), "document", unknownDocument(i));
            assertTrue(failures.contains(status(answer)), "question " + i + ": " + status(answer));
            assertEquals("INCOMPLETE", answer.getString("outcome"));
            othersAnswered(answer);
        }
        assertEquals("OPEN", breaker());
    }

    void recoversHalfOpenThenClosed() {
        // rested for the delay: the first trial question goes through and the breaker is half-open, the second closes it
        EcoSourceTest.pause(DELAY.toMillis());
        Waiting.until(Duration.ofSeconds(5), () -> {
            String eco = status(post(TestTokens.officer(), "document", unknownDocument(40)));
            EcoSourceTest.pause("OK".equals(eco) ? 0 : 250);
            return "OK".equals(eco);
        }, () -> "ECO did not answer again after its breaker's delay");
        assertEquals("HALF_OPEN", breaker(), "one trial of two");
        assertEquals("OK", status(post(TestTokens.officer(), "document", unknownDocument(41))));
        assertEquals("CLOSED", breaker());
        JsonPath answer = post(TestTokens.officer(), "document", unknownDocument(42));
        assertEquals("OK", status(answer));
        assertEquals("NO_HIT", answer.getString("outcome"), "all six answered");
    }

    @Test
    void aPartnerAnsweringServerErrorsOpensTheBreakerWhichAsksItNothingUntilItRecovers() {
        assertEquals("OK", status(post(TestTokens.officer(), "document", unknownDocument(99))), "ECO answers first");
        breakers.resetAll();   // a window of failures only
        partner().faults("{\"status\": 500}");
        failFourTimes(List.of("ERROR"));

        // healthy again at once: the breaker rests all the same, and asks the partner nothing
        partner().heal();
        long asked = stat("documents");
        long tokens = stat("token");
        for (int i = 0; i < 3; i++) {
            JsonPath open = post(TestTokens.officer(), "document", unknownDocument(10 + i));
            assertEquals("CIRCUIT_OPEN", status(open));
            assertEquals("INCOMPLETE", open.getString("outcome"), "a resting source is never a no-hit");
            assertTrue(open.getLong("sources.find { it.source == 'eco' }.latencyMs") < 50, "an open breaker does not call");
            othersAnswered(open);
        }
        assertEquals(asked, stat("documents"), "no question reached the partner while the breaker was open");
        assertEquals(tokens, stat("token"));
        recoversHalfOpenThenClosed();
    }

    @Test
    void aPartnerWhoseConnectionsAreResetOpensTheBreakerWhichThenOpensNoConnection() {
        assertEquals("OK", status(post(TestTokens.officer(), "document", unknownDocument(98))), "ECO answers first");
        breakers.resetAll();
        FaultProxy.mode(EcoPartner.ID, FaultProxy.Mode.RESET);
        failFourTimes(List.of("ERROR", "TIMEOUT"));

        FaultProxy.mode(EcoPartner.ID, FaultProxy.Mode.PASS);
        long connections = FaultProxy.connections(EcoPartner.ID);
        for (int i = 0; i < 3; i++) {
            JsonPath open = post(TestTokens.officer(), "document", unknownDocument(30 + i));
            assertEquals("CIRCUIT_OPEN", status(open));
            othersAnswered(open);
        }
        assertEquals(connections, FaultProxy.connections(EcoPartner.ID), "no connection to the partner while the breaker was open");

        recoversHalfOpenThenClosed();
        assertTrue(FaultProxy.connections(EcoPartner.ID) > connections, "the trials reached the partner again");
    }

    @Test
    void officersCutShortByTheirOwnDeadlineDoNotOpenTheBreakerOfASlowButHealthyPartner() {
        assertEquals("OK", status(post(TestTokens.officer(), "document", unknownDocument(97))));
        // each page ~300 ms: well within ECO's own 800 ms, longer than an officer's 200 ms deadline
        partner().faults("{\"delayMs\": 300}");
        long asked = stat("documents");
        for (int i = 0; i < 10; i++) {
            Map<String, Object> question = new java.util.HashMap<>(unknownDocument(50 + i));
            question.put("deadlineMs", 200);
            JsonPath answer = post(TestTokens.officer(), "document", question);
            assertEquals("TIMEOUT", status(answer), "question " + i + ": the officer's wait ended first: "
                    + answer.getString("sources.find { it.source == 'eco' }.detail"));
            assertTrue(answer.getString("sources.find { it.source == 'eco' }.detail").contains("deadline"),
                    answer.getString("sources.find { it.source == 'eco' }.detail"));
        }
        // the abandoned calls go on to their end, within ECO's own timeout, and reach the partner
        Waiting.until(Duration.ofSeconds(5), () -> stat("documents") >= asked + 10, () -> "the partner was not asked ten times");
        partner().heal();
        assertEquals("CLOSED", breaker(), "ten officers' short deadlines are not ten failures of ECO");
        JsonPath ordinary = post(TestTokens.officer(), "document", unknownDocument(70));
        assertEquals("OK", status(ordinary), ordinary.prettify());
        assertEquals("NO_HIT", ordinary.getString("outcome"));
        assertEquals("CLOSED", breaker());
    }

    @Test
    void aQuestionWhoseConnectionClosesBeforeAnyAnswerIsAskedOnceMoreOnAFreshOne() {
        assertEquals("OK", status(post(TestTokens.officer(), "document", unknownDocument(96))), "ECO answers first");
        long asked = stat("documents");
        long connections = FaultProxy.connections(EcoPartner.ID);
        // the kept-alive connection the next question goes out on closes under it: the partner never sees it
        FaultProxy.mode(EcoPartner.ID, FaultProxy.Mode.CLOSE_ONCE);
        JsonPath answer = post(TestTokens.officer(), "document", unknownDocument(95));
        assertEquals("OK", status(answer), answer.getString("sources.find { it.source == 'eco' }.detail"));
        assertEquals(asked + 1, stat("documents"), "the partner saw the question once");
        assertTrue(FaultProxy.connections(EcoPartner.ID) > connections, "asked again on a fresh connection");
        assertEquals("CLOSED", breaker());
    }
}
