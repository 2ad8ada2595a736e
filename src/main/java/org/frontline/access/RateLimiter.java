package org.frontline.access;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.frontline.cache.CacheConfig;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The per-officer rate limit, shared by every instance: at most {@code per-minute} searches admitted
 * in any sliding minute, counted in Redis ({@link SharedWindows}), so N instances behind a load
 * balancer give an officer the same budget as one.
 *
 * <p><b>Why a sliding window log.</b> The promise is "N searches per minute", and a sorted set of the
 * admitted searches' times keeps it exactly: never more than N in any 60 s, whatever the alignment
 * (a fixed window lets 2N through across a boundary; a token bucket sized N and refilled at N per
 * minute lets up to 2N through in a minute; the two-counter approximation is only approximate), and
 * the Retry-After it answers is exact: when the oldest counted search leaves the window. It costs N
 * timestamps per officer active in the last minute (at most 120 by default, a compact listpack in
 * Redis) and O(log N) work in one atomic script; the round trip dominates either way
 * (loadtests/RESULTS.md).
 *
 * <p><b>When Redis is down or slow.</b> Each call waits at most {@code redis-timeout}; a failure or a
 * timeout is decided by this instance's own window ({@link LocalWindows}: the same sliding window,
 * Caffeine-bounded), counted in {@code frontline_rate_limit_fallbacks_total} and logged when the
 * limiter leaves the shared state (at most once a minute, with how often it left). For
 * {@code redis-retry} after a failure requests do not touch Redis; then one request at a time probes
 * it (a probe whose caller went away frees the turn), and the first success makes the limit shared again.
 * Meanwhile each instance counts alone: an officer spread over k instances may get up to k times the
 * budget, never more than N from one instance. Every search the shared window admits is also counted
 * in the local window, so an instance that loses Redis still remembers its own share of the last
 * minute instead of starting every officer afresh; and the local window binds when Redis admits too
 * (an officer this instance alone admitted N times in the last minute, while Redis was away, is
 * refused even though Redis never saw those searches). Nothing here blocks: the Redis call is
 * asynchronous, the local decision a few array operations under the officer's own lock.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    static final Duration WINDOW = Duration.ofMinutes(1);

    /** What the limiter needs from configuration. */
    record Settings(int perMinute, boolean shared, Duration redisTimeout, Duration redisRetry, long localMaxOfficers,
                    String namespace, int manifestTravellersPerMinute) {

        Settings(int perMinute, boolean shared, Duration redisTimeout, Duration redisRetry, long localMaxOfficers,
                 String namespace) {
            this(perMinute, shared, redisTimeout, redisRetry, localMaxOfficers, namespace,
                    Integer.parseInt(RateLimitConfig.MANIFEST_TRAVELLERS_PER_MINUTE));
        }
    }

    private final Clock clock;
    private final boolean sharedConfigured;
    private final long retryMs;
    private final SharedWindows shared;
    private final LocalWindows local;
    /** The manifests' own budget, counted in travellers (see {@link #secondsToWaitForTravellers}). */
    private final SharedWindows manifestsShared;
    private final LocalWindows manifestsLocal;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicBoolean redisUp = new AtomicBoolean(true);
    private volatile long retryAt;
    /** Logging: at most one warning a minute, however often a slow Redis comes and goes. */
    private final AtomicLong leftSinceWarning = new AtomicLong();
    private volatile long warnedAt = Long.MIN_VALUE / 2;
    private volatile boolean warned;

    @Inject
    RateLimiter(Clock clock, RateLimitConfig config, CacheConfig cache, Redis redis, MeterRegistry meters) {
        this(clock, new Settings(config.perMinute(), config.shared(), config.redisTimeout(), config.redisRetry(),
                config.localMaxOfficers(), cache.namespace(), config.manifestTravellersPerMinute()), redis, meters);
    }

    RateLimiter(Clock clock, Settings settings, Redis redis, MeterRegistry meters) {
        this.clock = clock;
        this.sharedConfigured = settings.shared();
        this.retryMs = settings.redisRetry().toMillis();
        this.local = new LocalWindows(settings.perMinute(), WINDOW, settings.localMaxOfficers(),
                ticker(clock));
        this.shared = new SharedWindows(redis, settings.namespace(), settings.perMinute(), WINDOW, settings.redisTimeout());
        this.manifestsLocal = new LocalWindows(settings.manifestTravellersPerMinute(), WINDOW, settings.localMaxOfficers(),
                ticker(clock));
        this.manifestsShared = SharedWindows.forManifests(redis, settings.namespace(),
                settings.manifestTravellersPerMinute(), WINDOW, settings.redisTimeout());
        this.meters = meters;
        Gauge.builder("frontline.rate.limit.shared", this, l -> l.sharedNow() ? 1 : 0)
                .description("1 while the rate limit is counted in Redis for every instance, 0 while this instance counts alone")
                .register(meters);
        Gauge.builder("frontline.rate.limit.local.officers", local, LocalWindows::officers)
                .description("Officers held by this instance's own window (bounded by rate-limit.local-max-officers)")
                .register(meters);
    }

    /** 0 when the search may go ahead (and is counted), else the seconds to wait before the next one. */
    public Uni<Long> secondsToWait(String officerId) {
        long now = clock.millis();
        return decide(now, () -> shared.admit(officerId, now), () -> local.admit(officerId, now));
    }

    /**
     * The manifests' budget ({@code manifest-travellers-per-minute}), apart from the searches' own: 0 when
     * all {@code travellers} may be screened now (and are counted, all at once), else the seconds until the
     * window has room for all of them (never part of a manifest). Decided as searches are: in Redis for
     * every instance, by this instance alone while Redis is away, this instance's window binding too.
     */
    public Uni<Long> secondsToWaitForTravellers(String officerId, int travellers) {
        long now = clock.millis();
        return decide(now, () -> manifestsShared.admit(officerId, now, travellers),
                () -> manifestsLocal.admit(officerId, now, travellers));
    }

    private Uni<Long> decide(long now, Supplier<Uni<Long>> sharedAdmit, LongSupplier localAdmit) {
        if (!sharedConfigured) {
            return Uni.createFrom().item(decideLocally(localAdmit));
        }
        if (!mayTryRedis(now)) {
            fallback("redis_away");
            return Uni.createFrom().item(decideLocally(localAdmit));
        }
        return sharedAdmit.get()
                .map(waitMs -> {
                    redisAnswered();
                    // what this instance admitted alone while Redis was away or slow never reached the shared
                    // window: this instance's own window still binds, so a Redis hiccup cannot double a budget
                    long decided = waitMs == 0 ? localAdmit.getAsLong() : waitMs;
                    count("redis", decided == 0);
                    return seconds(decided);
                })
                .onFailure().recoverWithItem(failure -> {
                    redisFailed(failure);
                    return decideLocally(localAdmit);
                })
                .onCancellation().invoke(() -> probing.set(false));
    }

    /** Opens the Redis connection with the application rather than on the first search. */
    void warmUp(@Observes StartupEvent started) {
        if (sharedConfigured) {
            shared.connect();
            manifestsShared.connect();
        }
    }

    /** Officers this instance holds in its own window (for tests and the gauge). */
    long localOfficers() {
        return local.officers();
    }

    /** Whether the limit is counted in Redis now. */
    boolean sharedNow() {
        return sharedConfigured && redisUp.get();
    }

    /** The Redis key of an officer's shared window (for tests). */
    String sharedKey(String officerId) {
        return shared.key(officerId);
    }

    private long decideLocally(LongSupplier localAdmit) {
        long waitMs = localAdmit.getAsLong();
        count("local", waitMs == 0);
        return seconds(waitMs);
    }

    private boolean mayTryRedis(long now) {
        return redisUp.get() || (now >= retryAt && probing.compareAndSet(false, true));
    }

    private void redisAnswered() {
        if (redisUp.compareAndSet(false, true) && warned) {
            warned = false;
            LOG.info("rate limit: Redis answers again; the limit is shared by every instance again");
        }
        probing.set(false);
    }

    private void redisFailed(Throwable failure) {
        String cause = failure instanceof TimeoutException ? "timeout" : "error";
        fallback(cause);
        long now = clock.millis();
        retryAt = now + retryMs;
        if (redisUp.compareAndSet(true, false)) {
            long times = leftSinceWarning.incrementAndGet();
            if (now - warnedAt >= WINDOW.toMillis()) {
                warnedAt = now;
                warned = true;
                leftSinceWarning.set(0);
                LOG.warnf("rate limit: Redis %s (%s); each instance counts its officers' searches alone until it answers"
                                + " again (tried every %d ms; the shared state was left %d time(s) since the last warning,"
                                + " see frontline_rate_limit_fallbacks_total)", cause.equals("timeout") ? "too slow" : "failed",
                        failure.getClass().getSimpleName(), retryMs, times);
            }
        }
        probing.set(false);
    }

    private void fallback(String cause) {
        counters.computeIfAbsent("f|" + cause, k -> Counter.builder("frontline.rate.limit.fallbacks")
                        .description("Searches whose rate limit this instance decided alone: Redis failed, was too slow,"
                                + " or was being left alone after a failure (redis_away)")
                        .tag("cause", cause)
                        .register(meters))
                .increment();
    }

    private void count(String store, boolean admitted) {
        String result = admitted ? "admitted" : "refused";
        counters.computeIfAbsent("d|" + store + '|' + result, k -> Counter.builder("frontline.rate.limit.decisions")
                        .description("Rate-limit decisions by where they were counted (redis: every instance; local: this one)")
                        .tag("store", store).tag("result", result)
                        .register(meters))
                .increment();
    }

    private static long seconds(long waitMs) {
        return waitMs <= 0 ? 0 : Math.max(1, (waitMs + 999) / 1000);
    }

    private static Ticker ticker(Clock clock) {
        return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }

    @PreDestroy
    void close() {
        shared.close();
        manifestsShared.close();
    }
}
