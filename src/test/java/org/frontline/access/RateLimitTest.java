package org.frontline.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One officer asking too fast gets 429 with Retry-After after exactly the limit (the window slides:
 * no minute boundary lets more through; only a decision this instance had to take alone while Redis
 * was slow may add one); other officers are not affected.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class RateLimitTest {

    @ConfigProperty(name = "frontline.access.rate-limit.per-minute")
    int perMinute;
    @Inject
    MeterRegistry meters;

    private double localDecisions() {
        return meters.find("frontline.rate.limit.fallbacks").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static Response search(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("number", "RL0000001", "issuingCountry", "AUT", "purpose", "rate limit test"))
                .post("/v1/search/document");
    }

    @Test
    void tooManySearchesGet429WithRetryAfter() {
        String greedy = TestTokens.token("greedy-officer", "BMI", "AUT", "RESTRICTED", "OFFICER");
        int answered = 0;
        Response limited = null;
        double localBefore = localDecisions();
        for (int i = 0; i < 2 * perMinute + 2 && limited == null; i++) {
            Response r = search(greedy);
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                answered++;
            }
        }
        assertNotNull(limited, "no 429 after " + answered + " searches");
        double local = localDecisions() - localBefore;
        assertTrue(answered >= perMinute && answered <= perMinute + local,
                "the limit was answered, no more (" + local + " decided locally): " + answered);
        limited.then().contentType(startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // somebody else is not affected
        search(TestTokens.token("patient-officer", "BMI", "AUT", "RESTRICTED", "OFFICER")).then().statusCode(200);
    }
}
