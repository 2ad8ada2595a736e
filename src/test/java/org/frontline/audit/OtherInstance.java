package org.frontline.audit;

import org.frontline.testsupport.SourceDatabases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Another service instance sharing the audit database, as plain JDBC: it appends one record to the
 * chain the way the pessimistic path does (advisory lock, read the head, chain after it, insert, commit).
 */
final class OtherInstance {

    private OtherInstance() {
    }

    static void append(AuditEvent event) throws SQLException {
        try (Connection c = SourceDatabases.server().connect(SourceDatabases.auditDatabase())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + AuditLog.LOCK_KEY + ")");
                long seq;
                String previous;
                try (ResultSet rs = st.executeQuery("SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1")) {
                    rs.next();
                    seq = rs.getLong(1);
                    previous = rs.getString(2);
                }
                AuditEntry e = AuditLog.entry(event, seq + 1, previous);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_record (seq, occurred_at, query_id,"
                        + " officer_id, agency, country, roles, purpose, kind, terms, sources, outcome, decision,"
                        + " request_id, traceparent, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    Object[] values = {e.seq, e.occurredAt, e.queryId, e.officerId, e.agency, e.country, e.roles,
                            e.purpose, e.kind, e.terms, e.sources, e.outcome, e.decision, e.requestId, e.traceparent,
                            e.prevHash, e.hash};
                    for (int i = 0; i < values.length; i++) {
                        ps.setObject(i + 1, values[i]);
                    }
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }
}
