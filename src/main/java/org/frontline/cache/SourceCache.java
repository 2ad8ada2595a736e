package org.frontline.cache;

import io.smallrye.mutiny.Uni;
import org.frontline.model.SourceRecord;
import org.frontline.source.SourceCall;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers of the sources, cached per source and normalised query, before any need-to-know filter.
 * Only OK answers are kept (including empty ones, "no hit"); an answer is never served once its
 * source has announced a change that may touch it.
 */
public interface SourceCache {

    /**
     * The source's answer to {@code key}: from the cache when it can vouch for it, else from
     * {@code load} (one call for all identical concurrent misses). Never fails. An answer from the
     * cache reports the latency the source took when it was loaded.
     *
     * @param remaining what is left of this caller's deadline: the caller waits no longer than this,
     *                  then gets its own TIMEOUT, whoever else waits for the same call
     * @param load      the source's call, bounded by the source's own timeout and not by any caller's
     *                  deadline (it may be shared by callers with different deadlines)
     */
    <T extends SourceRecord> Uni<SourceCall<List<T>>> get(CacheKey<T> key, Duration remaining,
                                                          Supplier<Uni<SourceCall<List<T>>>> load);

    /** What the cache can vouch for now, for readiness: Redis, and the change feed of each source. */
    Map<String, String> status();

    /** A cache that keeps nothing: {@code frontline.cache.enabled=false}. */
    static SourceCache disabled() {
        return new SourceCache() {
            @Override
            public <T extends SourceRecord> Uni<SourceCall<List<T>>> get(CacheKey<T> key, Duration remaining,
                                                                         Supplier<Uni<SourceCall<List<T>>>> load) {
                return SourceCall.awaitWithin(load.get(), remaining);
            }

            @Override
            public Map<String, String> status() {
                return Map.of("enabled", "false");
            }
        };
    }
}
