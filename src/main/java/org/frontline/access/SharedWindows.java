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
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sliding window in Redis, one sorted set per officer ({@code <namespace>:rl:<officer id>}):
 * members are admitted searches, scored by their time. One Lua script, atomic in Redis, drops what
 * has left the window, counts, and either adds the search and renews the key's expiry (one window:
 * an officer silent for a window leaves nothing behind) or answers how long until the oldest search
 * leaves the window. Time is the calling instance's clock (injected, so tests move it; instances
 * kept in step by NTP differ by milliseconds, against a window of a minute).
 *
 * <p>The commands go over one connection of this class's own, pipelined, not through the client's
 * pool: the pool lends a connection per command (six by default, 24 waiting, shared with the cache's
 * L2), so concurrent searches would queue behind each other or be refused by the pool. Every command
 * is bounded ({@code timeout}); a failure or a timeout closes the connection (a pipelined connection
 * behind a hung command is useless) and the next call opens another.
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

    private final Redis redis;
    private final String prefix;
    private final int limit;
    private final long windowMs;
    private final Duration timeout;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private Uni<RedisConnection> connection;

    SharedWindows(Redis redis, String namespace, int limit, Duration window, Duration timeout) {
        this.redis = redis;
        this.prefix = namespace + ":rl:";
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
        Uni<RedisConnection> conn = connection();
        return conn.chain(c -> c.send(eval))
                .ifNoItem().after(timeout).fail()
                .map(Response::toLong)
                .onFailure().invoke(failure -> drop(conn));
    }

    /** Opens the connection now (at start), so that the first search does not wait for it. */
    void connect() {
        connection().subscribe().with(c -> { }, failure -> { });
    }

    private synchronized Uni<RedisConnection> connection() {
        if (connection == null) {
            AtomicReference<Uni<RedisConnection>> self = new AtomicReference<>();
            self.set(redis.connect()
                    .invoke(c -> {
                        c.exceptionHandler(e -> drop(self.get()));
                        c.endHandler(() -> drop(self.get()));
                    })
                    .onFailure().invoke(failure -> drop(self.get()))
                    .memoize().indefinitely());
            connection = self.get();
        }
        return connection;
    }

    /** Forgets a connection that failed (closing it if it was open), unless another has replaced it already. */
    private void drop(Uni<RedisConnection> failed) {
        synchronized (this) {
            if (connection != failed) {
                return;
            }
            connection = null;
        }
        failed.subscribe().with(c -> c.close().subscribe().with(x -> { }, x -> { }), x -> { });
    }

    void close() {
        Uni<RedisConnection> open;
        synchronized (this) {
            open = connection;
            connection = null;
        }
        if (open != null) {
            open.subscribe().with(c -> c.close().subscribe().with(x -> { }, x -> { }), x -> { });
        }
    }
}
