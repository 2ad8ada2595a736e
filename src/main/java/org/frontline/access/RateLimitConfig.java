package org.frontline.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The per-officer rate limit ({@code frontline.access.rate-limit.*}), counted in Redis for every
 * instance under {@code frontline.cache.namespace}, by each instance alone while Redis is away
 * (see {@link RateLimiter}).
 */
@ConfigMapping(prefix = "frontline.access.rate-limit")
public interface RateLimitConfig {

    /** The default of {@link #manifestTravellersPerMinute()}. */
    String MANIFEST_TRAVELLERS_PER_MINUTE = "3000";

    /** Searches one officer may make in any sliding minute; more get 429 with Retry-After. */
    @WithDefault("120")
    int perMinute();

    /** Whether the limit is counted in Redis for every instance; false: each instance counts alone. */
    @WithDefault("true")
    boolean shared();

    /** Longest wait for Redis on one decision; past it, this instance decides alone. */
    @WithDefault("50ms")
    Duration redisTimeout();

    /** After Redis failed or was too slow, how long decisions stay local before Redis is tried again. */
    @WithDefault("1s")
    Duration redisRetry();

    /**
     * Bound of this instance's own window, in officers; beyond it Caffeine drops the least valuable
     * (W-TinyLFU: one-time ids before officers who search often).
     */
    @WithDefault("50000")
    long localMaxOfficers();

    /**
     * Manifests' own budget: travellers one officer may have screened in any sliding minute
     * ({@code POST /v1/screen/manifest}), counted apart from the searches; a manifest the budget
     * cannot cover whole gets 429 with Retry-After before anything is screened.
     */
    @WithDefault(MANIFEST_TRAVELLERS_PER_MINUTE)
    int manifestTravellersPerMinute();
}
