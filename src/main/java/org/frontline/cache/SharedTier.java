package org.frontline.cache;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Redis as the shared tier: answers (L2), the shared generations, and the invalidation channel.
 *
 * <p>Two states. SHARED: subscribed to the channel, heartbeats coming back, generations merged; L2 is
 * read and written. LOCAL: anything else (refused, killed, hanging, not yet connected); Redis is not
 * touched by requests at all and the instance lives on L1 with local generations. Every command is
 * bounded by {@code redis-timeout} (the reactive client has no timeout of its own) and a failure or
 * a timeout is a miss. Leaving SHARED, and entering it again, drops L1 ({@code onStateChange}): what
 * was cached across the gap was cached under generations nobody else can vouch for.
 */
final class SharedTier {

    private static final Logger LOG = Logger.getLogger(SharedTier.class);

    /**
     * Moves a generation on in Redis. KEYS: the generation, the channel. ARGV: the value wanted,
     * "bump" (strictly past what Redis holds) or "merge" (at least what Redis holds), and the message
     * prefix. Publishes the new value when it changed. Values are ms-scale integers: exact in Lua.
     */
    private static final String MOVE_GENERATION = """
            local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
            local want = tonumber(ARGV[1])
            local n = math.max(cur, want)
            if ARGV[2] == 'bump' then n = math.max(cur + 1, want) end
            if n ~= cur then
              redis.call('SET', KEYS[1], string.format('%d', n))
              redis.call('PUBLISH', KEYS[2], ARGV[3] .. string.format('%d', n))
            end
            return n
            """;

    enum State { SHARED, LOCAL }

    private final Vertx vertx;
    private final Redis redis;
    private final String namespace;
    private final String channel;
    private final Duration timeout;
    private final Duration heartbeat;
    private final Duration heartbeatTimeout;
    private final Generations generations;
    private final Runnable onStateChange;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong heartbeats = new AtomicLong();
    /** Set by a bump that may not have reached Redis; the next tick in SHARED merges everything again. */
    private final AtomicBoolean unshared = new AtomicBoolean();

    private volatile State state = State.LOCAL;
    private volatile String why = "not connected yet";
    private volatile long lastHeartbeatAt;
    private boolean connecting;
    private RedisConnection subscription;
    private long timer = -1;
    private volatile boolean closed;

    SharedTier(Vertx vertx, Redis redis, String namespace, Duration timeout, Duration heartbeat, Duration heartbeatTimeout,
               Generations generations, Runnable onStateChange, Clock clock) {
        this.vertx = vertx;
        this.redis = redis;
        this.namespace = namespace;
        this.channel = namespace + ":invalidations";
        this.timeout = timeout;
        this.heartbeat = heartbeat;
        this.heartbeatTimeout = heartbeatTimeout;
        this.generations = generations;
        this.onStateChange = onStateChange;
        this.clock = clock;
    }

    void start() {
        timer = vertx.setPeriodic(heartbeat.toMillis(), id -> tick());
        connect();
    }

    boolean shared() {
        return state == State.SHARED;
    }

    String describe() {
        return state == State.SHARED ? "UP (shared L2 and invalidations)" : "DOWN (L1 only: " + why + ")";
    }

    /** The L2 key of a query under a generation; the query is hashed (it is personal data). */
    String key(CacheKey<?> key, long generation) {
        return namespace + ":a:" + RecordCodec.FORMAT + ':' + key.source() + ':' + key.kind() + ':' + generation + ':'
                + Hashing.sha256(key.query());
    }

    /** The cached bytes, or null on a miss, an error or a timeout (told apart by {@code onError}). */
    Uni<byte[]> get(String key, Runnable onError) {
        return bounded(redis.send(Request.cmd(Command.GET).arg(key)))
                .map(r -> r == null ? null : r.toBytes())
                .onFailure().recoverWithItem(failure -> {
                    onError.run();
                    return null;
                });
    }

    void put(String key, byte[] value, Duration ttl) {
        bounded(redis.send(Request.cmd(Command.SET).arg(key).arg(value).arg("PX").arg(ttl.toMillis())))
                .subscribe().with(ok -> { }, failure -> LOG.debugf("L2 write failed: %s", failure.toString()));
    }

    /**
     * Shares a generation this instance has just moved on. Other instances learn it from the channel.
     * A bump that cannot be shared now (Redis away, slow, or SHARED being entered) is not lost: the
     * next heartbeat tick merges every generation into Redis again. Nothing waits for it: every
     * instance hears the source's announcement on its own feed, so sharing only spares the others a
     * miss; it is not what keeps them fresh.
     */
    void shareBump(String name, long value) {
        if (state != State.SHARED) {
            unshared.set(true);
            return;
        }
        move(name, value, "bump")
                .subscribe().with(n -> generations.advance(name, n), failure -> unshared.set(true));
    }

    private Uni<Long> move(String name, long value, String mode) {
        return bounded(redis.send(Request.cmd(Command.EVAL).arg(MOVE_GENERATION).arg(2)
                        .arg(namespace + ":generation:" + name).arg(channel)
                        .arg(value).arg(mode).arg("g|" + name + '|')))
                .map(Response::toLong);
    }

    private <T> Uni<T> bounded(Uni<T> command) {
        return command.ifNoItem().after(timeout).fail();
    }

    private void tick() {
        if (closed) {
            return;
        }
        if (state == State.SHARED) {
            if (clock.millis() - lastHeartbeatAt > heartbeatTimeout.toMillis()) {
                lose(subscription, "no heartbeat through the invalidation channel for " + heartbeatTimeout.toMillis() + " ms");
                return;
            }
            bounded(redis.send(Request.cmd(Command.PUBLISH).arg(channel).arg("h|" + instance + '|' + heartbeats.incrementAndGet())))
                    .subscribe().with(ok -> { }, failure -> { });
            if (unshared.getAndSet(false)) {
                merge().subscribe().with(ok -> { }, failure -> unshared.set(true));
            }
        } else {
            connect();
        }
    }

    /** Subscribes on a connection of its own, then merges the generations, then serves L2 again. */
    private void connect() {
        synchronized (this) {
            if (connecting || closed || state == State.SHARED) {
                return;
            }
            connecting = true;
        }
        redis.connect()
                .ifNoItem().after(heartbeatTimeout).fail()
                .chain(conn -> {
                    synchronized (this) {
                        subscription = conn;
                    }
                    conn.handler(this::onMessage);
                    conn.exceptionHandler(e -> lose(conn, "invalidation channel failed: " + e.getClass().getSimpleName()));
                    conn.endHandler(() -> lose(conn, "invalidation channel closed"));
                    return bounded(conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel)))
                            .chain(subscribed -> merge())
                            .onFailure().invoke(failure -> conn.close().subscribe().with(x -> { }, x -> { }));
                })
                .subscribe().with(ignored -> {
                    synchronized (this) {
                        connecting = false;
                        if (closed) {
                            return;
                        }
                        lastHeartbeatAt = clock.millis();
                        state = State.SHARED;
                        why = null;
                    }
                    onStateChange.run();
                    LOG.info("cache: Redis subscribed and generations merged: L2 and shared invalidations in use (L1 dropped)");
                }, failure -> {
                    synchronized (this) {
                        connecting = false;
                        why = "Redis unreachable (" + failure.getClass().getSimpleName() + ")";
                    }
                });
    }

    /** Pushes every local generation that is ahead and takes every one Redis has that is ahead. */
    private Uni<Void> merge() {
        List<Uni<Void>> moves = new ArrayList<>();
        for (Map.Entry<String, Long> g : generations.snapshot().entrySet()) {
            moves.add(move(g.getKey(), g.getValue(), "merge").invoke(n -> generations.advance(g.getKey(), n)).replaceWithVoid());
        }
        return moves.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(moves).andFailFast().replaceWithVoid();
    }

    private void lose(RedisConnection conn, String reason) {
        boolean wasShared;
        synchronized (this) {
            if (closed || (conn != subscription && conn != null)) {
                return;   // shutting down, or an old connection ending late
            }
            wasShared = state == State.SHARED;
            state = State.LOCAL;
            why = reason;
            subscription = null;
        }
        if (conn != null) {
            conn.close().subscribe().with(x -> { }, x -> { });
        }
        if (wasShared) {
            onStateChange.run();
            LOG.warnf("cache: %s; serving L1 (dropped) and the sources until Redis is back", reason);
        }
    }

    private void onMessage(Response message) {
        // RESP2: [message, channel, payload]; RESP3 push: the same three parts
        if (message == null || message.size() < 3 || !"message".equalsIgnoreCase(message.get(0).toString())) {
            return;
        }
        String payload = message.get(2).toString();
        if (payload.startsWith("h|")) {
            if (payload.startsWith("h|" + instance + '|')) {
                lastHeartbeatAt = clock.millis();
            }
        } else if (payload.startsWith("g|")) {
            int last = payload.lastIndexOf('|');
            try {
                generations.advance(payload.substring(2, last), Long.parseLong(payload.substring(last + 1)));
            } catch (NumberFormatException e) {
                LOG.debug("cache: ignoring a malformed invalidation");
            }
        }
    }

    void close() {
        closed = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        RedisConnection conn;
        synchronized (this) {
            conn = subscription;
            subscription = null;
            state = State.LOCAL;
            why = "closed";
        }
        if (conn != null) {
            conn.close().subscribe().with(x -> { }, x -> { });
        }
    }
}
