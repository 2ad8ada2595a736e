package org.frontline.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One officer asking too fast gets 429 with Retry-After; other officers are not affected. */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class RateLimitTest {

    @ConfigProperty(name = "frontline.access.rate-limit.per-minute")
    int perMinute;

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
        // a minute boundary may reset the window once: allow for it
        for (int i = 0; i < 2 * perMinute + 2 && limited == null; i++) {
            Response r = search(greedy);
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                answered++;
            }
        }
        assertNotNull(limited, "no 429 after " + answered + " searches");
        assertTrue(answered >= perMinute, "at least the limit was answered: " + answered);
        limited.then().contentType(startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // somebody else is not affected
        search(TestTokens.token("patient-officer", "BMI", "AUT", "RESTRICTED", "OFFICER")).then().statusCode(200);
    }
}
