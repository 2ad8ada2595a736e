package org.frontline.audit;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Appends consultations to the audit log, durably, in a hash chain, with group commit.
 *
 * <p>An answer may only leave once its record is committed, and a chain needs one writer at a
 * time. Writing each record in its own transaction would serialise every search behind one INSERT
 * and one commit. Instead, records wait in a queue; one flush at a time takes everything queued
 * (up to a batch limit) and writes it as one batch of INSERTs in a single transaction. When the
 * commit returns, every request of the batch is released; records that arrived meanwhile form the
 * next batch. Under load the batches grow by themselves, so throughput rises with concurrency
 * instead of falling to one commit per search.
 *
 * <p>The chain is extended optimistically. This instance remembers the sequence number and hash of
 * the last record it wrote (the chain head) and chains the next batch after it without asking the
 * database: one round trip per flush instead of a lock, a read and the insert. That is safe because
 * sequence numbers are dense and {@code seq} is the primary key: if another instance sharing the
 * database has appended meanwhile, the row {@code head + 1} already exists, the whole batch fails
 * on the key and nothing of it is written. The batch is then chained again pessimistically, under
 * the advisory lock every writer takes in that path, after reading the head in the same
 * transaction; so a conflict costs one retry and never forks or breaks the chain. After any
 * failure the head is forgotten and read again before the next write.
 *
 * <p>A batch is one statement: an {@code INSERT ... SELECT FROM unnest(...)} with one array per
 * column, sent with the plain reactive client (prepared once per connection, then cached). In
 * autocommit a single statement is its own transaction, so the optimistic path costs one round trip
 * and one WAL flush, whatever the batch size, and the batch is still all-or-nothing. (Hibernate
 * Reactive's stateless session took BEGIN, the INSERTs and COMMIT as separate round trips: at 1
 * client, 0.83 ms per flush against 0.67 ms now and 0.36 ms for the statement alone in pgbench;
 * loadtests/cold-path.sh.) Hibernate Reactive still maps the table for reading ({@link AuditResource}).
 *
 * <p>If the write fails or does not finish within the timeout, every request of the batch fails
 * with {@link AuditUnavailableException}: the search fails closed, no answer is released. One
 * flush at a time (a flag, not a thread, decides): it starts on the event loop of the request that
 * found no flush in flight, or of the flush that just ended; the chain head is only touched by the
 * flush in progress. Each waiting request is released on its own event loop.
 *
 * <p>A record never says {@code ANSWERED} for a request that was refused. Each request waits for its
 * record for at most the timeout. If the wait ends while the record is still queued, the record is
 * abandoned: it is written later with the decision {@code FAILED_AUDIT_TIMEOUT} instead of its own,
 * and the request gets its 503 at once. A record already in flight cannot be recalled: its statement
 * may commit after the request gave up (or after the flush itself timed out, when the database
 * committed but its reply was lost or late — no client can tell those apart, in any protocol). For
 * each such request a correction is queued: a second record for the same query id with the decision
 * {@code FAILED_AUDIT_TIMEOUT}, which an auditor reads as overriding any other record of that query
 * id. A flush that PostgreSQL refused (an error it answered) wrote nothing, so it needs no
 * correction. Records nobody waits for (abandoned ones, corrections) are queued again after a
 * refused flush (three tries), and dropped, logged and counted ({@code frontline_audit_timeout_records_lost_total})
 * after an ambiguous one: it may have committed them, and the same record twice would break the
 * unique key of (query id, decision) and with it the whole batch.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    /** The advisory lock every writer takes on the pessimistic path (package-private for tests acting as another writer). */
    static final long LOCK_KEY = 7_201_443_901L;
    private static final String PRIMARY_KEY = "audit_record_pkey";
    /** Appends a whole batch in one statement: one array per column, unnested into rows. */
    private static final String APPEND = "INSERT INTO audit_record (seq, occurred_at, query_id, officer_id, agency,"
            + " country, roles, purpose, kind, terms, sources, outcome, decision, request_id, traceparent, prev_hash, hash)"
            + " SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],"
            + " $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],"
            + " $15::text[], $16::text[], $17::text[])";

    /** CONSULTED records of a time window that no other record of their query id followed (oldest first). */
    private static final String AWAITING_OUTCOME = "SELECT c.occurred_at, c.query_id, c.officer_id, c.agency, c.country,"
            + " c.roles, c.purpose, c.kind, c.terms, c.request_id, c.traceparent FROM audit_record c"
            + " WHERE c.decision = 'CONSULTED' AND c.occurred_at >= $1 AND c.occurred_at < $2"
            + " AND NOT EXISTS (SELECT 1 FROM audit_record o WHERE o.query_id = c.query_id AND o.decision <> 'CONSULTED')"
            + " ORDER BY c.seq LIMIT $3";

    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int ABANDONED = 2;

    /**
     * A record waiting for its flush, with the request that waits for it (emitter null when nobody
     * does). {@code state}: queued, taken by a flush, or abandoned by its request's timeout while queued;
     * {@code settled}: the request has had its outcome (success, or its 503).
     */
    private static final class Pending {
        final AuditEvent event;
        final UniEmitter<? super Void> emitter;
        final Context requester;
        final AtomicInteger state = new AtomicInteger(QUEUED);
        final AtomicBoolean settled = new AtomicBoolean();
        /** Flushes that PostgreSQL refused with this record in them (records nobody waits for are tried three times). */
        final int attempts;

        Pending(AuditEvent event, UniEmitter<? super Void> emitter, Context requester) {
            this(event, emitter, requester, 0);
        }

        Pending(AuditEvent event, UniEmitter<? super Void> emitter, Context requester, int attempts) {
            this.event = event;
            this.emitter = emitter;
            this.requester = requester;
            this.attempts = attempts;
            if (emitter == null) {
                settled.set(true);
            }
        }

        /** What the flush writes: the event, or its timeout record when its request gave up before the flush took it. */
        AuditEvent written() {
            return state.get() == ABANDONED ? event.withDecision(AuditEvent.FAILED_AUDIT_TIMEOUT) : event;
        }
    }

    private final Pool database;
    private final AuditConfig config;
    /** Anchors the chain head after commits (signed checkpoints). */
    private final AuditCheckpoints checkpoints;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    /** Where a flush starts when the record comes from outside any Vert.x context (tests, start-up). */
    private final Context fallback;
    private final io.micrometer.core.instrument.Timer writeTimer;
    private final io.micrometer.core.instrument.DistributionSummary batchSizes;
    private final io.micrometer.core.instrument.Counter failures;
    private final io.micrometer.core.instrument.Counter conflicts;
    private final io.micrometer.core.instrument.Counter lost;
    private final Vertx vertx;
    /** The last record this instance wrote or read (sequence number and hash), or null when not known. */
    private ChainHead head;
    /** Set when another path of this instance extended the chain: the next flush reads the head again. */
    private volatile boolean headStale;

    private record ChainHead(long seq, String hash) {
    }

    AuditLog(Pool database, AuditConfig config, AuditCheckpoints checkpoints, Vertx vertx,
             io.micrometer.core.instrument.MeterRegistry meters) {
        this.database = database;
        this.config = config;
        this.checkpoints = checkpoints;
        this.writeTimer = io.micrometer.core.instrument.Timer.builder("frontline.audit.write")
                .description("Time to commit one batch of audit records (group commit)")
                .publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(1).dividedBy(10))
                .register(meters);
        this.batchSizes = io.micrometer.core.instrument.DistributionSummary.builder("frontline.audit.batch.size")
                .description("Audit records committed together in one transaction")
                .register(meters);
        this.failures = io.micrometer.core.instrument.Counter.builder("frontline.audit.failures")
                .description("Audit batches that could not be committed (their searches were refused)")
                .register(meters);
        this.conflicts = io.micrometer.core.instrument.Counter.builder("frontline.audit.chain.conflicts")
                .description("Batches re-chained because another writer had extended the chain meanwhile")
                .register(meters);
        this.lost = io.micrometer.core.instrument.Counter.builder("frontline.audit.timeout.records.lost")
                .description("FAILED_AUDIT_TIMEOUT records dropped after a further audit failure")
                .register(meters);
        this.vertx = vertx;
        this.fallback = vertx.getOrCreateContext();
    }

    /**
     * Completes once the event is durable in the chain; fails with AuditUnavailableException otherwise,
     * at the latest after the timeout (see the class comment for what is then written).
     */
    public Uni<Void> append(AuditEvent event) {
        return Uni.createFrom().<Void>emitter(emitter -> {
            Context requester = Vertx.currentContext();
            Pending pending = new Pending(event, emitter, requester);
            long timer = vertx.setTimer(Math.max(1, config.timeout().toMillis()), id -> giveUp(pending));
            emitter.onTermination(() -> vertx.cancelTimer(timer));
            enqueue(pending);
        });
    }

    private void enqueue(Pending pending) {
        queue.add(pending);
        // flushed from the request's own event loop when nothing is in flight: no thread hop
        // before the statement, and the commit comes back on the thread that waits for it
        if (pending.requester != null) {
            drain();
        } else {
            fallback.runOnContext(v -> drain());
        }
    }

    /**
     * Queues the event for the next group commit and returns at once: nobody waits for it. For the
     * outcome of a consultation whose {@code CONSULTED} record is already durable (the answer may
     * leave before its outcome is written). Refused by the database, it is tried again (three
     * tries); lost (logged and counted) after a failure that may have committed it. A consultation
     * whose outcome never arrives is found by {@link #recordUnknownOutcomes}.
     */
    public void appendLater(AuditEvent event) {
        enqueue(new Pending(event, null, Vertx.currentContext()));
    }

    /**
     * Records {@code OUTCOME_UNKNOWN} after each {@code CONSULTED} record of the window
     * [{@code since}, {@code before}) that no other record of its query id followed, in one
     * transaction under the writers' advisory lock (so two instances checking at once record each
     * consultation once, and no writer forks the chain). Completes with the number recorded.
     */
    public Uni<Integer> recordUnknownOutcomes(java.time.Instant since, java.time.Instant before) {
        return database.withTransaction(tx -> tx.query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").execute()
                .chain(() -> tx.preparedQuery(AWAITING_OUTCOME).execute(Tuple.of(
                        since.atOffset(ZoneOffset.UTC), before.atOffset(ZoneOffset.UTC), config.maxBatch())))
                .chain(awaiting -> {
                    List<AuditEvent> unknown = new ArrayList<>();
                    for (io.vertx.mutiny.sqlclient.Row r : awaiting) {
                        unknown.add(new AuditEvent(r.getOffsetDateTime("occurred_at").toInstant(),
                                r.getString("query_id"), r.getString("officer_id"), r.getString("agency"),
                                r.getString("country"), r.getString("roles"), r.getString("purpose"),
                                r.getString("kind"), r.getString("terms"), "[]", null, AuditEvent.OUTCOME_UNKNOWN,
                                r.getString("request_id"), r.getString("traceparent")));
                    }
                    if (unknown.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return tx.query("SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1").execute()
                            .chain(rows -> {
                                io.vertx.mutiny.sqlclient.Row top = rows.iterator().next();
                                List<AuditEntry> entries = chain(unknown,
                                        new ChainHead(top.getLong("seq"), top.getString("hash")));
                                return insert(tx, entries).invoke(() -> {
                                    ChainHead last = last(entries);
                                    headStale = true; // this instance's remembered head is behind now
                                    checkpoints.committed(last.seq(), last.hash());
                                }).replaceWith(entries.size());
                            });
                }));
    }

    /** The request's own wait is over: a queued record is abandoned; one in flight gets a correction if it commits. */
    private void giveUp(Pending pending) {
        pending.state.compareAndSet(QUEUED, ABANDONED);
        release(pending, new AuditUnavailableException());
    }

    /**
     * Settles the waiting request once, on its own context. Completing every emitter here would
     * run the rest of each request (building and writing its answer) on the audit's single event loop:
     * under load, one thread would serialise every answer of the service. Returns false when the
     * request had already been settled (its wait ended first).
     */
    private boolean release(Pending p, Throwable failure) {
        if (!p.settled.compareAndSet(false, true)) {
            return false;
        }
        Runnable outcome = failure == null ? () -> p.emitter.complete(null) : () -> p.emitter.fail(failure);
        if (p.requester == null || p.requester == Vertx.currentContext()) {
            outcome.run();
        } else {
            p.requester.runOnContext(v -> outcome.run());
        }
        return true;
    }

    private void drain() {
        if (queue.isEmpty() || !flushing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < config.maxBatch() && (next = queue.poll()) != null) {
            next.state.compareAndSet(QUEUED, TAKEN);
            batch.add(next);
        }
        long start = System.nanoTime();
        write(batch)
                .ifNoItem().after(config.timeout())
                .failWith(AuditUnavailableException::new)
                .subscribe().with(
                        ok -> {
                            writeTimer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                            batchSizes.record(batch.size());
                            finish(batch, null);
                        },
                        failure -> {
                            failures.increment();
                            finish(batch, failure);
                        });
    }

    private void finish(List<Pending> batch, Throwable failure) {
        boolean ambiguous = failure != null && !refusedByDatabase(failure);
        if (failure != null) {
            LOG.errorf("audit write of %d records failed (%s): their searches are refused", batch.size(),
                    failure.getClass().getSimpleName());
        }
        List<Pending> again = new ArrayList<>();
        for (Pending p : batch) {
            boolean released = p.emitter != null
                    && release(p, failure == null ? null : new AuditUnavailableException());
            if (p.emitter == null || p.state.get() == ABANDONED) {
                // nobody waits for this record (any more): it is written as it is, whatever happens
                if (failure == null) {
                    continue;
                }
                if (ambiguous || p.attempts >= 2) {
                    lost.increment();
                    LOG.errorf("an audit record of a refused request (decision %s) may be lost", p.written().decision());
                } else {
                    again.add(new Pending(p.written(), null, null, p.attempts + 1));
                }
            } else if (failure == null ? !released : ambiguous) {
                // its request was refused, and the record may be (or is) committed with its own decision
                again.add(new Pending(p.event.withDecision(AuditEvent.FAILED_AUDIT_TIMEOUT), null, null));
            }
        }
        flushing.set(false);
        queue.addAll(again);
        if (!queue.isEmpty()) {
            drain();
        }
    }

    /** PostgreSQL answered the statement with an error: nothing of the batch was written. */
    private static boolean refusedByDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException) {
                return true;
            }
        }
        return false;
    }

    private Uni<Void> write(List<Pending> batch) {
        List<AuditEvent> events = batch.stream().map(Pending::written).toList();
        ChainHead known = headStale ? null : head;
        headStale = false;
        head = null; // until this write is known to have committed
        // an optimistic writer elsewhere does not take the lock: its row may still beat ours to the key
        Uni<ChainHead> locked = Uni.createFrom().deferred(() -> appendUnderLock(events))
                .onFailure(AuditLog::isChainConflict).retry().atMost(3);
        Uni<ChainHead> written = known != null
                ? appendAfter(known, events).onFailure(AuditLog::isChainConflict).recoverWithUni(conflict -> {
                    conflicts.increment();
                    return locked;
                })
                : locked;
        return written.invoke(last -> {
            head = last;
            checkpoints.committed(last.seq(), last.hash());
        }).replaceWithVoid();
    }

    /** The optimistic path: one statement (its own transaction) with the batch chained after the remembered head. */
    private Uni<ChainHead> appendAfter(ChainHead after, List<AuditEvent> events) {
        List<AuditEntry> entries = chain(events, after);
        return insert(database, entries).replaceWith(() -> last(entries));
    }

    /** The pessimistic path: under the writers' advisory lock, read the head, chain after it, insert. */
    private Uni<ChainHead> appendUnderLock(List<AuditEvent> events) {
        return database.withTransaction(tx -> tx.query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").execute()
                .chain(() -> tx.query("SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1").execute())
                .chain(rows -> {
                    io.vertx.mutiny.sqlclient.Row top = rows.size() == 0 ? null : rows.iterator().next();
                    ChainHead current = top == null ? new ChainHead(0, AuditChain.GENESIS)
                            : new ChainHead(top.getLong("seq"), top.getString("hash"));
                    List<AuditEntry> entries = chain(events, current);
                    return insert(tx, entries).replaceWith(() -> last(entries));
                }));
    }

    private static Uni<Void> insert(SqlClient client, List<AuditEntry> entries) {
        int n = entries.size();
        Long[] seq = new Long[n];
        OffsetDateTime[] occurredAt = new OffsetDateTime[n];
        String[][] text = new String[15][n];
        for (int i = 0; i < n; i++) {
            AuditEntry e = entries.get(i);
            seq[i] = e.seq;
            occurredAt[i] = e.occurredAt;
            String[] row = {e.queryId, e.officerId, e.agency, e.country, e.roles, e.purpose, e.kind, e.terms,
                    e.sources, e.outcome, e.decision, e.requestId, e.traceparent, e.prevHash, e.hash};
            for (int c = 0; c < row.length; c++) {
                text[c][i] = row[c];
            }
        }
        Tuple arguments = Tuple.tuple().addArrayOfLong(seq).addArrayOfOffsetDateTime(occurredAt);
        for (String[] column : text) {
            arguments.addArrayOfString(column);
        }
        return client.preparedQuery(APPEND).execute(arguments).replaceWithVoid();
    }

    private static List<AuditEntry> chain(List<AuditEvent> events, ChainHead after) {
        List<AuditEntry> entries = new ArrayList<>(events.size());
        long seq = after.seq();
        String previous = after.hash();
        for (AuditEvent e : events) {
            AuditEntry entry = entry(e, ++seq, previous);
            previous = entry.hash;
            entries.add(entry);
        }
        return entries;
    }

    private static ChainHead last(List<AuditEntry> entries) {
        AuditEntry e = entries.get(entries.size() - 1);
        return new ChainHead(e.seq, e.hash);
    }

    /** Another writer holds the sequence number this batch meant to take: the primary key refused it. */
    private static boolean isChainConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState()) && PRIMARY_KEY.equals(pg.getConstraint())) {
                return true;
            }
        }
        return false;
    }

    static AuditEntry entry(AuditEvent e, long seq, String previousHash) {
        AuditEntry entry = new AuditEntry();
        entry.seq = seq;
        entry.occurredAt = e.occurredAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        entry.queryId = e.queryId();
        entry.officerId = e.officerId();
        entry.agency = e.agency();
        entry.country = e.country();
        entry.roles = e.roles();
        entry.purpose = e.purpose();
        entry.kind = e.kind();
        entry.terms = e.terms();
        entry.sources = e.sources();
        entry.outcome = e.outcome();
        entry.decision = e.decision();
        entry.requestId = e.requestId();
        entry.traceparent = e.traceparent();
        entry.prevHash = previousHash;
        entry.hash = AuditChain.hash(entry);
        return entry;
    }
}
