package org.frontline.audit;

import org.frontline.testsupport.SourceDatabases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What an insider with database access does to the audit log of the tests, over plain JDBC: appends
 * records in bulk as another instance would (advisory lock, head, chained after it), and cuts the
 * tail as the owner role (triggers disabled). Also reads the chain's head and checkpoints. Used by
 * the @QuarkusTests and by the abuse suite against the packaged service.
 */
public final class AuditTamper {

    private static final String[] TEXT_COLUMNS = {"query_id", "officer_id", "agency", "country", "roles", "purpose", "kind",
            "terms", "sources", "outcome", "decision", "request_id", "traceparent", "prev_hash", "hash"};

    private AuditTamper() {
    }

    private static Connection superuser() throws SQLException {
        return SourceDatabases.server().connect(SourceDatabases.auditDatabase());
    }

    /** Appends {@code n} chained records in one statement, as another instance sharing the log; returns the new head. */
    public static long bulkAppend(int n) throws SQLException {
        try (Connection c = superuser()) {
            c.setAutoCommit(false);
            long last;
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + AuditLog.LOCK_KEY + ")");
                long seq = 0;
                String previous = AuditChain.GENESIS;
                try (ResultSet rs = st.executeQuery("SELECT seq, hash FROM audit_record ORDER BY seq DESC LIMIT 1")) {
                    if (rs.next()) {
                        seq = rs.getLong(1);
                        previous = rs.getString(2);
                    }
                }
                Long[] seqs = new Long[n];
                String[] times = new String[n];
                String[][] text = new String[TEXT_COLUMNS.length][n];
                Instant now = Instant.now();
                for (int i = 0; i < n; i++) {
                    AuditEntry e = AuditLog.entry(new AuditEvent(now, UUID.randomUUID().toString(), "bulk-instance",
                            "GdF", "ITA", "OFFICER", "bulk " + i, "DOCUMENT", "{\"number\":\"BULK" + i + "\"}", "[]", "NO_HIT",
                            "ANSWERED", null, null), ++seq, previous);
                    previous = e.hash;
                    seqs[i] = e.seq;
                    times[i] = e.occurredAt.toString();
                    String[] row = {e.queryId, e.officerId, e.agency, e.country, e.roles, e.purpose, e.kind, e.terms,
                            e.sources, e.outcome, e.decision, e.requestId, e.traceparent, e.prevHash, e.hash};
                    for (int col = 0; col < row.length; col++) {
                        text[col][i] = row[col];
                    }
                }
                last = seq;
                StringBuilder sql = new StringBuilder("INSERT INTO audit_record (seq, occurred_at, ")
                        .append(String.join(", ", TEXT_COLUMNS)).append(") SELECT * FROM unnest(?::bigint[], ?::timestamptz[]");
                for (int col = 0; col < TEXT_COLUMNS.length; col++) {
                    sql.append(", ?::text[]");
                }
                sql.append(")");
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    ps.setArray(1, c.createArrayOf("bigint", seqs));
                    ps.setArray(2, c.createArrayOf("text", times));
                    for (int col = 0; col < TEXT_COLUMNS.length; col++) {
                        ps.setArray(3 + col, c.createArrayOf("text", text[col]));
                    }
                    ps.executeUpdate();
                }
            }
            c.commit();
            return last;
        }
    }

    /** The last record's sequence number (0 when empty). */
    public static long head() throws SQLException {
        return single("SELECT coalesce(max(seq), 0) FROM audit_record");
    }

    /** The records of one query id (its consultation and outcome). */
    public static long recordsOf(String queryId) throws SQLException {
        if (!queryId.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a query id");
        }
        return single("SELECT count(*) FROM audit_record WHERE query_id = '" + queryId + "'");
    }

    /**
     * Waits until {@code queryId} has {@code count} records (a consultation and its outcome, which follows in a
     * later commit), at most {@code within}; returns how many it has.
     */
    public static long awaitRecords(String queryId, int count, Duration within) throws SQLException, InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        long n;
        while ((n = recordsOf(queryId)) < count && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return n;
    }

    /** The last checkpoint's sequence number (0 when none). */
    public static long lastCheckpoint() throws SQLException {
        return single("SELECT coalesce(max(seq), 0) FROM audit_checkpoint");
    }

    /** Waits until a checkpoint at {@code seq} or later has been written; returns the last one. */
    public static long awaitCheckpoint(long seq, Duration within) throws SQLException, InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        long last;
        while ((last = lastCheckpoint()) < seq) {
            if (System.nanoTime() > until) {
                throw new AssertionError("no checkpoint at record " + seq + " within " + within + " (last: " + last + ")");
            }
            Thread.sleep(50);
        }
        return last;
    }

    private static long single(String sql) throws SQLException {
        try (Connection c = superuser(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The rows cut by {@link #deleteTailAsOwner}, to put back afterwards. */
    public record Cut(List<String> columns, List<Object[]> rows) {
    }

    /**
     * What the owner of the audit tables can do: disable the append-only trigger, delete every record
     * from {@code fromSeq} on, enable the trigger again. Returns what was cut.
     */
    public static Cut deleteTailAsOwner(long fromSeq) throws SQLException {
        try (Connection c = SourceDatabases.connectAuditAs(SourceDatabases.auditOwner())) {
            c.setAutoCommit(false);
            List<String> columns = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM audit_record WHERE seq >= " + fromSeq + " ORDER BY seq")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(meta.getColumnName(i));
                    }
                    while (rs.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = "timestamptz".equals(meta.getColumnTypeName(i + 1))
                                    ? rs.getObject(i + 1, java.time.OffsetDateTime.class) : rs.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                }
                st.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
                st.execute("DELETE FROM audit_record WHERE seq >= " + fromSeq);
                st.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only");
            }
            c.commit();
            return new Cut(columns, rows);
        }
    }

    /** Puts cut records back as they were (INSERT is not refused by the trigger). */
    public static void restore(Cut cut) throws SQLException {
        String sql = "INSERT INTO audit_record (" + String.join(", ", cut.columns()) + ") VALUES ("
                + String.join(", ", cut.columns().stream().map(col -> "?").toList()) + ")";
        try (Connection c = superuser(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : cut.rows()) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

}
