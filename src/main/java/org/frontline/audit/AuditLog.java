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

    /** A record waiting for its flush, with the context of the request that waits for it (or null). */
    private record Pending(AuditEvent event, UniEmitter<? super Void> emitter, Context requester) {
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
    /** The last record this instance wrote or read (sequence number and hash), or null when not known. */
    private ChainHead head;

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
        this.fallback = vertx.getOrCreateContext();
    }

    /** Completes once the event is durable in the chain; fails with AuditUnavailableException otherwise. */
    public Uni<Void> append(AuditEvent event) {
        return Uni.createFrom().<Void>emitter(emitter -> {
                    Context requester = Vertx.currentContext();
                    queue.add(new Pending(event, emitter, requester));
                    // flushed from the request's own event loop when nothing is in flight: no thread hop
                    // before the statement, and the commit comes back on the thread that waits for it
                    if (requester != null) {
                        drain();
                    } else {
                        fallback.runOnContext(v -> drain());
                    }
                })
                .ifNoItem().after(config.timeout()).failWith(AuditUnavailableException::new);
    }

    private void drain() {
        if (queue.isEmpty() || !flushing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < config.maxBatch() && (next = queue.poll()) != null) {
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
        if (failure == null) {
            batch.forEach(p -> release(p, () -> p.emitter().complete(null)));
        } else {
            LOG.errorf("audit write of %d records failed (%s): their searches are refused", batch.size(),
                    failure.getClass().getSimpleName());
            batch.forEach(p -> release(p, () -> p.emitter().fail(new AuditUnavailableException())));
        }
        flushing.set(false);
        if (!queue.isEmpty()) {
            drain();
        }
    }

    /**
     * Hands the outcome back on the waiting request's own context. Completing every emitter here would
     * run the rest of each request (building and writing its answer) on the audit's single event loop:
     * under load, one thread would serialise every answer of the service.
     */
    private void release(Pending p, Runnable outcome) {
        if (p.requester() == null || p.requester() == Vertx.currentContext()) {
            outcome.run();
        } else {
            p.requester().runOnContext(v -> outcome.run());
        }
    }

    private Uni<Void> write(List<Pending> batch) {
        List<AuditEvent> events = batch.stream().map(Pending::event).toList();
        ChainHead known = head;
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
