package org.frontline.source;

import org.frontline.model.SourceStatus;

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

    public boolean ok() {
        return status == SourceStatus.OK;
    }
}
