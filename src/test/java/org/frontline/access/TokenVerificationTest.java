package org.frontline.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A token is accepted only if it was issued for this service (aud) and is younger than the maximum
 * token age (8 h), whatever its own expiry says; the clock skew allowed is 30 s.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class TokenVerificationTest {

    private static int status(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).get("/v1/sources").statusCode();
    }

    @Test
    void aTokenIssuedForNoAudienceOrAnotherIsRefused() {
        assertEquals(200, status(TestTokens.officer()), "control: the right audience");
        assertEquals(401, status(TestTokens.withoutAudience()), "no aud");
        assertEquals(401, status(TestTokens.otherAudience()), "another service's aud");
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefusedEvenBeforeItExpires() {
        assertEquals(200, status(TestTokens.issuedAgo(Duration.ofHours(7))), "7 h old: within 8 h");
        assertEquals(401, status(TestTokens.issuedAgo(Duration.ofHours(9))), "9 h old");
        assertEquals(401,
                status(TestTokens.issuedAgo(Duration.ofHours(8).plusMinutes(2))), "8 h 2 min old: beyond the age and the skew");
    }
}
