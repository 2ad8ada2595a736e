package org.frontline.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/**
 * The two-tier cache of source answers ({@code frontline.cache.*}). A source's own TTL is
 * {@code frontline.sources.<id>.cache-ttl}; freshness does not rest on TTLs but on the sources'
 * change announcements (see {@link TwoTierCache}).
 */
@ConfigMapping(prefix = "frontline.cache")
public interface CacheConfig {

    /** Whether answers are cached at all; false sends every query to the sources (load tests compare both). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Whether the in-process tier (L1) is used. False leaves Redis (L2) alone in front of the sources:
     * for measuring the L2-only path (loadtests/compare.sh); keep it true in service.
     */
    @WithName("l1-enabled")
    @WithDefault("true")
    boolean l1Enabled();

    /** Safety-net lifetime of a cached answer when its source sets no cache-ttl of its own. */
    @WithDefault("5m")
    Duration ttl();

    /** Bound of the in-process tier (L1), in answers. */
    @WithName("max-entries")
    @WithDefault("20000")
    long maxEntries();

    /** Prefix of every Redis key and of the invalidation channel; instances sharing it share the cache. */
    @WithDefault("fq")
    String namespace();

    /** Longest wait for any one Redis command; past it the command counts as a miss. */
    @WithName("redis-timeout")
    @WithDefault("50ms")
    Duration redisTimeout();

    /** How often an instance sends itself a heartbeat through the invalidation channel. */
    @WithName("redis-heartbeat")
    @WithDefault("500ms")
    Duration redisHeartbeat();

    /** Without a heartbeat back for this long, the channel is lost: L1 is dropped and Redis left alone until it is back. */
    @WithName("redis-heartbeat-timeout")
    @WithDefault("1500ms")
    Duration redisHeartbeatTimeout();

    /** How often each LISTEN connection to a source is probed with a round trip. */
    @WithName("listen-probe")
    @WithDefault("250ms")
    Duration listenProbe();

    /** A probe unanswered for this long means the LISTEN connection is lost: that source bypasses the cache. */
    @WithName("listen-probe-timeout")
    @WithDefault("500ms")
    Duration listenProbeTimeout();

    /** Delay between attempts to reconnect a lost LISTEN connection. */
    @WithName("listen-reconnect")
    @WithDefault("500ms")
    Duration listenReconnect();
}
