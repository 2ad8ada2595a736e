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
 * (up to a batch limit) and writes it in a single transaction: it takes an advisory lock (so that
 * several instances sharing the database still build one chain), reads the last record's sequence
 * number and hash, chains the batch in memory and inserts it. When the commit returns, every
 * request of the batch is released; records that arrived meanwhile form the next batch. Under load
 * the batches grow by themselves, so throughput rises with concurrency instead of falling to one
 * commit per search.
 *
 * <p>If the transaction fails or does not finish within the timeout, every request of the batch
 * fails with {@link AuditUnavailableException}: the search fails closed, no answer is released.
 * Flushes run on one Vert.x context of their own, as Hibernate Reactive requires.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final long LOCK_KEY = 7_201_443_901L;

    private record Pending(AuditEvent event, UniEmitter<? super Void> emitter) {
    }

    private final Mutiny.SessionFactory sessions;
    private final AuditConfig config;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final Context context;

    AuditLog(Mutiny.SessionFactory sessions, AuditConfig config, Vertx vertx) {
        this.sessions = sessions;
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
        write(batch)
                .ifNoItem().after(config.timeout())
                .failWith(AuditUnavailableException::new)
                .subscribe().with(
                        ok -> finish(batch, null),
                        failure -> finish(batch, failure));
    }

    private void finish(List<Pending> batch, Throwable failure) {
        if (failure == null) {
            batch.forEach(p -> p.emitter().complete(null));
        } else {
            LOG.errorf("audit write of %d records failed (%s): their searches are refused", batch.size(),
                    failure.getClass().getSimpleName());
            batch.forEach(p -> p.emitter().fail(new AuditUnavailableException()));
        }
        flushing.set(false);
        if (!queue.isEmpty()) {
            context.runOnContext(v -> drain());
        }
    }

    private Uni<Void> write(List<Pending> batch) {
        return sessions.withTransaction((session, tx) -> session
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")")
                .getSingleResult()
                .chain(() -> session.createNativeQuery(
                                "SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1", Object[].class)
                        .getResultList())
                .chain(last -> {
                    long seq = last.isEmpty() ? 0 : ((Number) last.get(0)[0]).longValue();
                    String previous = last.isEmpty() ? AuditChain.GENESIS : (String) last.get(0)[1];
                    List<AuditEntry> entries = new ArrayList<>(batch.size());
                    for (Pending p : batch) {
                        AuditEntry entry = entry(p.event(), ++seq, previous);
                        previous = entry.hash;
                        entries.add(entry);
                    }
                    return session.persistAll(entries.toArray());
                }));
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
