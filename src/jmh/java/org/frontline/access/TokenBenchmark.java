package org.frontline.access;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One officer token read for one request (issue #18 item 3), the demo's RS256 token with the
 * service's checks (issuer, audience, expiry, maximum age 8 h):
 * <ul>
 * <li>{@code parse_oursRemembered}: {@link VerifiedTokens#parse} for a token it has verified before
 * (an officer's second and later questions): SHA-256 of the token and a cache look-up;</li>
 * <li>{@code parse_refVerified}: smallrye-jwt's {@link DefaultJWTParser#parse}, what every request
 * paid before: JOSE parse, RSA signature, claim checks.</li>
 * </ul>
 * Keys: the test key pair of src/test/resources/tokens (run from the repository root).
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class TokenBenchmark {

    private static final String ISSUER = "https://frontline-query.example/demo-issuer";

    private String token;
    private DefaultJWTParser verifier;
    private VerifiedTokens ours;

    @Setup
    public void setUp() throws Exception {
        Path tokens = Path.of("src/test/resources/tokens");
        token = Jwt.issuer(ISSUER).audience("frontline-query").subject("officer-1").upn("officer-1")
                .groups(Set.of("OFFICER")).claim("agency", "BKA").claim("country", "DEU").claim("clearance", "RESTRICTED")
                .expiresIn(Duration.ofHours(1))
                .sign(KeyUtils.decodePrivateKey(Files.readString(tokens.resolve("officer-token-private.pem"))));
        JWTAuthContextInfo context = new JWTAuthContextInfo(
                KeyUtils.decodePublicKey(Files.readString(tokens.resolve("officer-token-public.pem"))), ISSUER);
        context.setExpectedAudience(Set.of("frontline-query"));
        context.setMaxTimeToLiveSecs(28800L);
        verifier = new DefaultJWTParser(context);
        ours = new VerifiedTokens(verifier, Clock.systemUTC(), new VerifiedTokensConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public long maximum() {
                return 10_000;
            }
        }, 28800, new SimpleMeterRegistry());
        ours.parse(token);
    }

    @Benchmark
    public JsonWebToken parse_oursRemembered() throws Exception {
        return ours.parse(token);
    }

    @Benchmark
    public JsonWebToken parse_refVerified() throws Exception {
        return verifier.parse(token);
    }
}
