package org.frontline.source.eco;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.frontline.source.eco.EcoSourceTest.nobody;
import static org.frontline.source.eco.EcoSourceTest.post;
import static org.frontline.source.eco.EcoSourceTest.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The first question after the service has started, with ECO at its production timeout (800 ms): building the
 * REST client and fetching the first token must not be paid for by that question (the connector prepares
 * itself as the service starts), and the start's own warm-up must not count against ECO's breaker, which here
 * judges a window of one call (request-volume 1): a warm-up that failed inside the breaker would leave it open
 * and the first question CIRCUIT_OPEN. One test in its own profile: the service is started for it alone.
 */
@QuarkusTest
@TestProfile(EcoFirstQuestionTest.ProductionTimeout.class)
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class EcoFirstQuestionTest {

    /** No cache (the question goes to ECO), ECO's production timeout and a breaker that one failure opens. */
    public static class ProductionTimeout extends EcoPartnerProfile {
        @Override
        Map<String, String> eco() {
            return Map.of(
                    "timeout", "800ms",
                    "breaker.request-volume", "1",
                    "breaker.failure-ratio", "1.0",
                    "breaker.delay", "60s");
        }
    }

    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void theFirstQuestionAfterTheStartFindsEcoReady() {
        JsonPath answer = post(TestTokens.officer(), "person", nobody());
        assertEquals("OK", status(answer), answer.prettify());
        assertEquals("CLOSED", breakers.currentState("source-eco").name());
    }
}
