package org.frontline.source;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.frontline.model.SourceDescriptor;
import org.frontline.model.SourceStatus;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One configured source: its connector behind its own guard. The guard is one named instance per
 * source (circuit breaker "source-&lt;id&gt;" and a bulkhead), so a slow or failing source is
 * isolated from the others: its calls time out within its own budget, its breaker opens on its own
 * failures, and its in-flight calls are bounded so it cannot exhaust anything shared.
 *
 * <p>{@link #call} never fails: every outcome, including a refusal by the breaker or the bulkhead,
 * comes back as a {@link SourceCall} with a status, which is what lets a fan-out join all branches.
 *
 * <h2>Whose time is it?</h2>
 * Two clocks run on every call and only one of them is the source's. The source's own timeout
 * bounds the call inside the guard: a source that does not answer within it has failed, and its
 * breaker counts that. The caller's deadline only bounds how long <em>that caller</em> waits: when
 * it passes first, the caller gets its TIMEOUT ({@link SourceCall#awaitWithin}), but the call is not
 * cut short; it goes on, detached from the caller, to its own end (at most the source's timeout,
 * after which the source's {@code statement_timeout} ends the statement on the server too), and the
 * breaker judges it by what the source did. A caller with a short budget can therefore neither fail
 * a healthy source nor open its breaker; only errors and the source's own slowness count.
 */
public final class Source {

    private final SourceDescriptor descriptor;
    private final SourceConnector connector;
    private final Duration timeout;
    private final Guard guard;
    private final Clock clock;
    private final Tracer tracer;
    /** The probe's ping now on its way to the source, shared by every probe that asks meanwhile; null when none is. */
    private final AtomicReference<Ping> probing = new AtomicReference<>();

    Source(SourceDescriptor descriptor, SourceConnector connector, Duration timeout, Guard guard, Clock clock,
           Tracer tracer) {
        this.descriptor = descriptor;
        this.connector = connector;
        this.timeout = timeout;
        this.guard = guard;
        this.clock = clock;
        this.tracer = tracer;
    }

    public String id() {
        return descriptor.id();
    }

    public SourceDescriptor descriptor() {
        return descriptor;
    }

    /** The name of this source's circuit breaker. */
    public String breakerName() {
        return breakerName(id());
    }

    static String breakerName(String sourceId) {
        return "source-" + sourceId;
    }

    /** The time this source is given to answer one call, whoever asks. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Calls the source and waits at most {@code remaining} for the outcome; the call itself is judged
     * by the source's own timeout only (see {@link #call(Function)}).
     *
     * @param remaining what is left of the request's deadline
     */
    public <T> Uni<SourceCall<T>> call(Function<SourceConnector, Uni<T>> action, Duration remaining) {
        return SourceCall.awaitWithin(call(action), remaining);
    }

    /**
     * Calls the source within its own timeout, behind its guard. Once subscribed, the call runs to its
     * end even when nobody waits for it any more (every subscriber shares the one outcome), so the
     * breaker hears what the source did, never how patient a caller was.
     */
    public <T> Uni<SourceCall<T>> call(Function<SourceConnector, Uni<T>> action) {
        return Uni.createFrom().deferred(() -> {
            Uni<SourceCall<T>> running = guarded(action).memoize().indefinitely();
            // detached from whoever waits: a caller giving up cancels its own wait, not the call
            running.subscribe().with(call -> { }, failure -> { });
            return running;
        });
    }

    private <T> Uni<SourceCall<T>> guarded(Function<SourceConnector, Uni<T>> action) {
        return Uni.createFrom().deferred(() -> {
            long start = clock.millis();
            // one span per source call, child of the request's span (which honours an incoming traceparent)
            Span span = tracer.spanBuilder("source " + id())
                    .setSpanKind(SpanKind.CLIENT)
                    .setParent(Context.current())
                    .setAttribute("frontline.source", id())
                    .setAttribute("frontline.source.budget_ms", timeout.toMillis())
                    .startSpan();
            Uni<T> guarded = guard.get(() -> action.apply(connector)
                    .ifNoItem().after(timeout).failWith(() -> new SourceTimeoutException(timeout)),
                    new TypeLiteral<Uni<T>>() { });
            // outside the guard, a bound on time spent waiting in the bulkhead's queue: up to one timeout there,
            // then the call's own timeout (longer than the inner one, so that it never races a started call;
            // a call given up here never reached the source, and the breaker hears nothing of it)
            Duration queueAndCall = timeout.multipliedBy(2);
            return guarded
                    .ifNoItem().after(queueAndCall).failWith(() -> new SourceTimeoutException(queueAndCall))
                    .map(value -> new SourceCall<>(SourceStatus.OK, value, clock.millis() - start, null))
                    .onFailure().recoverWithItem(failure -> failed(failure, clock.millis() - start))
                    .invoke(call -> {
                        span.setAttribute("frontline.source.status", call.status().name());
                        if (!call.ok()) {
                            span.setStatus(StatusCode.ERROR, call.status().name());
                        }
                        span.end();
                    });
        });
    }

    /**
     * Prepares the connector for its first question ({@link SourceConnector#prepare}) as the service starts,
     * outside the guard: the preparation is the service's own doing, not a question, so neither its slowness
     * (a first REST client, a first token, a first connection) nor a source down at start counts against the
     * breaker, and it takes no place in the bulkhead. Never fails: the outcome is a short word for the log.
     *
     * @param limit how long the preparation may take before it is given up and reported as not ready
     */
    public Uni<String> warmUp(Duration limit) {
        return Uni.createFrom().deferred(connector::prepare)
                .ifNoItem().after(limit).fail()
                .map(ready -> "ready")
                .onFailure().recoverWithItem(failure -> "not ready (" + failure.getClass().getSimpleName() + ")");
    }

    /**
     * What a {@link #probe} found: whether the source answered its ping, and if not why ({@code reason}: "TIMEOUT",
     * or the failure's class), and how long the ping took on the source's clock ({@code latencyMs}; for a ping not
     * answered within the probe's limit, how long it had been on its way). No message, no SQL: safe to show.
     */
    public record Probe(boolean up, String reason, long latencyMs) {

        static Probe answered(long latencyMs) {
            return new Probe(true, null, latencyMs);
        }

        static Probe timedOut(long latencyMs) {
            return new Probe(false, "TIMEOUT", latencyMs);
        }

        static Probe down(Throwable failure, long latencyMs) {
            return failure instanceof SourceTimeoutException ? timedOut(latencyMs)
                    : new Probe(false, failure.getClass().getSimpleName(), latencyMs);
        }

        /** "UP", "DOWN (TIMEOUT)" or "DOWN (&lt;the failure's class&gt;)". */
        public String state() {
            return up ? "UP" : "DOWN (" + reason + ")";
        }
    }

    /** A ping on its way to the source: when it was sent, on the source's clock, and what it will find. */
    private record Ping(long sentAt, Uni<Probe> outcome) {
    }

    /**
     * Whether the source answers a ping now, for readiness and the sources' view ({@code GET /v1/sources}):
     * UP, or DOWN with "TIMEOUT" when no answer came within {@code limit}, or with the failure's class; and the
     * ping's latency. Never fails, and never logs.
     *
     * <p>Outside the guard, as {@link #warmUp} is: a probe is the service looking at the source, not a
     * question, so its outcome must not reach the breaker, and it must not take a place in the bulkhead.
     * Through the guard a {@code SELECT 1} that succeeds closed a half-open breaker whose questions still
     * failed (a table gone, a permission revoked, while the server answers), sending the officers' questions
     * back to a broken source; and a ping that failed counted towards opening the breaker of a source whose
     * questions worked.
     *
     * <p>Probes do not pile up: while one ping is on its way, every probe that asks meanwhile waits for that
     * one (each at most its own {@code limit}) instead of sending another, and reports that ping's latency,
     * measured from when it was sent (so two probes may report the same figure). The ping itself is given the
     * source's own timeout; then, answered or not, the next probe sends a new one.
     */
    public Uni<Probe> probe(Duration limit) {
        return Uni.createFrom().deferred(() -> {
            Ping ping = probing();
            return ping.outcome()
                    .ifNoItem().after(limit).recoverWithItem(() -> Probe.timedOut(clock.millis() - ping.sentAt()));
        });
    }

    private Ping probing() {
        Ping running = probing.get();
        if (running != null) {
            return running;
        }
        long sentAt = clock.millis();
        Uni<Probe> outcome = Uni.createFrom().deferred(connector::ping)
                .ifNoItem().after(timeout).failWith(() -> new SourceTimeoutException(timeout))
                .map(answered -> Probe.answered(clock.millis() - sentAt))
                .onFailure().recoverWithItem(failure -> Probe.down(failure, clock.millis() - sentAt))
                .memoize().indefinitely();
        Ping ping = new Ping(sentAt, outcome);
        if (!probing.compareAndSet(null, ping)) {
            return probing();
        }
        // detached from the probes that wait for it: it runs to its end, then makes way for the next one
        outcome.subscribe().with(found -> probing.compareAndSet(ping, null));
        return ping;
    }

    private static <T> SourceCall<T> failed(Throwable failure, long latencyMs) {
        if (failure instanceof SourceTimeoutException timeout) {
            return new SourceCall<>(SourceStatus.TIMEOUT, null, latencyMs, "no answer within " + timeout.budget().toMillis() + " ms");
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new SourceCall<>(SourceStatus.CIRCUIT_OPEN, null, latencyMs, "not asked: the source failed repeatedly and is resting");
        }
        if (failure instanceof SourceBusyException busy) {
            return new SourceCall<>(SourceStatus.BUSY, null, latencyMs, busy.getMessage());
        }
        if (failure instanceof BulkheadException || isPoolSaturated(failure)) {
            return new SourceCall<>(SourceStatus.BUSY, null, latencyMs, "not asked: too many queries already in flight to this source");
        }
        return new SourceCall<>(SourceStatus.ERROR, null, latencyMs, "the source could not be queried");
    }

    /**
     * The source's connection pool has as many calls waiting as it allows: the source is saturated
     * (typically slow: a call that timed out on our side still holds its connection until the
     * source answers). That is BUSY, not an error of the source.
     */
    private static boolean isPoolSaturated(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("ConnectionPoolTooBusyException")
                    || (t.getMessage() != null && t.getMessage().contains("max wait queue size"))) {
                return true;
            }
        }
        return false;
    }

    /** Raised inside the guard when the source's own timeout passes: that counts as a failure for the breaker. */
    static final class SourceTimeoutException extends RuntimeException {
        private final Duration budget;

        SourceTimeoutException(Duration budget) {
            super(null, null, false, false);
            this.budget = budget;
        }

        Duration budget() {
            return budget;
        }
    }
}
