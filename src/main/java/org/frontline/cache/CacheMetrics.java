package org.frontline.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-source cache figures: {@code frontline_cache_requests_total{source,tier,result}} (tier l1 or l2;
 * result hit, miss, bypass when the tier could not be used, off for L1 when
 * {@code frontline.cache.l1-enabled} is false, error when Redis failed or was too slow),
 * {@code frontline_cache_invalidations_total{source}} (generation bumps: announced changes and
 * reconnections) and {@code frontline_cache_evictions_total{source,cause}} (L1 size or TTL).
 */
final class CacheMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    CacheMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(String source, String tier, String result) {
        counters.computeIfAbsent("r|" + source + '|' + tier + '|' + result, k -> Counter.builder("frontline.cache.requests")
                        .description("Cache look-ups per source, tier and result")
                        .tag("source", source).tag("tier", tier).tag("result", result)
                        .register(registry))
                .increment();
    }

    void invalidation(String source) {
        counters.computeIfAbsent("i|" + source, k -> Counter.builder("frontline.cache.invalidations")
                        .description("Generation bumps per source: announced changes and reconnected change feeds")
                        .tag("source", source)
                        .register(registry))
                .increment();
    }

    void eviction(String source, String cause) {
        counters.computeIfAbsent("e|" + source + '|' + cause, k -> Counter.builder("frontline.cache.evictions")
                        .description("Answers evicted from the in-process tier, by cause")
                        .tag("source", source).tag("cause", cause)
                        .register(registry))
                .increment();
    }
}
