package org.frontline.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A token verified once is not verified again within its lifetime (issue #18 item 3), and never
 * beyond it; a forged token is verified (and refused) every time.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class VerifiedTokensTest {

    @Inject
    MeterRegistry meters;

    private double verified() {
        return meters.counter("frontline.tokens.verified").count();
    }

    private double remembered() {
        return meters.counter("frontline.tokens.remembered").count();
    }

    private static int ask(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).get("/v1/sources").statusCode();
    }

    @Test
    void theSameTokenIsVerifiedOnceThenRemembered() {
        String token = TestTokens.token("token-cache-1", "BKA", "DEU", "RESTRICTED", "OFFICER");
        double verifiedBefore = verified();
        double rememberedBefore = remembered();
        assertEquals(200, ask(token));
        assertEquals(200, ask(token));
        assertEquals(200, ask(token));
        assertEquals(verifiedBefore + 1, verified(), "verified in full once");
        assertEquals(rememberedBefore + 2, remembered(), "then remembered");
    }

    @Test
    void aRememberedTokenIsVerifiedAgainOnceItHasExpired() throws Exception {
        assertEquals(200, ask(TestTokens.officer()), "the service answers (warm)");
        Instant expiry = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 12);
        String token = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("token-cache-2")
                .upn("token-cache-2").groups(Set.of("OFFICER")).claim("agency", "BKA").claim("country", "DEU")
                .claim("clearance", "RESTRICTED").expiresAt(expiry)
                .sign(KeyUtils.readPrivateKey("tokens/officer-token-private.pem"));
        double before = verified();
        assertEquals(200, ask(token));
        assertEquals(200, ask(token));
        assertEquals(before + 1, verified());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 300);
        // past its expiry: not taken from memory. (The verifier itself still accepts it within the 30 s clock skew.)
        ask(token);
        assertEquals(before + 2, verified(), "verified again after its expiry");
    }

    @Test
    void aForgedTokenIsRefusedEveryTimeAndNeverRemembered() {
        String token = TestTokens.token("token-cache-3", "BKA", "DEU", "RESTRICTED", "OFFICER");
        int dot = token.lastIndexOf('.');
        char c = token.charAt(dot + 5);
        String forged = token.substring(0, dot + 5) + (c == 'A' ? 'B' : 'A') + token.substring(dot + 6);
        double verifiedBefore = verified();
        double rememberedBefore = remembered();
        assertEquals(401, ask(forged));
        assertEquals(401, ask(forged));
        assertEquals(verifiedBefore, verified(), "a refused token counts no verification");
        assertEquals(rememberedBefore, remembered(), "and is never remembered");
        // its genuine twin still works
        assertEquals(200, ask(token));
    }
}
