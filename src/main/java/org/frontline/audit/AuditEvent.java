package org.frontline.audit;

import java.time.Instant;

/**
 * What the audit log records of one consultation, before it is chained.
 *
 * @param terms   the query's terms as JSON (they stay in the audit database, never in application logs)
 * @param sources the sources consulted and their statuses, as JSON
 * @param outcome  null when refused
 * @param decision what became of the consultation: {@code ANSWERED}, {@code REFUSED_NOT_PERMITTED},
 *                 {@code REFUSED_RATE_LIMITED}; {@code CONSULTED} (admitted: written alongside the search,
 *                 durable before anything of the answer leaves) and then {@code ANSWERED} or, for a stream,
 *                 {@code CLIENT_GONE}; {@code OUTCOME_UNKNOWN} when no outcome followed a {@code CONSULTED}
 *                 record (an instance died between the two: see {@code UnknownOutcomes}); {@code FAILED_AUDIT_TIMEOUT}
 *                 when the request was refused because its record was not durable in time (it overrides
 *                 any other record of the same query id: see {@link AuditLog})
 */
public record AuditEvent(Instant occurredAt, String queryId, String officerId, String agency, String country,
                         String roles, String purpose, String kind, String terms, String sources, String outcome,
                         String decision, String requestId, String traceparent) {

    public static final String ANSWERED = "ANSWERED";
    public static final String CONSULTED = "CONSULTED";
    public static final String CLIENT_GONE = "CLIENT_GONE";
    public static final String FAILED_AUDIT_TIMEOUT = "FAILED_AUDIT_TIMEOUT";
    public static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

    /** The same consultation with another decision (and the same time: it describes the same request). */
    public AuditEvent withDecision(String newDecision) {
        return new AuditEvent(occurredAt, queryId, officerId, agency, country, roles, purpose, kind, terms, sources,
                outcome, newDecision, requestId, traceparent);
    }
}
