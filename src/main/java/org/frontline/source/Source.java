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
import java.util.function.Function;

/**
 * One configured source: its connector behind its own guard. The guard is one named instance per
 * source (circuit breaker "source-&lt;id&gt;" and a bulkhead), so a slow or failing source is
 * isolated from the others: its calls time out within its own budget, its breaker opens on its own
 * failures, and its in-flight calls are bounded so it cannot exhaust anything shared.
 *
 * <p>{@link #call} never fails: every outcome, including a refusal by the breaker or the bulkhead,
 * comes back as a {@link SourceCall} with a status, which is what lets a fan-out join all branches.
 */
public final class Source {

    private final SourceDescriptor descriptor;
    private final SourceConnector connector;
    private final Duration timeout;
    private final Guard guard;
    private final Clock clock;
    private final Tracer tracer;

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

    /**
     * Calls the source within {@code min(own timeout, remaining)}.
     *
     * @param remaining what is left of the request's deadline
     */
    public <T> Uni<SourceCall<T>> call(Function<SourceConnector, Uni<T>> action, Duration remaining) {
        Duration budget = remaining.compareTo(timeout) < 0 ? remaining : timeout;
        if (budget.isNegative() || budget.isZero()) {
            return Uni.createFrom().item(new SourceCall<>(SourceStatus.TIMEOUT, null, 0, "no time left before the deadline"));
        }
        return Uni.createFrom().deferred(() -> {
            long start = clock.millis();
            // one span per source call, child of the request's span (which honours an incoming traceparent)
            Span span = tracer.spanBuilder("source " + id())
                    .setSpanKind(SpanKind.CLIENT)
                    .setParent(Context.current())
                    .setAttribute("frontline.source", id())
                    .setAttribute("frontline.source.budget_ms", budget.toMillis())
                    .startSpan();
            Uni<T> guarded = guard.get(() -> action.apply(connector)
                    .ifNoItem().after(budget).failWith(() -> new SourceTimeoutException(budget)),
                    new TypeLiteral<Uni<T>>() { });
            // the same budget outside the guard bounds time spent waiting in the bulkhead's queue
            return guarded
                    .ifNoItem().after(budget).failWith(() -> new SourceTimeoutException(budget))
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

    private static <T> SourceCall<T> failed(Throwable failure, long latencyMs) {
        if (failure instanceof SourceTimeoutException timeout) {
            return new SourceCall<>(SourceStatus.TIMEOUT, null, latencyMs, "no answer within " + timeout.budget().toMillis() + " ms");
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new SourceCall<>(SourceStatus.CIRCUIT_OPEN, null, latencyMs, "not asked: the source failed repeatedly and is resting");
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

    /** Raised inside the guard so that a timeout counts as a failure for the breaker. */
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
