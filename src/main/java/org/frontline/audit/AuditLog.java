package org.frontline.audit;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import org.jboss.logging.Logger;

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
 * (up to a batch limit) and writes it in a single transaction: it takes an advisory lock (so that
 * several instances sharing the database still build one chain), reads the last record's sequence
 * number and hash, chains the batch in memory and inserts it. When the commit returns, every
 * request of the batch is released; records that arrived meanwhile form the next batch. Under load
 * the batches grow by themselves, so throughput rises with concurrency instead of falling to one
 * commit per search.
 *
 * <p>A flush costs one round trip to the database whatever the size of its batch, because under
 * load every round trip waits for a busy event loop (and, on a shared machine, for a CPU), and one
 * flush at a time is what carries every answer out. The instance remembers the chain's last record
 * as it committed it (the head); a flush then sends BEGIN, the advisory lock, one INSERT of the
 * whole batch chained after that head, and COMMIT at once (the client pipelines them, the server
 * runs them in order, the lock is held only while the server runs them). The INSERT inserts only if
 * the table's last record is still that head (read after the lock was granted; READ COMMITTED takes
 * a new snapshot per statement); when another instance has written meanwhile, it inserts nothing and
 * the batch goes through the slow path: in one transaction, the lock, the last record read from the
 * table (one simple query, two statements), the batch (one pipelined batch of INSERTs). The slow
 * path also serves the first flush and every flush after a failure or a timeout (the head is then
 * unknown). The primary key on seq refuses a fork in any case. Both paths go through the
 * datasource's Vert.x pool directly: written through Hibernate Reactive (persistAll), a flush took
 * longer the larger its batch (at 128 concurrent searches, ~5 flushes/s of ~53 records), and the
 * audit took most of the throughput (loadtests/RESULTS.md, "Audit cost"). Reading the log ({@link AuditResource}) still goes through
 * Hibernate ({@link AuditEntry}).
 *
 * <p>If the transaction fails or does not finish within the timeout, every request of the batch
 * fails with {@link AuditUnavailableException}: the search fails closed, no answer is released.
 * Flushes run on one Vert.x context of their own.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final long LOCK_KEY = 7_201_443_901L;

    private record Pending(AuditEvent event, UniEmitter<? super Void> emitter) {
    }

    private static final String INSERT = "INSERT INTO audit_record (seq, occurred_at, query_id, officer_id, agency,"
            + " country, roles, purpose, kind, terms, sources, outcome, decision, request_id, traceparent, prev_hash, hash)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";
    private static final String LOCK = "SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")";
    private static final String LOCK_AND_LAST = LOCK + "; SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1";
    /** The whole batch as one statement, inserted only if the chain's last record is still $18 (null: empty). */
    private static final String INSERT_AFTER_HEAD = "INSERT INTO audit_record (seq, occurred_at, query_id, officer_id,"
            + " agency, country, roles, purpose, kind, terms, sources, outcome, decision, request_id, traceparent,"
            + " prev_hash, hash) SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[],"
            + " $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],"
            + " $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])"
            + " WHERE (SELECT hash FROM audit_record ORDER BY seq DESC LIMIT 1) IS NOT DISTINCT FROM $18::text";

    private final Pool pool;
    private final AuditConfig config;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final Context context;

    AuditLog(Pool pool, AuditConfig config, Vertx vertx) {
        this.pool = pool;
        this.config = config;
        Context root = vertx.getOrCreateContext();
        this.context = VertxContext.getOrCreateDuplicatedContext(root);
        VertxContextSafetyToggle.setContextSafe(context, true);
    }

    /** Completes once the event is durable in the chain; fails with AuditUnavailableException otherwise. */
    public Uni<Void> append(AuditEvent event) {
        return Uni.createFrom().<Void>emitter(emitter -> {
                    queue.add(new Pending(event, emitter));
                    context.runOnContext(v -> drain());
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
        Head known = head;
        head = null; // unknown until this flush is known to have committed
        (known == null ? writeReadingHead(batch) : writeAfter(known, batch))
                .ifNoItem().after(config.timeout())
                .failWith(AuditUnavailableException::new)
                .subscribe().with(
                        written -> finish(batch, written, null),
                        failure -> finish(batch, null, failure));
    }

    private void finish(List<Pending> batch, Head written, Throwable failure) {
        if (failure == null) {
            head = written;
            batch.forEach(p -> p.emitter().complete(null));
        } else {
            // the exception's class and SQLSTATE only: a message may quote a value (personal data)
            LOG.errorf("audit write of %d records failed (%s%s): their searches are refused", batch.size(),
                    failure.getClass().getSimpleName(),
                    failure instanceof PgException pg ? " SQLSTATE " + pg.getSqlState() : "");
            batch.forEach(p -> p.emitter().fail(new AuditUnavailableException()));
        }
        flushing.set(false);
        if (!queue.isEmpty()) {
            context.runOnContext(v -> drain());
        }
    }

    /**
     * The last record of the chain as this instance last committed it. Only read and written by the
     * one flush in progress (drain sets it to null when a flush starts, finish sets it when that
     * flush committed).
     */
    private record Head(long seq, String hash) {
    }

    private volatile Head head;

    /**
     * Slow path (first flush, after a failure, or when another instance wrote since): in one
     * transaction, the lock, then the last record read from the table, then the batch.
     */
    private Uni<Head> writeReadingHead(List<Pending> batch) {
        return pool.withTransaction(conn -> conn.query(LOCK_AND_LAST).execute()
                .chain(locked -> {
                    RowSet<Row> last = locked.next(); // the second statement's result
                    if (last == null) {
                        return Uni.createFrom().failure(new IllegalStateException("no result for the last record"));
                    }
                    Head from = new Head(0, AuditChain.GENESIS);
                    var rows = last.iterator();
                    if (rows.hasNext()) {
                        Row row = rows.next();
                        from = new Head(row.getLong("seq"), row.getString("hash"));
                    }
                    List<AuditEntry> entries = chain(batch, from);
                    List<Tuple> tuples = new ArrayList<>(entries.size());
                    entries.forEach(e -> tuples.add(tuple(e)));
                    AuditEntry newest = entries.get(entries.size() - 1);
                    return conn.preparedQuery(INSERT).executeBatch(tuples)
                            .replaceWith(new Head(newest.seq, newest.hash));
                }));
    }

    /**
     * Fast path, one round trip: BEGIN, the lock, one INSERT of the whole batch chained after the
     * head this instance committed last, COMMIT, all sent at once (the client pipelines them; the
     * server runs them in order). The INSERT inserts only if the table's last record is still that
     * head, read after the lock was granted (READ COMMITTED: a new snapshot per statement); if
     * another instance wrote meanwhile it inserts nothing, commits nothing, and the batch goes
     * through the slow path, which reads the head. The primary key on seq refuses a fork anyway.
     * The batch is released only if every one of the four statements succeeded and the INSERT wrote
     * every record (an INSERT that failed makes the COMMIT a rollback, and is reported itself).
     */
    private Uni<Head> writeAfter(Head from, List<Pending> batch) {
        List<AuditEntry> entries = chain(batch, from);
        int n = entries.size();
        Long[] seq = new Long[n];
        java.time.OffsetDateTime[] occurredAt = new java.time.OffsetDateTime[n];
        String[][] text = new String[15][n];
        for (int i = 0; i < n; i++) {
            AuditEntry e = entries.get(i);
            seq[i] = e.seq;
            occurredAt[i] = e.occurredAt;
            String[] values = {e.queryId, e.officerId, e.agency, e.country, e.roles, e.purpose, e.kind, e.terms,
                    e.sources, e.outcome, e.decision, e.requestId, e.traceparent, e.prevHash, e.hash};
            for (int c = 0; c < values.length; c++) {
                text[c][i] = values[c];
            }
        }
        Tuple params = Tuple.tuple().addValue(seq).addValue(occurredAt);
        for (String[] column : text) {
            params.addValue(column);
        }
        params.addString(from.seq() == 0 ? null : from.hash());
        AuditEntry newest = entries.get(n - 1);
        Head written = new Head(newest.seq, newest.hash);
        return pool.withConnection(conn -> Uni.combine().all().unis(
                                conn.query("BEGIN").execute(),
                                conn.query(LOCK).execute(),
                                conn.preparedQuery(INSERT_AFTER_HEAD).execute(params),
                                conn.query("COMMIT").execute())
                        .collectFailures().asTuple())
                .chain(done -> done.getItem3().rowCount() == n
                        ? Uni.createFrom().item(written)
                        : writeReadingHead(batch)); // another instance wrote since: nothing was inserted
    }

    private static List<AuditEntry> chain(List<Pending> batch, Head from) {
        List<AuditEntry> entries = new ArrayList<>(batch.size());
        long seq = from.seq();
        String previous = from.hash();
        for (Pending p : batch) {
            AuditEntry entry = entry(p.event(), ++seq, previous);
            previous = entry.hash;
            entries.add(entry);
        }
        return entries;
    }

    private static Tuple tuple(AuditEntry e) {
        return Tuple.tuple().addLong(e.seq).addOffsetDateTime(e.occurredAt).addString(e.queryId)
                .addString(e.officerId).addString(e.agency).addString(e.country).addString(e.roles)
                .addString(e.purpose).addString(e.kind).addString(e.terms).addString(e.sources).addString(e.outcome)
                .addString(e.decision).addString(e.requestId).addString(e.traceparent).addString(e.prevHash)
                .addString(e.hash);
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
