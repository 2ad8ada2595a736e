package org.frontline.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisOptions;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.MovableClock;
import org.frontline.testsupport.RedisProcess;
import org.frontline.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rate limiter itself against real Redis (the machine's, or the tests' own), two limiters
 * standing for two instances, time moved by a clock instead of slept: the budget is shared, slides,
 * survives Redis going away (each instance then counts alone, bounded waits, counted), and 11,000
 * officer ids in a minute leave bounded memory behind.
 */
class SharedRateLimitTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static Vertx vertx;
    private static Redis redis;
    private final List<RateLimiter> limiters = new ArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T06:00:00.250Z"));

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(TestRedis.url()).setMaxPoolSize(16)
                .setMaxPoolWaiting(10_000));
    }

    @AfterAll
    static void disconnect() {
        redis.close();
        vertx.closeAndAwait();
    }

    @AfterEach
    void closeLimiters() {
        limiters.forEach(RateLimiter::close);
        FaultProxy.mode("rate-limit-redis", FaultProxy.Mode.PASS);
    }

    /** A limiter with a generous Redis timeout (a busy 2-core machine must not turn a test into a fallback). */
    private RateLimiter limiter(Redis on, String namespace, int perMinute, boolean shared, long localMax, MeterRegistry meters) {
        return limiter(on, namespace, perMinute, shared, localMax, meters, Duration.ofSeconds(2));
    }

    private RateLimiter limiter(Redis on, String namespace, int perMinute, boolean shared, long localMax, MeterRegistry meters,
                                Duration redisTimeout) {
        RateLimiter limiter = new RateLimiter(clock, new RateLimiter.Settings(perMinute, shared, redisTimeout,
                Duration.ofSeconds(1), localMax, namespace), on, meters);
        limiters.add(limiter);
        return limiter;
    }

    private static long ask(RateLimiter limiter, String officer) {
        return limiter.secondsToWait(officer).await().atMost(WAIT);
    }

    private static String namespace() {
        return "fqt-rl-" + UUID.randomUUID();
    }

    @Test
    void twoInstancesShareOneBudget() {
        String ns = namespace();
        RateLimiter one = limiter(redis, ns, 10, true, 1000, new SimpleMeterRegistry());
        RateLimiter two = limiter(redis, ns, 10, true, 1000, new SimpleMeterRegistry());
        for (int i = 0; i < 5; i++) {
            assertEquals(0, ask(one, "shared-officer"), "search " + (2 * i + 1) + " admitted");
            assertEquals(0, ask(two, "shared-officer"), "search " + (2 * i + 2) + " admitted");
        }
        assertTrue(ask(one, "shared-officer") > 0, "the 11th search is refused on instance 1");
        assertTrue(ask(two, "shared-officer") > 0, "and on instance 2");
        assertEquals(0, ask(two, "other-officer"), "another officer has a budget of their own");
        assertTrue(one.sharedNow() && two.sharedNow());
    }

    @Test
    void theBudgetComesBackAsTheWindowSlides() {
        String ns = namespace();
        RateLimiter one = limiter(redis, ns, 10, true, 1000, new SimpleMeterRegistry());
        RateLimiter two = limiter(redis, ns, 10, true, 1000, new SimpleMeterRegistry());
        assertEquals(0, ask(one, "sliding-officer"));                 // t0
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 9; i++) {
            assertEquals(0, ask(i % 2 == 0 ? one : two, "sliding-officer")); // t0 + 10 s
        }
        clock.advance(Duration.ofSeconds(10));
        assertEquals(40, ask(two, "sliding-officer"), "refused until the search of t0 leaves the window (t0 + 60 s)");
        clock.advance(Duration.ofSeconds(40));
        assertEquals(0, ask(two, "sliding-officer"), "at t0 + 60 s one search is free again");
        assertEquals(10, ask(one, "sliding-officer"), "and only one: the nine of t0 + 10 s are still in the window");
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 9; i++) {
            assertEquals(0, ask(one, "sliding-officer"), "at t0 + 70 s the nine are free");
        }
        assertTrue(ask(one, "sliding-officer") > 0);
        long ttl = send(redis, Request.cmd(Command.PTTL).arg(one.sharedKey("sliding-officer"))).toLong();
        assertTrue(ttl > 0 && ttl <= 60_000, "the window's key expires within a minute: " + ttl + " ms");
    }

    @Test
    void redisStoppedEachInstanceCountsAloneAndTheFallbackIsCounted() {
        try (RedisProcess own = RedisProcess.start()) {
            Redis ownClient = Redis.createClient(vertx, own.url());
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            RateLimiter limiter = limiter(ownClient, namespace(), 5, true, 1000, meters);
            for (int i = 0; i < 3; i++) {
                assertEquals(0, ask(limiter, "outage-officer"), "admitted through Redis");
            }
            assertEquals(0.0, fallbacks(meters));
            own.kill();

            // every answer still comes (within WAIT), decided by this instance, which remembers its three
            assertEquals(0, ask(limiter, "outage-officer"), "4th admitted locally");
            assertFalse(limiter.sharedNow(), "the limiter knows it counts alone");
            assertEquals(0, ask(limiter, "outage-officer"), "5th admitted locally");
            assertTrue(ask(limiter, "outage-officer") > 0, "6th refused: the fallback limits, it does not fail open");
            assertEquals(0, ask(limiter, "someone-else"), "others still admitted");
            assertTrue(fallbacks(meters) >= 4, "each local decision is counted: " + fallbacks(meters));
            assertEquals(1.0, meters.get("frontline.rate.limit.shared").gauge().value() + 1, "gauge says local (0)");

            // Redis back on the same port: after redis-retry one request probes it and the limit is shared again
            try (RedisProcess again = RedisProcess.startOn(own.port())) {
                clock.advance(Duration.ofMillis(1100));
                assertEquals(0, ask(limiter, "back-officer"));
                assertTrue(limiter.sharedNow(), "shared again after Redis came back");
                // the new Redis never saw the outage officer's five searches (three on the old one, two local):
                // this instance's own window still binds, so the hiccup did not give the officer a second budget
                assertTrue(ask(limiter, "outage-officer") > 0, "Redis back: an officer at the limit is still refused");
                assertEquals(1.0, meters.get("frontline.rate.limit.shared").gauge().value());
            }
            ownClient.close();
        }
    }

    @Test
    void slowRedisIsWaitedForAtMostTheTimeoutThenLeftAlone() throws Exception {
        try (RedisProcess own = RedisProcess.start();
             FaultProxy proxy = new FaultProxy("rate-limit-redis", "127.0.0.1", own.port())) {
            FaultProxy.mode("rate-limit-redis", FaultProxy.Mode.PASS);
            Redis proxied = Redis.createClient(vertx, "redis://127.0.0.1:" + proxy.port());
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            RateLimiter limiter = limiter(proxied, namespace(), 5, true, 1000, meters, Duration.ofMillis(200));
            assertEquals(0, ask(limiter, "slow-officer"));
            assertEquals(0.0, fallbacks(meters), "the first search went through Redis");
            FaultProxy.mode("rate-limit-redis", FaultProxy.Mode.BLACKHOLE);

            long began = System.nanoTime();
            assertEquals(0, ask(limiter, "slow-officer"), "decided locally once the bounded wait is over");
            long waitedMs = (System.nanoTime() - began) / 1_000_000;
            assertEquals(1.0, meters.get("frontline.rate.limit.fallbacks").tag("cause", "timeout").counter().count());
            for (int i = 0; i < 3; i++) {
                ask(limiter, "slow-officer");
            }
            assertEquals(3.0, meters.get("frontline.rate.limit.fallbacks").tag("cause", "redis_away").counter().count(),
                    "within redis-retry, requests do not touch Redis at all");
            assertTrue(ask(limiter, "slow-officer") > 0, "6th search refused locally");

            // after redis-retry one request probes Redis; if its caller goes away, the next one probes instead
            clock.advance(Duration.ofMillis(1100));
            limiter.secondsToWait("gone-officer").subscribe().with(x -> { }).cancel();
            assertEquals(0, ask(limiter, "next-officer"));
            assertEquals(2.0, meters.get("frontline.rate.limit.fallbacks").tag("cause", "timeout").counter().count(),
                    "the next request probed Redis (and waited for it again, bounded)");
            System.out.printf("SharedRateLimitTest: black-holed Redis, first decision after %d ms (timeout 200 ms)%n", waitedMs);
            proxied.close();
        }
    }

    @Test
    void elevenThousandOfficerIdsInAMinuteLeaveBoundedMemoryAtFlatCost() {
        int officers = 11_000;
        long localMax = 5_000;
        String ns = namespace();
        RateLimiter shared = limiter(redis, ns, 10, true, localMax, new SimpleMeterRegistry());
        RateLimiter alone = limiter(redis, ns, 10, false, localMax, new SimpleMeterRegistry());
        // an officer at the limit before the flood
        for (int i = 0; i < 10; i++) {
            assertEquals(0, ask(shared, "greedy-officer"));
        }
        assertTrue(ask(shared, "greedy-officer") > 0);
        long[] sharedNs = new long[officers];
        long[] aloneNs = new long[officers];
        for (int i = 0; i < officers; i++) {
            String officer = "flood-" + i;
            long t = System.nanoTime();
            assertEquals(0, ask(shared, officer));
            sharedNs[i] = System.nanoTime() - t;
            t = System.nanoTime();
            assertEquals(0, ask(alone, officer));
            aloneNs[i] = System.nanoTime() - t;
            if (i % 1000 == 0) {
                clock.advance(Duration.ofSeconds(5));     // 11,000 ids over 55 s: within one minute
            }
        }
        assertTrue(shared.localOfficers() <= localMax, "local window bounded: " + shared.localOfficers());
        assertTrue(alone.localOfficers() <= localMax, "local window bounded: " + alone.localOfficers());
        assertTrue(ask(shared, "greedy-officer") > 0, "the flood of ids did not free the officer at the limit (Redis decides)");

        // Redis: one key per officer of the minute, each with one member and an expiry of at most a minute
        Set<String> keys = scan(ns + ":rl:*");
        assertEquals(officers + 1, keys.size(), "one key per officer asking in the last minute");
        // 500 of the flood's keys (the officer at the limit holds ten members, not one)
        List<String> floodKeys = keys.stream().filter(k -> !k.equals(shared.sharedKey("greedy-officer"))).toList();
        for (String key : floodKeys.subList(0, 500)) {
            long ttl = send(redis, Request.cmd(Command.PTTL).arg(key)).toLong();
            assertTrue(ttl > 0 && ttl <= 60_000, key + " expires within a minute: " + ttl);
            assertEquals(1, send(redis, Request.cmd(Command.ZCARD).arg(key)).toLong());
        }
        System.out.printf("SharedRateLimitTest: %d officer ids; local windows held %d and %d (bound %d); mean us per"
                        + " decision, first / last 1,000: shared %.1f / %.1f, local %.1f / %.1f%n",
                officers, shared.localOfficers(), alone.localOfficers(), localMax,
                meanMicros(sharedNs, 0), meanMicros(sharedNs, officers - 1000),
                meanMicros(aloneNs, 0), meanMicros(aloneNs, officers - 1000));
    }

    private static double fallbacks(MeterRegistry meters) {
        return meters.find("frontline.rate.limit.fallbacks").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static double meanMicros(long[] nanos, int from) {
        long sum = 0;
        for (int i = from; i < from + 1000; i++) {
            sum += nanos[i];
        }
        return sum / 1000.0 / 1000.0;
    }

    private static Response send(Redis on, Request request) {
        return on.send(request).await().atMost(WAIT);
    }

    private static Set<String> scan(String pattern) {
        Set<String> keys = new HashSet<>();
        String cursor = "0";
        do {
            Response page = send(redis, Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern).arg("COUNT").arg(5000));
            cursor = page.get(0).toString();
            page.get(1).forEach(k -> keys.add(k.toString()));
        } while (!"0".equals(cursor));
        return keys;
    }

}
