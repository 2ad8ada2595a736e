package org.frontline.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sliding window in Redis, one sorted set per officer ({@code <namespace>:rl:<officer id>}):
 * members are admitted searches, scored by their time. One Lua script, atomic in Redis, drops what
 * has left the window, counts, and either adds the search and renews the key's expiry (one window:
 * an officer silent for a window leaves nothing behind) or answers how long until the oldest search
 * leaves the window. Time is the calling instance's clock (injected, so tests move it; instances
 * kept in step by NTP differ by milliseconds, against a window of a minute).
 *
 * <p>The commands go over one connection that this class takes from the client's pool once and keeps,
 * pipelined, rather than through {@code Redis.send}, which lends a pooled connection per command
 * (six by default, 24 waiting, shared with the cache's L2): concurrent searches would queue behind
 * each other there, or be refused by the pool. Every command
 * is bounded ({@code timeout}); a failure or a timeout closes the connection (a pipelined connection
 * behind a hung command is useless) and the next call opens another, but a connect still under way
 * is waited for rather than doubled (the connections come from the client's pool: a black-holed
 * Redis must not collect one hanging connect per probe).
 */
final class SharedWindows {

    /**
     * KEYS[1] the officer's window. ARGV: now (ms), window (ms), limit, a member unique to this search.
     * Returns 0 when admitted, else the milliseconds until the oldest counted search leaves the window.
     */
    static final String SLIDING_WINDOW = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
              redis.call('ZADD', KEYS[1], now, ARGV[4])
              redis.call('PEXPIRE', KEYS[1], window)
              return 0
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return math.max(1, tonumber(oldest[2]) + window - now)
            """;

    /**
     * The same window counting weighted entries (a manifest's travellers): KEYS[1] the officer's manifest
     * window. ARGV: now (ms), window (ms), limit, a member unique to this manifest, its weight (the member
     * is stored as {@code <member>:<weight>}). All or nothing: 0 when the whole weight fits (and is counted),
     * else the milliseconds until enough of the oldest entries have left for it to fit.
     */
    static final String WEIGHTED_WINDOW = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local limit = tonumber(ARGV[3])
            local weight = tonumber(ARGV[5])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local entries = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
            local total = 0
            for i = 1, #entries, 2 do
              total = total + tonumber(string.match(entries[i], ':(%d+)$'))
            end
            if total + weight <= limit then
              redis.call('ZADD', KEYS[1], now, ARGV[4] .. ':' .. weight)
              redis.call('PEXPIRE', KEYS[1], window)
              return 0
            end
            local freed = 0
            for i = 1, #entries, 2 do
              freed = freed + tonumber(string.match(entries[i], ':(%d+)$'))
              if total - freed + weight <= limit then
                return math.max(1, tonumber(entries[i + 1]) + window - now)
              end
            end
            return window
            """;

    private final Redis redis;
    private final String prefix;
    private final int limit;
    private final long windowMs;
    private final Duration timeout;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private Attempt current;

    SharedWindows(Redis redis, String namespace, int limit, Duration window, Duration timeout) {
        this(namespace + ":rl:", redis, limit, window, timeout);
    }

    /** The manifests' budget: its own windows ({@code <namespace>:rlm:<officer id>}), counted in travellers. */
    static SharedWindows forManifests(Redis redis, String namespace, int limit, Duration window, Duration timeout) {
        return new SharedWindows(namespace + ":rlm:", redis, limit, window, timeout);
    }

    private SharedWindows(String prefix, Redis redis, int limit, Duration window, Duration timeout) {
        this.redis = redis;
        this.prefix = prefix;
        this.limit = limit;
        this.windowMs = window.toMillis();
        this.timeout = timeout;
    }

    /** The Redis key of an officer's window. */
    String key(String officerId) {
        return prefix + officerId;
    }

    /** 0 when admitted (and counted), else the milliseconds to wait; fails on a Redis error or after {@code timeout}. */
    Uni<Long> admit(String officerId, long now) {
        Request eval = Request.cmd(Command.EVAL).arg(SLIDING_WINDOW).arg(1).arg(key(officerId))
                .arg(now).arg(windowMs).arg(limit).arg(instance + ':' + Long.toString(sequence.incrementAndGet(), 36));
        Attempt attempt = connection();
        return attempt.connection.chain(c -> c.send(eval))
                .ifNoItem().after(timeout).fail()
                .map(Response::toLong)
                .onFailure().invoke(failure -> {
                    // a connect still under way is left to finish (or fail) rather than replaced by another
                    if (attempt.settled) {
                        drop(attempt);
                    }
                });
    }

    /**
     * Admits {@code weight} searches at once (all or none) under the weighted script: 0 when admitted
     * (and counted), else the milliseconds to wait; fails on a Redis error or after {@code timeout}.
     */
    Uni<Long> admit(String officerId, long now, int weight) {
        Request eval = Request.cmd(Command.EVAL).arg(WEIGHTED_WINDOW).arg(1).arg(key(officerId))
                .arg(now).arg(windowMs).arg(limit).arg(instance + ':' + Long.toString(sequence.incrementAndGet(), 36))
                .arg(weight);
        Attempt attempt = connection();
        return attempt.connection.chain(c -> c.send(eval))
                .ifNoItem().after(timeout).fail()
                .map(Response::toLong)
                .onFailure().invoke(failure -> {
                    if (attempt.settled) {
                        drop(attempt);
                    }
                });
    }

    /** One connection attempt: settled once it has connected or failed. */
    private static final class Attempt {
        Uni<RedisConnection> connection;
        volatile boolean settled;
    }

    /** Opens the connection now (at start), so that the first search does not wait for it. */
    void connect() {
        connection().connection.subscribe().with(c -> { }, failure -> { });
    }

    private synchronized Attempt connection() {
        if (current == null) {
            Attempt attempt = new Attempt();
            attempt.connection = redis.connect()
                    .invoke(c -> {
                        attempt.settled = true;
                        c.exceptionHandler(e -> drop(attempt));
                        c.endHandler(() -> drop(attempt));
                    })
                    .onFailure().invoke(failure -> {
                        attempt.settled = true;
                        drop(attempt);
                    })
                    .memoize().indefinitely();
            current = attempt;
        }
        return current;
    }

    /** Forgets a connection that failed (closing it if it was open), unless another has replaced it already. */
    private void drop(Attempt failed) {
        synchronized (this) {
            if (current != failed) {
                return;
            }
            current = null;
        }
        failed.connection.subscribe().with(c -> c.close().subscribe().with(x -> { }, x -> { }), x -> { });
    }

    void close() {
        Attempt open;
        synchronized (this) {
            open = current;
            current = null;
        }
        if (open != null) {
            open.connection.subscribe().with(c -> c.close().subscribe().with(x -> { }, x -> { }), x -> { });
        }
    }
}
