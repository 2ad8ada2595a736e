package org.frontline.audit;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
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
 * <p>If the write fails or does not finish within the timeout, every request of the batch fails
 * with {@link AuditUnavailableException}: the search fails closed, no answer is released. Flushes
 * run on one Vert.x context of their own, as Hibernate Reactive requires; the chain head is only
 * touched there.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    /** The advisory lock every writer takes on the pessimistic path (package-private for tests acting as another writer). */
    static final long LOCK_KEY = 7_201_443_901L;
    private static final String PRIMARY_KEY = "audit_record_pkey";

    /** A record waiting for its flush, with the context of the request that waits for it (or null). */
    private record Pending(AuditEvent event, UniEmitter<? super Void> emitter, Context requester) {
    }

    private final Mutiny.SessionFactory sessions;
    private final AuditConfig config;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final Context context;
    private final io.micrometer.core.instrument.Timer writeTimer;
    private final io.micrometer.core.instrument.DistributionSummary batchSizes;
    private final io.micrometer.core.instrument.Counter failures;
    private final io.micrometer.core.instrument.Counter conflicts;
    /** The last record this instance wrote or read (sequence number and hash), or null when not known. */
    private ChainHead head;

    private record ChainHead(long seq, String hash) {
    }

    AuditLog(Mutiny.SessionFactory sessions, AuditConfig config, Vertx vertx,
             io.micrometer.core.instrument.MeterRegistry meters) {
        this.sessions = sessions;
        this.config = config;
        this.writeTimer = io.micrometer.core.instrument.Timer.builder("frontline.audit.write")
                .description("Time to commit one batch of audit records (group commit)")
                .publishPercentileHistogram()
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
        Context root = vertx.getOrCreateContext();
        this.context = VertxContext.getOrCreateDuplicatedContext(root);
        VertxContextSafetyToggle.setContextSafe(context, true);
    }

    /** Completes once the event is durable in the chain; fails with AuditUnavailableException otherwise. */
    public Uni<Void> append(AuditEvent event) {
        return Uni.createFrom().<Void>emitter(emitter -> {
                    queue.add(new Pending(event, emitter, Vertx.currentContext()));
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
            context.runOnContext(v -> drain());
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
        return written.invoke(last -> head = last).replaceWithVoid();
    }

    /** The optimistic path: one transaction with the batch's INSERTs chained after the remembered head. */
    private Uni<ChainHead> appendAfter(ChainHead after, List<AuditEvent> events) {
        List<AuditEntry> entries = chain(events, after);
        return sessions.withStatelessTransaction((session, tx) -> session.insertMultiple(entries))
                .replaceWith(() -> last(entries));
    }

    /** The pessimistic path: under the writers' advisory lock, read the head, chain after it, insert. */
    private Uni<ChainHead> appendUnderLock(List<AuditEvent> events) {
        return sessions.withStatelessTransaction((session, tx) -> session
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")")
                .getSingleResult()
                .chain(() -> session.createNativeQuery(
                                "SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1", Object[].class)
                        .getResultList())
                .chain(rows -> {
                    ChainHead current = rows.isEmpty() ? new ChainHead(0, AuditChain.GENESIS)
                            : new ChainHead(((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1]);
                    List<AuditEntry> entries = chain(events, current);
                    return session.insertMultiple(entries).replaceWith(() -> last(entries));
                }));
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

    /**
     * Another writer holds the sequence number this batch meant to take: the primary key refused it.
     * (Hibernate Reactive hands the driver's error over as its own constraint violation.)
     */
    private static boolean isChainConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cv
                    && (PRIMARY_KEY.equalsIgnoreCase(cv.getConstraintName())
                        || String.valueOf(cv.getMessage()).contains('"' + PRIMARY_KEY + '"'))) {
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
