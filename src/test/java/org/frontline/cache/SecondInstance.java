package org.frontline.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.frontline.model.PersonRecord;
import org.frontline.source.Source;
import org.frontline.source.SourceCall;
import org.frontline.source.SourceRegistry;
import org.frontline.source.SourcesConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A second service instance's cache, built by hand in the test JVM from the production classes: its
 * own Vert.x, Redis client, Caffeine, LISTEN connections, generations and metrics, sharing only Redis
 * and the source databases with the Quarkus application under test.
 */
final class SecondInstance implements AutoCloseable {

    final Vertx vertx = Vertx.vertx();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TwoTierCache cache;
    private final SourceRegistry registry;

    SecondInstance(String redisUrl, CacheConfig config, SourcesConfig sources, SourceRegistry registry) {
        this.registry = registry;
        Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUrl));
        cache = new TwoTierCache(config, CacheProducer.settings(config, sources, registry, vertx), vertx, redis, meters,
                Clock.systemUTC(), Ticker.systemTicker());
        cache.start();
    }

    /** One person look-up of one source through this instance's cache, by name alone. */
    List<PersonRecord> persons(String source, String searchKey, int max) {
        return persons(source, searchKey, null, max);
    }

    /** One person look-up of one source through this instance's cache, as the service asks it for a name and year of birth. */
    List<PersonRecord> persons(String source, String searchKey, Integer birthYear, int max) {
        Source s = registry.byId(source).orElseThrow();
        Duration budget = Duration.ofSeconds(2);
        SourceCall<List<PersonRecord>> call = cache.get(CacheKey.persons(source, searchKey, birthYear, max), budget,
                        () -> s.call(c -> c.findPersonCandidates(searchKey, birthYear, max)))
                .await().atMost(Duration.ofSeconds(3));
        if (!call.ok()) {
            throw new AssertionError("second instance: " + source + " answered " + call.status());
        }
        return call.value();
    }

    double count(String source, String tier, String result) {
        return counter(meters, source, tier, result);
    }

    @Override
    public void close() {
        cache.close();
        vertx.closeAndAwait();
    }

    // ------------------------------------------------------------------ shared by the cache tests

    static double counter(MeterRegistry registry, String source, String tier, String result) {
        Counter c = registry.find("frontline.cache.requests").tags("source", source, "tier", tier, "result", result).counter();
        return c == null ? 0 : c.count();
    }

    /** Waits until a cache vouches for everything: Redis shared and every change feed listening. */
    static void awaitReady(SourceCache cache, Duration limit) {
        waitUntil(limit, () -> cache.status().get("redis").startsWith("UP")
                && cache.status().get("change-feeds").equals("all listening"), () -> "not ready: " + cache.status());
    }

    static void waitUntil(Duration limit, BooleanSupplier condition, Supplier<String> failure) {
        org.frontline.testsupport.Waiting.until(limit, condition, failure);
    }
}
