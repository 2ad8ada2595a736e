package org.frontline.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds the consultations whose outcome was never recorded, and records that it is unknown.
 *
 * <p>A JSON answer's consultation is recorded twice: {@code CONSULTED} (who asked what, why, when)
 * is written alongside the search and is durable before anything of the answer leaves; the outcome
 * ({@code ANSWERED} with the sources' statuses) goes into the next group commit after the answer is
 * built, and nobody waits for it. An instance that dies between the two (kill -9, a lost node), or
 * an outcome record that the database could not take, leaves a {@code CONSULTED} record with
 * nothing after it: the officer may or may not have seen an answer. This check, run by every
 * instance one grace period after its start and then every {@code every}, writes an
 * {@code OUTCOME_UNKNOWN} record for each {@code CONSULTED} record older than the grace that no other
 * record of its query id followed (the grace is longer than any consultation can last, so an answer
 * still on its way is never taken for a lost one). The records are chained like any other; an
 * auditor finds them in {@code /v1/audit}, and {@code /v1/audit/verify} counts them.
 *
 * <p>Each check covers the window from where the last one ended (the first: from {@code horizon}
 * ago) to one grace ago, reads it through a partial index of the {@code CONSULTED} records, and
 * writes under the writers' advisory lock in one transaction, so two instances checking at once
 * record each consultation once.
 */
@ApplicationScoped
public class UnknownOutcomes {

    private static final Logger LOG = Logger.getLogger(UnknownOutcomes.class);

    private final AuditLog audit;
    private final AuditConfig config;
    private final Clock clock;
    private final Counter recorded;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Where the next check starts: the end of the last one's window (null before the first). */
    private volatile Instant checkedUntil;

    UnknownOutcomes(AuditLog audit, AuditConfig config, Clock clock, MeterRegistry meters) {
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.recorded = Counter.builder("frontline.audit.outcomes.unknown")
                .description("Consultations recorded as OUTCOME_UNKNOWN: admitted, but no outcome was ever recorded")
                .register(meters);
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        if (!config.enabled()) {
            return;
        }
        long grace = Math.max(1, config.outcomeCheck().grace().toMillis());
        vertx.setTimer(grace, first -> {
            check();
            vertx.setPeriodic(Math.max(1, config.outcomeCheck().every().toMillis()), id -> check());
        });
    }

    /** One check (skipped while the previous one runs); completes with the number recorded. */
    public Uni<Integer> check() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        Instant until = clock.instant().minus(config.outcomeCheck().grace());
        Instant since = checkedUntil != null ? checkedUntil : clock.instant().minus(config.outcomeCheck().horizon());
        Uni<Integer> done = audit.recordUnknownOutcomes(since, until)
                .invoke(n -> {
                    if (n > 0) {
                        recorded.increment(n);
                        LOG.warnf("audit: %d consultation(s) admitted before %s have no recorded outcome: recorded as"
                                + " OUTCOME_UNKNOWN", n, until);
                    }
                    // a full page may leave more in this window: the next check starts where this one started
                    if (n < config.maxBatch()) {
                        checkedUntil = until;
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("audit: the check for unknown outcomes failed (%s); the next"
                        + " check tries the same window again", failure.getClass().getSimpleName()))
                .onTermination().invoke(() -> running.set(false))
                .memoize().indefinitely();
        done.subscribe().with(n -> { }, failure -> { });
        return done;
    }
}
