package org.frontline.source;

import org.frontline.model.SourceStatus;

/**
 * What one guarded call to a source produced: a value when the status is OK, else nothing.
 *
 * @param latencyMs time from the call to its end (or to the moment it was refused)
 * @param detail    a short, client-safe explanation when not OK (never SQL or a stack trace)
 */
public record SourceCall<T>(SourceStatus status, T value, long latencyMs, String detail) {

    public boolean ok() {
        return status == SourceStatus.OK;
    }
}
