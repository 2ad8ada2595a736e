package org.frontline.model;

/** How one source fared for one query. Only OK means the source's answer is known. */
public enum SourceStatus {
    /** Answered. */
    OK,
    /** Did not answer within its timeout or the request's deadline. */
    TIMEOUT,
    /** Failed (connection refused or reset, query error). */
    ERROR,
    /** Not asked: its circuit breaker is open after repeated failures. */
    CIRCUIT_OPEN,
    /** Not asked: too many calls already in flight to it (bulkhead full). */
    BUSY,
    /** Not asked: the officer's profile may not query it for this kind. */
    NOT_PERMITTED,
    /** Not asked: it holds nothing of this kind. */
    NOT_APPLICABLE
}
