package org.frontline.cache;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The change feed of a source without notifications (MariaDB: no LISTEN/NOTIFY): the source's own
 * triggers append every change to {@code frontline_change} (db/sources/aimc/V2), in the writer's
 * transaction, and this polls the table every {@code listen-probe} on a connection of its own.
 *
 * <h2>Freshness bound</h2>
 * A change committed at {@code t} is in the answer of the first poll that starts after {@code t}. Polls
 * start every {@code interval} and never overlap; a poll that does not answer within {@code timeout}
 * counts as a loss (the source then bypasses the cache until a poll answers again, and everything of it
 * moves on then). So a cached answer is served at most {@code interval + 2 × timeout} after a change
 * (a poll that began just before the commit runs out its timeout, the next starts at the next tick and
 * answers within its own): 1.25 s with the defaults (250 ms, 500 ms), typically one interval and a round
 * trip. The PostgreSQL feed's bound is one round trip, since NOTIFY is pushed.
 *
 * <h2>Ids committed out of order</h2>
 * {@code change_id} is AUTO_INCREMENT: a transaction takes its id at insert and may commit after a
 * later one, so reading "ids above the highest seen" alone could step over it for good. Ids skipped
 * between two seen ones are therefore kept as gaps and asked for by id at each poll until they appear
 * or are older than {@link #GAP_GRACE} (a rolled-back transaction, or an auto-increment step above 1,
 * leaves a gap for ever). A writer's transaction open longer than the grace is outside the bound: its
 * change is then caught only by the cache's TTL.
 */
final class ChangePoller implements ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangePoller.class);

    /** How long an id skipped between two seen ones is waited for. */
    static final Duration GAP_GRACE = Duration.ofSeconds(30);
    /** Rows read per poll; more waiting means a burst, and everything of the source moves on. */
    static final int BATCH = 1000;
    /** Gaps tracked at most; beyond, everything moves on and the gaps are forgotten. */
    static final int MAX_GAPS = 1000;

    private static final String NEWER = "SELECT change_id, kind FROM frontline_change WHERE change_id > ? ORDER BY change_id LIMIT " + BATCH;
    private static final String HIGHEST = "SELECT COALESCE(MAX(change_id), 0) AS high FROM frontline_change";

    private final Vertx vertx;
    private final String source;
    private final Supplier<Pool> connect;
    private final Duration interval;
    private final Duration timeout;
    private final ChangeListener.Events events;
    private final Clock clock;

    private Pool pool;
    private long timer = -1;
    private volatile boolean listening;
    private volatile boolean polling;
    private volatile boolean closed;
    /** The highest change id seen. */
    private long high;
    /** Ids skipped between seen ones, with when each was noticed (ms). */
    private final TreeMap<Long, Long> gaps = new TreeMap<>();

    /**
     * @param connect builds the poller's own pool of one connection (closed with the poller)
     */
    ChangePoller(Vertx vertx, String source, Supplier<Pool> connect, Duration interval, Duration timeout,
                 ChangeListener.Events events, Clock clock) {
        this.vertx = vertx;
        this.source = source;
        this.connect = connect;
        this.interval = interval;
        this.timeout = timeout;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void start() {
        pool = connect.get();
        timer = vertx.setPeriodic(interval.toMillis(), id -> poll());
        poll();
    }

    @Override
    public boolean listening() {
        return listening;
    }

    private void poll() {
        if (polling || closed) {
            return;
        }
        polling = true;
        Uni<Void> round = listening ? next() : resume();
        round.ifNoItem().after(timeout).fail()
                .subscribe().with(ok -> polling = false, failure -> {
                    polling = false;
                    lost(failure);
                });
    }

    /** After a start or a loss: from the highest id now, everything before it taken as changed. */
    private Uni<Void> resume() {
        return pool.query(HIGHEST).execute().map(rows -> {
            long now = rows.iterator().next().getLong("high");
            synchronized (this) {
                high = now;
                gaps.clear();
            }
            if (!closed) {
                events.listening(source);   // bumps every kind of the source before the feed is trusted
                listening = true;
                LOG.infof("cache: polling changes of source %s", source);
            }
            return null;
        });
    }

    private Uni<Void> next() {
        long from;
        synchronized (this) {
            from = high;
        }
        return pool.preparedQuery(NEWER).execute(Tuple.of(from)).flatMap(rows -> {
            boolean burst = read(rows, true);
            if (burst) {
                changed("*");
            }
            List<Long> missing;
            synchronized (this) {
                expireGaps();
                missing = new ArrayList<>(gaps.keySet());
            }
            if (missing.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Tuple ids = Tuple.tuple();
            missing.forEach(ids::addLong);
            String sql = "SELECT change_id, kind FROM frontline_change WHERE change_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(missing.size(), "?")) + ")";
            return pool.preparedQuery(sql).execute(ids).map(found -> {
                read(found, false);
                return null;
            });
        }).replaceWithVoid();
    }

    /**
     * Each row not seen before is a change; newer rows move {@link #high} on and leave the ids they
     * skipped as gaps. True when the batch was full or the gaps overflowed: something may be unread.
     */
    private boolean read(RowSet<Row> rows, boolean newer) {
        boolean overflow = newer && rows.size() >= BATCH;
        long now = clock.millis();
        for (Row row : rows) {
            long id = row.getLong("change_id");
            String kind = row.getString("kind");
            synchronized (this) {
                if (newer) {
                    long skipped = id - high - 1;
                    if (skipped > 0 && gaps.size() + skipped > MAX_GAPS) {
                        overflow = true;
                    } else {
                        for (long gap = high + 1; gap < id; gap++) {
                            gaps.put(gap, now);
                        }
                    }
                    high = Math.max(high, id);
                } else {
                    gaps.remove(id);
                }
            }
            changed(kind);
        }
        if (overflow) {
            synchronized (this) {
                gaps.clear();
            }
        }
        return overflow;
    }

    private void expireGaps() {
        long oldest = clock.millis() - GAP_GRACE.toMillis();
        for (Iterator<Map.Entry<Long, Long>> i = gaps.entrySet().iterator(); i.hasNext(); ) {
            if (i.next().getValue() < oldest) {
                i.remove();
            }
        }
    }

    private void changed(String kind) {
        events.changed(source, "{\"kind\":\"" + (kind == null ? "*" : kind.replace("\"", "")) + "\"}");
    }

    private void lost(Throwable why) {
        if (listening) {
            listening = false;
            events.lost(source);
            LOG.warnf("cache: change table of source %s unreadable (%s): the source is not served from cache until it is back",
                    source, why.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        closed = true;
        listening = false;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (pool != null) {
            pool.close().subscribe().with(x -> { }, x -> { });
        }
    }
}
