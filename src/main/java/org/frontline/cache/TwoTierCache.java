package org.frontline.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.pgclient.PgConnectOptions;
import org.frontline.model.QueryKind;
import org.frontline.model.SourceRecord;
import org.frontline.source.SourceCall;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The two-tier cache of source answers: Caffeine in each instance (L1) in front of Redis shared by
 * all instances (L2), with freshness as a safety property rather than a TTL.
 *
 * <h2>What is cached</h2>
 * Exactly what a source answered (the {@code List} of common-model records) to a normalised query,
 * per source and kind ({@link CacheKey}), before scoring and before any need-to-know filter, so one
 * officer's view never leaks to another through the cache. Only OK answers are kept; an empty list
 * ("no hit") is kept under the same guarantee as any other answer. TTLs exist only as a safety net.
 *
 * <h2>Freshness: generations</h2>
 * Every key carries the <em>generation</em> of its (source, kind). A change in a source moves the
 * generation on, and every older answer of that source and kind becomes unreachable in both tiers at
 * once; nothing has to be found and deleted. Sources announce changes by NOTIFY (V2 migrations):
 * each instance LISTENs to every source itself ({@link ChangeListener}), bumps its own generation at
 * once, then shares the new value through Redis (an atomic script that keeps generations increasing
 * and publishes them), so instances converge within a message's time. Person queries are fuzzy, so
 * any change to a person or alert table moves the PERSON generation of its source; documents and
 * vehicles have their own generations, so a stolen car does not empty the person cache.
 *
 * <p>The race that matters: an answer read from a source just before a change commits, stored just
 * after the change was announced. The generation is therefore taken <em>before</em> asking L2 or the
 * source and the answer is stored under that generation: a request that arrives after the bump
 * computes a new key and can neither read the old answer nor join the old in-flight call
 * ({@code CacheFreshnessTest} fails if the generation is taken at store time). An answer whose
 * generation moved meanwhile is not stored at all (it could never be read), nor one that crossed a
 * drop of L1 (the epoch below), whose keys do not change.
 *
 * <h2>What the cache cannot vouch for, it does not serve</h2>
 * <ul>
 * <li>A source whose change feed is down (connection lost, probe unanswered) is not served from
 * cache and nothing is stored for it. When the feed is back, its generations are bumped before it is
 * trusted again: nothing cached before the gap, in L1 or L2, is reachable. The first connection
 * counts as a reconnection (changes may have happened while no instance was listening).</li>
 * <li>Redis is optional. When it is refused, killed or hangs (every command is bounded by
 * {@code redis-timeout} and a timeout is a miss), the instance leaves the SHARED state: it drops L1,
 * stops using L2, and carries on with L1 and local generations, which its own change feeds keep
 * fresh. Pub/sub is at-most-once, so a heartbeat sent to itself through the invalidation channel
 * proves the channel alive; without it the channel counts as lost. When Redis is back, the
 * generations are merged (the larger wins, so changes seen while apart are not forgotten), L1 is
 * dropped again, and L2 resumes by itself. {@link SharedTier} holds that state machine.</li>
 * </ul>
 *
 * <h2>Stampedes, and whose deadline</h2>
 * Misses of the same key (generation included) share one in-flight {@link Uni}: one L2 read and at
 * most one source call, whose answer goes to every waiter. The shared call belongs to nobody: it runs
 * with the source's own timeout (the loader must not carry a caller's deadline), and it is not
 * cancelled when a waiter leaves. Each waiter waits as long as <em>its own</em> deadline allows and
 * gets the source's answer if it comes by then, else its own TIMEOUT; so a first caller with a short
 * deadline neither hands its TIMEOUT to the others nor stops the answer from being cached.
 *
 * <h2>No timing signal</h2>
 * A hit reports, for its source, the latency the source took when the answer was loaded (kept with
 * the entry in both tiers), never a tell-tale 0: an officer cannot learn from the reported figures
 * whether someone else asked the same question a moment ago. (The wall-clock time of the response
 * still differs; see docs/cache.md.)
 */
final class TwoTierCache implements SourceCache {

    private static final Logger LOG = Logger.getLogger(TwoTierCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One source as the cache sees it. */
    record SourceSettings(String id, Set<QueryKind> kinds, Feed feed, Duration ttl) {

        /** A PostgreSQL source: LISTEN on a connection of these options. */
        SourceSettings(String id, Set<QueryKind> kinds, PgConnectOptions listen, Duration ttl) {
            this(id, kinds, Feed.listen(listen), ttl);
        }
    }

    /** How a source's change feed is opened: LISTEN (PostgreSQL), a polled change table (MariaDB) or a partner's event stream (HTTP). */
    @FunctionalInterface
    interface Feed {
        ChangeFeed open(Vertx vertx, String source, CacheConfig config, ChangeListener.Events events, Clock clock);

        static Feed listen(PgConnectOptions options) {
            return (vertx, source, config, events, clock) -> new ChangeListener(vertx, source, options,
                    config.listenProbe(), config.listenProbeTimeout(), config.listenReconnect(), events);
        }

        /**
         * Follows a partner API's change stream (Server-Sent Events), silent for at most listen-probe-timeout,
         * reopened after listen-reconnect.
         */
        static Feed stream(java.net.URI base, String clientId, String clientSecret, Duration connectTimeout) {
            return (vertx, source, config, events, clock) -> new PartnerChangeStream(vertx, source, base, clientId,
                    clientSecret, config.listenProbe(), config.listenProbeTimeout(), config.listenReconnect(),
                    connectTimeout, events);
        }

        /** Polls the change table every listen-probe, each poll bounded by listen-probe-timeout, on its own pool. */
        static Feed poll(java.util.function.Supplier<io.vertx.mutiny.sqlclient.Pool> pool) {
            return (vertx, source, config, events, clock) -> new ChangePoller(vertx, source, pool,
                    config.listenProbe(), config.listenProbeTimeout(), events, clock);
        }
    }

    /**
     * An L1 value: the source's answer, with its source for expiry and metrics, and the latency the
     * source took to give it (reported on every hit: see "No timing signal" above).
     */
    private record Cached(String source, List<? extends SourceRecord> records, long latencyMs) {
    }

    private final Map<String, SourceSettings> sources;
    private final Map<String, ChangeFeed> listeners = new LinkedHashMap<>();
    private final Generations generations;
    private final Cache<String, Cached> l1;
    /** False: L1 is neither read nor written (frontline.cache.l1-enabled), every look-up starts at L2. */
    private final boolean l1Enabled;
    private final SharedTier shared;
    private final CacheMetrics metrics;
    private final RecordCodec codec = new RecordCodec();
    private final Map<String, Uni<? extends SourceCall<?>>> inFlight = new ConcurrentHashMap<>();
    /** Moves on each time L1 is dropped: an answer loaded across a drop is not stored. */
    private final AtomicLong epoch = new AtomicLong();
    private final Clock clock;

    TwoTierCache(CacheConfig config, List<SourceSettings> sources, Vertx vertx, Redis redis, MeterRegistry meters,
                 Clock clock, Ticker ticker) {
        this.clock = clock;
        this.metrics = new CacheMetrics(meters);
        Map<String, SourceSettings> byId = new LinkedHashMap<>();
        Map<String, Set<QueryKind>> kinds = new LinkedHashMap<>();
        for (SourceSettings s : sources) {
            byId.put(s.id(), s);
            kinds.put(s.id(), s.kinds());
        }
        this.sources = byId;
        this.generations = new Generations(kinds, clock.millis());
        this.l1Enabled = config.l1Enabled();
        this.l1 = Caffeine.newBuilder()
                .maximumSize(config.maxEntries())
                .ticker(ticker)
                .expireAfter(new Expiry<String, Cached>() {
                    @Override
                    public long expireAfterCreate(String key, Cached value, long now) {
                        return ttl(value.source()).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Cached value, long now, long current) {
                        return ttl(value.source()).toNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Cached value, long now, long current) {
                        return current;
                    }
                })
                .removalListener((String key, Cached value, RemovalCause cause) -> {
                    if (cause.wasEvicted() && value != null) {
                        metrics.eviction(value.source(), cause.name().toLowerCase(Locale.ROOT));
                    }
                })
                .build();
        this.shared = new SharedTier(vertx, redis, config.namespace(), config.redisTimeout(), config.redisHeartbeat(),
                config.redisHeartbeatTimeout(), generations, this::dropL1, clock);
        ChangeListener.Events events = new ChangeListener.Events() {
            @Override
            public void changed(String source, String payload) {
                TwoTierCache.this.changed(source, payload);
            }

            @Override
            public void listening(String source) {
                // nothing cached before the gap may be served: bump before the feed is trusted
                TwoTierCache.this.sources.get(source).kinds().forEach(kind -> invalidate(source, kind));
            }

            @Override
            public void lost(String source) {
                // nothing to do: a source without its feed bypasses the cache, and is bumped when back
            }
        };
        for (SourceSettings s : sources) {
            listeners.put(s.id(), s.feed().open(vertx, s.id(), config, events, clock));
        }
    }

    void start() {
        shared.start();
        listeners.values().forEach(ChangeFeed::start);
    }

    /** Idempotent. */
    void close() {
        listeners.values().forEach(ChangeFeed::close);
        shared.close();
        l1.invalidateAll();
    }

    @Override
    public <T extends SourceRecord> Uni<SourceCall<List<T>>> get(CacheKey<T> key, Duration remaining,
                                                                 Supplier<Uni<SourceCall<List<T>>>> load) {
        return Uni.createFrom().deferred(() -> {
            ChangeFeed feed = listeners.get(key.source());
            if (feed == null || !feed.listening() || remaining.toMillis() <= 0) {
                metrics.request(key.source(), "l1", "bypass");
                return SourceCall.awaitWithin(load.get(), remaining);
            }
            long generation = generations.current(key.source(), key.kind());
            long epochAtStart = epoch.get();
            String id = key.at(generation);
            if (l1Enabled) {
                Cached hit = l1.getIfPresent(id);
                if (hit != null) {
                    metrics.request(key.source(), "l1", "hit");
                    return Uni.createFrom().item(SourceCall.fromCache(cast(hit.records()), hit.latencyMs()));
                }
                metrics.request(key.source(), "l1", "miss");
            } else {
                metrics.request(key.source(), "l1", "off");
            }
            @SuppressWarnings("unchecked")
            Uni<SourceCall<List<T>>> flight = (Uni<SourceCall<List<T>>>) inFlight.computeIfAbsent(id,
                    k -> fill(key, generation, epochAtStart, id, load));
            // each caller waits for the shared call as long as its own deadline allows, and no longer
            return SourceCall.awaitWithin(flight, remaining);
        });
    }

    /** L2, then the source; stores what it got; shared by every identical miss until it ends. */
    private <T extends SourceRecord> Uni<SourceCall<List<T>>> fill(CacheKey<T> key, long generation, long epochAtStart,
                                                                   String id, Supplier<Uni<SourceCall<List<T>>>> load) {
        String l2Key = shared.key(key, generation);
        Uni<RecordCodec.Entry<T>> fromL2;
        if (shared.shared()) {
            fromL2 = shared.get(l2Key, () -> metrics.request(key.source(), "l2", "error"))
                    .map(bytes -> bytes == null ? null : decode(bytes, key));
        } else {
            metrics.request(key.source(), "l2", "bypass");
            fromL2 = Uni.createFrom().nullItem();
        }
        return fromL2
                .onItem().transformToUni(found -> {
                    if (found != null) {
                        metrics.request(key.source(), "l2", "hit");
                        store(key, generation, epochAtStart, id, found.records(), found.latencyMs(), null);
                        return Uni.createFrom().item(SourceCall.fromCache(found.records(), found.latencyMs()));
                    }
                    if (shared.shared()) {
                        metrics.request(key.source(), "l2", "miss");
                    }
                    return load.get()
                            .invoke(call -> {
                                if (call.ok()) {
                                    store(key, generation, epochAtStart, id, call.value(), call.latencyMs(), l2Key);
                                }
                            });
                })
                .onTermination().invoke(() -> inFlight.remove(id))
                .memoize().indefinitely();
    }

    private <T extends SourceRecord> RecordCodec.Entry<T> decode(byte[] bytes, CacheKey<T> key) {
        try {
            return codec.decode(bytes, key.type());
        } catch (RuntimeException e) {
            metrics.request(key.source(), "l2", "error");
            LOG.debugf("cache: undecodable L2 value for %s, treated as a miss", key);
            return null;
        }
    }

    /** Keeps an answer unless its generation moved, L1 was dropped or the feed went down meanwhile. */
    private void store(CacheKey<?> key, long generation, long epochAtStart, String id, List<? extends SourceRecord> value,
                       long latencyMs, String l2Key) {
        ChangeFeed feed = listeners.get(key.source());
        if (!feed.listening() || generations.current(key.source(), key.kind()) != generation || epoch.get() != epochAtStart) {
            return;
        }
        List<? extends SourceRecord> records = List.copyOf(value);
        if (l1Enabled) {
            l1.put(id, new Cached(key.source(), records, latencyMs));
        }
        if (l2Key != null && shared.shared()) {
            shared.put(l2Key, codec.encode(records, latencyMs), ttl(key.source()));
        }
    }

    /** A change announced by a source: every kind it names (all when unsure) moves on. */
    private void changed(String source, String payload) {
        for (QueryKind kind : kindsOf(source, payload)) {
            invalidate(source, kind);
        }
    }

    private Set<QueryKind> kindsOf(String source, String payload) {
        Set<QueryKind> all = sources.get(source).kinds();
        try {
            JsonNode kind = JSON.readTree(payload).get("kind");
            if (kind != null && !"*".equals(kind.asText())) {
                QueryKind k = QueryKind.valueOf(kind.asText());
                return all.contains(k) ? Set.of(k) : Set.of();
            }
        } catch (Exception e) {
            LOG.debugf("cache: unreadable change announcement from %s: everything of it moves on", source);
        }
        return all;
    }

    private void invalidate(String source, QueryKind kind) {
        long value = generations.bump(source, kind, clock.millis());
        metrics.invalidation(source);
        shared.shareBump(Generations.name(source, kind), value);
    }

    private void dropL1() {
        epoch.incrementAndGet();
        l1.invalidateAll();
    }

    private Duration ttl(String source) {
        SourceSettings s = sources.get(source);
        return s == null ? Duration.ZERO : s.ttl();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<?> records) {
        return (List<T>) records;
    }

    @Override
    public Map<String, String> status() {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("enabled", "true");
        status.put("redis", shared.describe());
        List<String> down = new ArrayList<>();
        listeners.forEach((id, feed) -> {
            if (!feed.listening()) {
                down.add(id);
            }
        });
        status.put("change-feeds", down.isEmpty() ? "all listening" : "not listening, served without cache: " + down);
        status.put("l1-entries", l1Enabled ? Long.toString(l1.estimatedSize()) : "off");
        return status;
    }
}
