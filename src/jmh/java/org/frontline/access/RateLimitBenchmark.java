package org.frontline.access;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One rate-limit decision, cycling over 11,000 officer ids (the abuse case of issue #14), with the
 * default limit of 120 per minute, on a clock that moves 1 ms per decision: 60,000 decisions a
 * minute, so each officer asks about five times a minute and every decision admits (the common
 * path), and 11,000 officers are always inside the current minute (the replaced limiter's bad case):
 * <ul>
 * <li>{@code decide_oursShared}: {@link RateLimiter#secondsToWait} counted in Redis (the sliding
 * window script over the limiter's own connection), one decision awaited at a time: the round trip
 * a search waits for;</li>
 * <li>{@code decide_oursShared32InFlight}: the same, 32 decisions in flight at once on the
 * pipelined connection, time per decision: what it costs under concurrent searches;</li>
 * <li>{@code decide_refLocal}: the same limiter configured per instance ({@code rate-limit.shared=false}:
 * the Caffeine window, also what runs while Redis is away), the in-memory reference;</li>
 * <li>{@code decide_refFixedWindowMap}: the limiter this replaced (a fixed minute per officer in a
 * ConcurrentHashMap, the whole map scanned on every admitted search once it holds more than 10,000
 * officers), copied here verbatim.</li>
 * </ul>
 * Redis: {@code -Dredis.url} (default the machine's, {@code redis://127.0.0.1:6379}), keys in a
 * namespace of the run's own that expire a minute after the run.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RateLimitBenchmark {

    private static final int OFFICERS = 11_000;
    private static final int PER_MINUTE = 120;
    private static final int IN_FLIGHT = 32;

    private Vertx vertx;
    private Redis redis;
    private RateLimiter shared;
    private RateLimiter local;
    private FixedWindowMap replaced;
    private String[] officers;
    private int next;
    private final StepClock clock = new StepClock(System.currentTimeMillis());

    @Setup
    public void setUp() {
        // Mutiny's timers (the limiter's bounded wait) on daemon threads: its default pool would keep the fork alive
        Infrastructure.setDefaultExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mutiny-bench");
            t.setDaemon(true);
            return t;
        }));
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, System.getProperty("redis.url", "redis://127.0.0.1:6379"));
        String namespace = "fq-bench-" + UUID.randomUUID();
        shared = new RateLimiter(clock, new RateLimiter.Settings(PER_MINUTE, true, Duration.ofSeconds(5),
                Duration.ofSeconds(1), 50_000, namespace), redis, new SimpleMeterRegistry());
        local = new RateLimiter(clock, new RateLimiter.Settings(PER_MINUTE, false, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 50_000, namespace), redis, new SimpleMeterRegistry());
        replaced = new FixedWindowMap(clock, PER_MINUTE);
        officers = new String[OFFICERS];
        for (int i = 0; i < OFFICERS; i++) {
            officers[i] = "officer-" + i;
        }
        // Redis must answer (a failure here names its cause), and the limiter must count in it
        new SharedWindows(redis, namespace, PER_MINUTE, RateLimiter.WINDOW, Duration.ofSeconds(5))
                .admit("probe", clock.millis()).await().atMost(Duration.ofSeconds(10));
        if (shared.secondsToWait("probe").await().atMost(Duration.ofSeconds(5)) != 0 || !shared.sharedNow()) {
            throw new IllegalStateException("the shared limiter did not admit the first search through Redis");
        }
    }

    @TearDown
    public void tearDown() {
        shared.close();
        redis.close();
        vertx.closeAndAwait();
        Infrastructure.getDefaultWorkerPool().shutdown();   // Mutiny's scheduler thread would keep the fork alive
        if (!shared.sharedNow()) {
            throw new IllegalStateException("the shared limiter fell back to local decisions during the run: not measured");
        }
    }

    private String nextOfficer() {
        clock.now++;
        int i = next;
        next = i + 1 == OFFICERS ? 0 : i + 1;
        return officers[i];
    }

    @Benchmark
    public long decide_oursShared() {
        return shared.secondsToWait(nextOfficer()).await().atMost(Duration.ofSeconds(5));
    }

    @Benchmark
    @OperationsPerInvocation(IN_FLIGHT)
    public long decide_oursShared32InFlight() {
        List<Uni<Long>> decisions = new ArrayList<>(IN_FLIGHT);
        for (int i = 0; i < IN_FLIGHT; i++) {
            decisions.add(shared.secondsToWait(nextOfficer()));
        }
        List<Long> waits = Uni.join().all(decisions).andFailFast().await().atMost(Duration.ofSeconds(5));
        return waits.get(IN_FLIGHT - 1);
    }

    @Benchmark
    public long decide_refLocal() {
        return local.secondsToWait(nextOfficer()).await().atMost(Duration.ofSeconds(5));
    }

    @Benchmark
    public long decide_refFixedWindowMap() {
        return replaced.secondsToWait(nextOfficer());
    }

    /** Time that moves only when the benchmark moves it. */
    static final class StepClock extends Clock {
        volatile long now;

        StepClock(long start) {
            now = start;
        }

        @Override
        public long millis() {
            return now;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(now);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** The per-instance limiter that RateLimiter replaced (commit 46406f2), verbatim but for the constructor. */
    static final class FixedWindowMap {
        private final Clock clock;
        private final int perMinute;
        private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

        FixedWindowMap(Clock clock, int perMinute) {
            this.clock = clock;
            this.perMinute = perMinute;
        }

        private record Window(long minute, AtomicInteger used) {
        }

        long secondsToWait(String officerId) {
            long now = clock.millis();
            long minute = now / 60_000;
            Window window = windows.compute(officerId, (id, w) -> w == null || w.minute() != minute
                    ? new Window(minute, new AtomicInteger()) : w);
            if (window.used().incrementAndGet() <= perMinute) {
                if (windows.size() > 10_000) {
                    windows.values().removeIf(w -> w.minute() < minute);
                }
                return 0;
            }
            return Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
        }
    }
}
