package org.frontline.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One row of the audit log (see db/audit). Written once, never updated. */
@Entity
@Table(name = "audit_record")
public class AuditEntry {

    @Id
    public long seq;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "query_id")
    public String queryId;
    @Column(name = "officer_id")
    public String officerId;
    public String agency;
    public String country;
    public String roles;
    public String purpose;
    public String kind;
    public String terms;
    public String sources;
    public String outcome;
    public String decision;
    @Column(name = "request_id")
    public String requestId;
    public String traceparent;
    @Column(name = "prev_hash")
    public String prevHash;
    public String hash;
}
