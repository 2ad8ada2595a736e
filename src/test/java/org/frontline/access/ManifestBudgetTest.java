package org.frontline.access;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.frontline.testsupport.MovableClock;
import org.frontline.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifests' budget, counted in travellers, against real Redis (two limiters standing for two
 * instances) and by an instance alone, time moved by a clock: all of a manifest or none of it, the
 * wait until enough has left the window, apart from the searches' own budget.
 */
class ManifestBudgetTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static Vertx vertx;
    private static Redis redis;
    private final List<RateLimiter> limiters = new ArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T06:00:00.250Z"));

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(TestRedis.url()).setMaxPoolSize(8));
    }

    @AfterAll
    static void disconnect() {
        redis.close();
        vertx.closeAndAwait();
    }

    @AfterEach
    void close() {
        limiters.forEach(RateLimiter::close);
    }

    private RateLimiter limiter(String namespace, boolean shared) {
        RateLimiter limiter = new RateLimiter(clock, new RateLimiter.Settings(5, shared, Duration.ofSeconds(2),
                Duration.ofSeconds(1), 1000, namespace, 100), redis, new SimpleMeterRegistry());
        limiters.add(limiter);
        return limiter;
    }

    private static long travellers(RateLimiter limiter, String officer, int n) {
        return limiter.secondsToWaitForTravellers(officer, n).await().atMost(WAIT);
    }

    @Test
    void twoInstancesShareOneBudgetOfTravellersTakenWholeOrNotAtAll() {
        String ns = "fqt-rlm-" + UUID.randomUUID();
        RateLimiter one = limiter(ns, true);
        RateLimiter two = limiter(ns, true);
        assertEquals(0, travellers(one, "guard", 60));                  // t0: 60 of 100
        clock.advance(Duration.ofSeconds(20));
        assertEquals(0, travellers(two, "guard", 30));                  // t0 + 20 s: 90 of 100, on the other instance
        clock.advance(Duration.ofSeconds(10));
        assertEquals(30, travellers(one, "guard", 20),
                "20 more do not fit until the 60 of t0 leave the window (t0 + 60 s), and none of them is taken");
        assertEquals(0, travellers(two, "guard", 10), "the 10 left still fit: the refused manifest took nothing");
        assertTrue(travellers(one, "guard", 1) > 0, "now the budget is spent");
        assertEquals(60, travellers(one, "guard", 101), "more than the whole budget never fits");
        clock.advance(Duration.ofSeconds(30));                          // t0 + 60 s: the 60 have left
        assertEquals(0, travellers(one, "guard", 60));
        assertEquals(0, travellers(two, "other-guard", 100), "another officer has a budget of their own");
    }

    @Test
    void theManifestsBudgetIsApartFromTheSearches() {
        for (boolean shared : new boolean[] {true, false}) {
            RateLimiter limiter = limiter("fqt-rlm-" + UUID.randomUUID(), shared);
            assertEquals(0, travellers(limiter, "officer", 100), "shared=" + shared);
            for (int i = 0; i < 5; i++) {
                assertEquals(0, limiter.secondsToWait("officer").await().atMost(WAIT), "searches untouched");
            }
            assertTrue(limiter.secondsToWait("officer").await().atMost(WAIT) > 0, "their own budget still binds");
            assertTrue(travellers(limiter, "officer", 1) > 0, "shared=" + shared);
        }
    }

    @Test
    void anInstanceAloneCountsTravellersTheSameWay() {
        RateLimiter alone = limiter("fqt-rlm-" + UUID.randomUUID(), false);
        assertEquals(0, travellers(alone, "guard", 70));
        clock.advance(Duration.ofSeconds(15));
        assertEquals(0, travellers(alone, "guard", 20));
        assertEquals(45, travellers(alone, "guard", 40), "until the 70 of t0 leave");
        assertEquals(0, travellers(alone, "guard", 10));
        clock.advance(Duration.ofSeconds(45));
        assertEquals(15, travellers(alone, "guard", 71), "71 need the 20 of t0 + 15 s gone as well");
        assertEquals(0, travellers(alone, "guard", 70));
    }

    @Test
    void withRedisGoneTheInstanceDecidesAloneAndStillRefusesWhatDoesNotFit() {
        Redis gone = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:1"));
        try {
            RateLimiter limiter = new RateLimiter(clock, new RateLimiter.Settings(5, true, Duration.ofMillis(200),
                    Duration.ofSeconds(1), 1000, "fqt-rlm-" + UUID.randomUUID(), 100), gone, new SimpleMeterRegistry());
            limiters.add(limiter);
            assertEquals(0, travellers(limiter, "guard", 90), "admitted by this instance's own window");
            assertTrue(travellers(limiter, "guard", 11) > 0, "and refused by it: Redis gone is no free budget");
            assertEquals(0, travellers(limiter, "guard", 10));
            assertTrue(!limiter.sharedNow());
        } finally {
            gone.close();
        }
    }
}
