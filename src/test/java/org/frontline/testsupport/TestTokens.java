package org.frontline.testsupport;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Officer tokens for tests, signed with the test key (src/test/resources/tokens, never in the packaged
 * service) for the service's audience, and variants that must be refused: expired, wrong issuer,
 * tampered signature, no or another audience, too old.
 */
public final class TestTokens {

    public static final String ISSUER = "https://frontline-query.example/demo-issuer";
    /** The audience the service requires (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "frontline-query";
    public static final String PUBLIC_KEY_LOCATION = location("/tokens/officer-token-public.pem");
    public static final String PRIVATE_KEY_LOCATION = location("/tokens/officer-token-private.pem");

    private static String location(String resource) {
        java.net.URL url = TestTokens.class.getResource(resource);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("test key " + resource + " missing from the test classpath");
        }
        return url.toString();
    }

    private TestTokens() {
    }

    private static PrivateKey key() {
        try {
            return KeyUtils.readPrivateKey("tokens/officer-token-private.pem");
        } catch (Exception e) {
            throw new IllegalStateException("demo key missing", e);
        }
    }

    public static String token(String officerId, String agency, String country, String clearance, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(officerId).upn(officerId).groups(Set.of(roles))
                .claim("agency", agency).claim("country", country).claim("clearance", clearance)
                .expiresIn(Duration.ofMinutes(30)).sign(key());
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_OFFICER = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.Map<Integer, String> OFFICERS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A German officer (BKA, RESTRICTED). Successive calls rotate over 1,000 officer ids, so that the
     * per-officer rate limit never throttles a test that is not about it.
     */
    public static String officer() {
        int n = Math.floorMod(NEXT_OFFICER.getAndIncrement(), 1000);
        return OFFICERS.computeIfAbsent(n, i -> token("officer-" + i, "BKA", "DEU", "RESTRICTED", "OFFICER"));
    }

    public static String borderGuard() {
        return token("guard-1", "PAF", "FRA", "UNCLASSIFIED", "BORDER_GUARD");
    }

    public static String auditor() {
        return token("auditor-1", "EDPS", "BEL", "SECRET", "AUDITOR");
    }

    public static String admin() {
        return token("admin-1", "OPS", "NLD", "SECRET", "ADMIN");
    }

    public static String expired() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("officer-1").groups(Set.of("OFFICER"))
                .claim("agency", "BKA").claim("country", "DEU").claim("clearance", "RESTRICTED")
                .issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(30))).sign(key());
    }

    public static String wrongIssuer() {
        return Jwt.issuer("https://somebody-else.example").audience(AUDIENCE).subject("officer-1").groups(Set.of("OFFICER"))
                .claim("agency", "BKA").claim("country", "DEU").claim("clearance", "RESTRICTED")
                .expiresIn(Duration.ofMinutes(30)).sign(key());
    }

    /** A token valid in every way but issued for no audience at all. */
    public static String withoutAudience() {
        return Jwt.issuer(ISSUER).subject("officer-1").upn("officer-1").groups(Set.of("OFFICER"))
                .claim("agency", "BKA").claim("country", "DEU").claim("clearance", "RESTRICTED")
                .expiresIn(Duration.ofMinutes(30)).sign(key());
    }

    /** A token valid in every way but issued for another service. */
    public static String otherAudience() {
        return Jwt.issuer(ISSUER).audience("some-other-service").subject("officer-1").upn("officer-1")
                .groups(Set.of("OFFICER")).claim("agency", "BKA").claim("country", "DEU").claim("clearance", "RESTRICTED")
                .expiresIn(Duration.ofMinutes(30)).sign(key());
    }

    /**
     * A token not yet expired but issued {@code age} ago: past the service's maximum token age (8 h)
     * it must be refused however far away its expiry is.
     */
    public static String issuedAgo(Duration age) {
        Instant issued = Instant.now().minus(age);
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("officer-1").upn("officer-1").groups(Set.of("OFFICER"))
                .claim("agency", "BKA").claim("country", "DEU").claim("clearance", "RESTRICTED")
                .issuedAt(issued).expiresAt(Instant.now().plus(Duration.ofMinutes(30))).sign(key());
    }

    /** A valid token whose payload was changed after signing (clearance raised): the signature no longer fits. */
    public static String tampered() {
        String[] parts = officer().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace("\"RESTRICTED\"", "\"SECRET\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];
    }

    /** REST Assured with an officer's token. */
    public static RequestSpecification asOfficer() {
        return RestAssured.given().header("Authorization", "Bearer " + officer());
    }
}
