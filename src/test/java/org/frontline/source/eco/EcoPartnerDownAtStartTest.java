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
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.frontline.source.eco.EcoSourceTest.post;
import static org.frontline.source.eco.EcoSourceTest.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The partner unreachable as the service starts (its connection black-holed by the project's TCP proxy): the
 * service starts all the same, its warm-up reports ECO not ready, and that warm-up is not counted against
 * ECO's breaker, which here one failure would open for a minute (request-volume 1, ratio 1). Once the partner
 * is reachable, the first question finds ECO OK, not CIRCUIT_OPEN. One test in its own profile.
 */
@QuarkusTest
@TestProfile(EcoPartnerDownAtStartTest.PartnerDownAtStart.class)
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class EcoPartnerDownAtStartTest {

    public static class PartnerDownAtStart extends EcoPartnerProfile {
        @Override
        Map<String, String> eco() {
            return Map.of(
                    "proxy-at-start", FaultProxy.Mode.BLACKHOLE.name(),
                    "timeout", "800ms",
                    "breaker.request-volume", "1",
                    "breaker.failure-ratio", "1.0",
                    "breaker.delay", "60s");
        }
    }

    @Inject
    CircuitBreakerMaintenance breakers;

    static String log() {
        try {
            return Files.readString(Path.of("target", "frontline-test.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aPartnerDownAtStartIsNotReadyButNotCountedAgainstTheBreaker() {
        try {
            // the start's warm-up gave up on the partner (its read timeout), outside the breaker
            Waiting.until(Duration.ofSeconds(15), () -> log().contains("source eco: "), () -> "no warm-up outcome for ECO");
            assertEquals("CLOSED", breakers.currentState("source-eco").name(), "the warm-up counted against the breaker");
            assertTrue(log().contains("source eco: not ready"), "the warm-up reports ECO not ready");
        } finally {
            FaultProxy.mode(EcoPartner.ID, FaultProxy.Mode.PASS);
        }
        // a question of one page (a token and one search): the point is the breaker, not a slow machine's first pages
        JsonPath answer = post(TestTokens.officer(), "document", EcoBreakerTest.unknownDocument(1));
        assertEquals("OK", status(answer), answer.prettify());
        assertEquals("CLOSED", breakers.currentState("source-eco").name());
    }
}
