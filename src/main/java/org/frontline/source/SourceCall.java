package org.frontline.source;

import io.smallrye.mutiny.Uni;
import org.frontline.model.SourceStatus;

import java.time.Duration;

/**
 * What one guarded call to a source produced: a value when the status is OK, else nothing.
 *
 * @param latencyMs time from the call to its end (or to the moment it was refused)
 * @param detail    a short, client-safe explanation when not OK (never SQL or a stack trace)
 * @param cached    true when the value came from the cache, not from the source
 */
public record SourceCall<T>(SourceStatus status, T value, long latencyMs, String detail, boolean cached) {

    public SourceCall(SourceStatus status, T value, long latencyMs, String detail) {
        this(status, value, latencyMs, detail, false);
    }

    /** An OK answer served from the cache. */
    public static <T> SourceCall<T> fromCache(T value, long latencyMs) {
        return new SourceCall<>(SourceStatus.OK, value, latencyMs, null, true);
    }

    /**
     * One caller's wait for a call that may outlive it: the call's outcome if it comes within
     * {@code remaining}, else this caller's own TIMEOUT. Giving up cancels only this wait; the call
     * (see {@link Source#call(java.util.function.Function)}) goes on for whoever else waits, and is
     * judged by the source's own timeout, never by this deadline.
     *
     * @param remaining what is left of the caller's deadline
     */
    public static <T> Uni<SourceCall<T>> awaitWithin(Uni<SourceCall<T>> call, Duration remaining) {
        if (remaining.isNegative() || remaining.isZero()) {
            return Uni.createFrom().item(new SourceCall<>(SourceStatus.TIMEOUT, null, 0, "no time left before the deadline"));
        }
        return call
                .ifNoItem().after(remaining)
                .recoverWithItem(() -> new SourceCall<>(SourceStatus.TIMEOUT, null, remaining.toMillis(),
                        "no answer within the request's deadline (" + remaining.toMillis() + " ms left)"));
    }

    public boolean ok() {
        return status == SourceStatus.OK;
    }
}
