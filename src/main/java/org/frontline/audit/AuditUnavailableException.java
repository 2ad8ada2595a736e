package org.frontline.audit;

/** The audit record could not be made durable: the answer must not be released (503). */
public final class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException() {
        super("audit store unavailable", null, false, false);
    }
}
