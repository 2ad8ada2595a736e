package org.frontline.source;

/**
 * A source refused a call for load and asked to be called again later than the call's time allows
 * (a partner API's {@code 429 Too Many Requests} with a {@code Retry-After} beyond the source's
 * timeout): the call answers BUSY at once rather than waiting past its budget. It counts as a failure
 * for the source's breaker, as any refusal by the source itself.
 */
public final class SourceBusyException extends RuntimeException {

    /** @param clientSafeDetail what the answer says of the refusal (no personal data, no internals) */
    public SourceBusyException(String clientSafeDetail) {
        super(clientSafeDetail, null, false, false);
    }
}
