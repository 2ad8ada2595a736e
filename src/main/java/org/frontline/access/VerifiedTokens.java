package org.frontline.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Officer tokens, verified once and then remembered for the rest of their lifetime.
 *
 * <p>An officer's app sends the same bearer token with every question for hours. Verifying it each
 * time (parse the JOSE header and claims, check the RSA signature, issuer, audience, expiry, age)
 * costs the same every time and tells nothing new: the token's bytes cannot change without
 * breaking the signature, and the checks that depend on time are known in advance. So the first
 * successful verification is kept, keyed by the SHA-256 of the token's exact bytes (the token
 * itself is never held as a key, and a different byte is a different token, verified afresh),
 * until the earliest moment any check could fail: the token's expiry ({@code exp}) or the end of
 * the service's maximum token age ({@code iat} + {@code mp.jwt.verify.token.age}), whichever comes
 * first, without the clock skew the verifier allows (so a remembered token is never accepted later
 * than a verified one would be; past that moment it is verified again, and refused if it must be).
 *
 * <p>What is not remembered: a token that failed (each attempt pays the full verification, as
 * before, so a forged token gains nothing), and anything past {@code maximum} entries (least
 * recently used first). A restart forgets everything; a rotated verification key needs a restart
 * anyway. This is the parser Quarkus's JWT mechanism asks ({@code MpJwtValidator} injects
 * {@link JWTParser}); it delegates every other operation to smallrye-jwt's own parser unchanged.
 * Counted: {@code frontline_tokens_verified_total} (full verifications that succeeded) and
 * {@code frontline_tokens_remembered_total} (requests answered from the cache).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private record Verified(JsonWebToken token, Instant until) {
    }

    private final DefaultJWTParser verifier;
    private final Clock clock;
    private final Duration maximumAge;
    private final Cache<String, Verified> remembered;
    private final Counter verifications;
    private final Counter hits;

    VerifiedTokens(DefaultJWTParser verifier, Clock clock, VerifiedTokensConfig config,
                   @ConfigProperty(name = "mp.jwt.verify.token.age", defaultValue = "28800") long maximumAgeSeconds,
                   MeterRegistry meters) {
        this.verifier = verifier;
        this.clock = clock;
        this.maximumAge = Duration.ofSeconds(maximumAgeSeconds);
        this.remembered = config.enabled() ? Caffeine.newBuilder().maximumSize(config.maximum()).build() : null;
        this.verifications = Counter.builder("frontline.tokens.verified")
                .description("Officer tokens verified in full (signature, issuer, audience, expiry, age) and accepted")
                .register(meters);
        this.hits = Counter.builder("frontline.tokens.remembered")
                .description("Requests whose token had been verified before, within its lifetime: not verified again")
                .register(meters);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (remembered == null) {
            return verified(verifier.parse(token));
        }
        String key = fingerprint(token);
        Verified known = remembered.getIfPresent(key);
        Instant now = clock.instant();
        if (known != null) {
            if (now.isBefore(known.until())) {
                hits.increment();
                return known.token();
            }
            remembered.invalidate(key);
        }
        JsonWebToken fresh = verified(verifier.parse(token));
        Instant until = until(fresh);
        if (until != null && now.isBefore(until)) {
            remembered.put(key, new Verified(fresh, until));
        }
        return fresh;
    }

    private JsonWebToken verified(JsonWebToken token) {
        verifications.increment();
        return token;
    }

    /** The first moment a check of this token could fail: its expiry, or the end of its maximum age. Null: unknown. */
    private Instant until(JsonWebToken token) {
        long expires = token.getExpirationTime();
        long issued = token.getIssuedAtTime();
        if (expires <= 0 || issued <= 0) {
            return null;
        }
        Instant byExpiry = Instant.ofEpochSecond(expires);
        Instant byAge = Instant.ofEpochSecond(issued).plus(maximumAge);
        return byExpiry.isBefore(byAge) ? byExpiry : byAge;
    }

    private static String fingerprint(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
