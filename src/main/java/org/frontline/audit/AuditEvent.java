package org.frontline.audit;

import java.time.Instant;

/**
 * What the audit log records of one consultation, before it is chained.
 *
 * @param terms   the query's terms as JSON (they stay in the audit database, never in application logs)
 * @param sources the sources consulted and their statuses, as JSON
 * @param outcome null when refused
 */
public record AuditEvent(Instant occurredAt, String queryId, String officerId, String agency, String country,
                         String roles, String purpose, String kind, String terms, String sources, String outcome,
                         String decision, String requestId, String traceparent) {
}
