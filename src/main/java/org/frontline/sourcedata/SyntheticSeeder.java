package org.frontline.sourcedata;

import org.frontline.model.QueryKind;
import org.frontline.source.SourceSchema;
import org.frontline.source.SourceWriter;
import org.frontline.source.SourceWriter.Table;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Seeds one source database with the synthetic world. One transaction: silence the change
 * announcements (the V2 triggers), truncate, drop the secondary indexes, COPY each table from the
 * generator (one pass of the stream per table, so nothing is held in memory), recreate the indexes,
 * count the name keys (frontline_name_frequency, one statement), reset sequences, re-enable the triggers and announce the whole source as changed (one NOTIFY, sent
 * at commit), write the marker; then VACUUM (ANALYZE).
 * The marker table {@code frontline_seed} makes a repeat with the same seed, size and generator
 * version a no-op.
 */
public final class SyntheticSeeder {

    private static final Logger LOG = Logger.getLogger(SyntheticSeeder.class.getName());
    private static final int FLUSH_BYTES = 1 << 16;

    /** What a call did. */
    public record Result(boolean skipped, Map<String, Long> rowsPerTable, Duration elapsed) {
        public long totalRows() {
            return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private SyntheticSeeder() {
    }

    public static Result seed(String jdbcUrl, String user, String password, String schemaType, long seed,
                              int personsPerSource) {
        long start = System.nanoTime();
        SourceSchemas.requireKnown(schemaType);
        SyntheticWorld world = new SyntheticWorld(seed, personsPerSource);
        SourceSchemas.migrate(jdbcUrl, user, password, schemaType);
        SourceWriter writer = SourceSchema.of(schemaType).writer();
        SourceProfile profile = SourceProfile.of(schemaType);
        try (Connection c = DriverManager.getConnection(SourceSchemas.withTimeouts(jdbcUrl), user,
                password == null ? "" : password)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS frontline_seed (seed BIGINT NOT NULL, persons INTEGER NOT NULL,"
                        + " generator_version INTEGER NOT NULL, seeded_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            }
            if (markerMatches(c, seed, personsPerSource)) {
                return new Result(true, Map.of(), Duration.ofNanos(System.nanoTime() - start));
            }
            c.setAutoCommit(false);
            Map<String, Long> rows = new LinkedHashMap<>();
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(hashtext('frontline_seed'))");
                if (markerMatches(c, seed, personsPerSource)) {   // another seeder finished meanwhile
                    c.rollback();
                    return new Result(true, Map.of(), Duration.ofNanos(System.nanoTime() - start));
                }
                st.execute("SET LOCAL maintenance_work_mem = '256MB'");
                st.execute("SET LOCAL synchronous_commit = off");
                st.execute(SourceWriter.KEYS_WRITTEN);
                List<String> names = writer.tables().stream().map(Table::name).toList();
                silenceAnnouncements(c, names);
                st.execute("TRUNCATE " + String.join(", ", names) + " CASCADE");
                st.execute("TRUNCATE frontline_name_frequency");   // recounted below; its trigger is silenced too
                st.execute("DELETE FROM frontline_seed");
                List<String> indexes = secondaryIndexes(c, names);
                for (String def : indexes) {
                    st.execute("DROP INDEX " + indexName(def));
                }
                for (Table t : writer.tables()) {
                    rows.put(t.name(), copy(c, t, sink -> stream(world, profile, writer, t.kind(), sink)));
                }
                for (String def : indexes) {
                    st.execute(def);
                }
                st.execute(SourceWriter.COUNT_NAME_KEYS);
                resetSequences(c, names);
                announceWholeSource(c, names);
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO frontline_seed (seed, persons, generator_version) VALUES (?, ?, ?)")) {
                    ps.setLong(1, seed);
                    ps.setInt(2, personsPerSource);
                    ps.setInt(3, SyntheticWorld.GENERATOR_VERSION);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                // VACUUM, not only ANALYZE: the visibility map lets the person search read its name keys by index-only
                // scans (issue #18); a source in service gets it from autovacuum, a freshly seeded one would not
                st.execute("VACUUM (ANALYZE)");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            LOG.info(() -> "seeded source schema " + schemaType + ": " + rows.values().stream().mapToLong(Long::longValue).sum()
                    + " rows in " + elapsed.toMillis() + " ms");
            return new Result(false, rows, elapsed);
        } catch (SQLException e) {
            throw new IllegalStateException("seeding " + schemaType + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The V2 triggers announce changes row by row to the services' caches; a bulk load silences them
     * in its transaction (undone by a rollback; the lock it takes keeps other writers out meanwhile)
     * and ends with {@link #announceWholeSource}.
     */
    static void silenceAnnouncements(Connection c, List<String> tables) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String table : tables) {
                st.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            }
        }
    }

    /** Re-enables the announcements and announces the whole source as changed: one NOTIFY, sent at commit. */
    static void announceWholeSource(Connection c, List<String> tables) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String table : tables) {
                st.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
            }
            st.execute("SELECT pg_notify('frontline_changes', '{\"table\":\"*\",\"kind\":\"*\",\"op\":\"LOAD\"}')");
        }
    }

    private static void stream(SyntheticWorld world, SourceProfile profile, SourceWriter writer, QueryKind kind,
                               SourceWriter.RowSink sink) {
        switch (kind) {
            case PERSON -> world.persons(profile, p -> writer.person(p, sink));
            case DOCUMENT -> world.documents(profile, d -> writer.document(d, sink));
            case VEHICLE -> world.vehicles(profile, v -> writer.vehicle(v, sink));
        }
    }

    private static boolean markerMatches(Connection c, long seed, int persons) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM frontline_seed WHERE seed = ? AND persons = ? AND generator_version = ?")) {
            ps.setLong(1, seed);
            ps.setInt(2, persons);
            ps.setInt(3, SyntheticWorld.GENERATOR_VERSION);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** CREATE INDEX statements of the indexes on these tables that back no constraint. */
    static List<String> secondaryIndexes(Connection c, List<String> tables) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = ANY (?)"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)"
                        + " ORDER BY i.tablename, i.indexname")) {
            ps.setArray(1, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String indexName(String indexDef) {
        // "CREATE [UNIQUE] INDEX name ON ..."
        String rest = indexDef.substring(indexDef.indexOf("INDEX ") + 6);
        return rest.substring(0, rest.indexOf(' '));
    }

    /** Moves every serial sequence of these tables past the largest id present. */
    static void resetSequences(Connection c, List<String> tables) throws SQLException {
        List<String[]> serials = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name = ANY (?) AND column_default LIKE 'nextval(%' ORDER BY table_name")) {
            ps.setArray(1, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    serials.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        try (Statement st = c.createStatement()) {
            for (String[] s : serials) {
                st.execute("SELECT setval(pg_get_serial_sequence('" + s[0] + "', '" + s[1] + "'), coalesce(max(" + s[1]
                        + "), 0) + 1, false) FROM " + s[0]);
            }
        }
    }

    /** COPYs the rows for one table that the producer emits (rows for other tables are ignored). */
    static long copy(Connection c, Table table, Consumer<SourceWriter.RowSink> producer) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(table.copySql());
        StringBuilder buf = new StringBuilder(FLUSH_BYTES + 4096);
        long[] count = {0};
        try {
            producer.accept(new SourceWriter.RowSink() {
                @Override
                public void row(Table t, Object... values) {
                    if (t != table) {
                        return;
                    }
                    CopyText.appendRow(buf, values);
                    count[0]++;
                    if (buf.length() >= FLUSH_BYTES) {
                        flush(in, buf);
                    }
                }

                @Override
                public boolean wants(Table t) {
                    return t == table;
                }
            });
            flush(in, buf);
            in.endCopy();
        } catch (RuntimeException e) {
            if (in.isActive()) {
                in.cancelCopy();
            }
            throw e;
        } catch (SQLException e) {
            if (in.isActive()) {
                in.cancelCopy();
            }
            throw e;
        }
        return count[0];
    }

    private static void flush(CopyIn in, StringBuilder buf) {
        if (buf.length() == 0) {
            return;
        }
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        buf.setLength(0);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new CopyFailed(e);
        }
    }

    /** A COPY write failure carried out of the generator's consumer. */
    static final class CopyFailed extends RuntimeException {
        CopyFailed(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        SQLException sqlException() {
            return (SQLException) getCause();
        }
    }
}
