package org.frontline.sourcedata;

import org.flywaydb.core.Flyway;
import org.frontline.match.NameKeys;
import org.frontline.source.SourceSchema;
import org.frontline.source.SourceWriter;
import org.frontline.source.SourceWriter.Table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Migrates and seeds an AIMC database (MariaDB) with the synthetic world: the MariaDB counterpart of
 * {@link SourceSchemas} and {@link SyntheticSeeder}, which are PostgreSQL's (COPY, pg_trgm, NOTIFY).
 *
 * <p>Migrations: Flyway with its MySQL/MariaDB module ({@code flyway-mysql}, the version the Quarkus
 * BOM gives with flyway-core), the schema's own folder {@code db/sources/aimc}, history in the same
 * table name as the PostgreSQL sources'. Seeding, one transaction: the session variables that silence
 * the change announcements ({@code @frontline_bulk}) and the clerk's name-key triggers
 * ({@code @frontline_name_keys}), every table emptied, batched INSERTs from the writer's rows, the name
 * frequencies counted in Java from the keys as they are written (MariaDB has no unnest), one
 * change announcement of kind '*' for the whole source, and the marker ({@code frontline_seed}) that
 * makes a repeat with the same seed and size a no-op.
 */
public final class AimcSeeder {

    private static final String SCHEMA = SourceSchema.AIMC.id();
    private static final int BATCH = 500;

    private AimcSeeder() {
    }

    /** Applies pending migrations of the AIMC schema; a no-op when up to date. */
    public static void migrate(String jdbcUrl, String user, String password) {
        Flyway.configure()
                .dataSource(jdbcUrl, user, password == null ? "" : password)
                .locations(SourceSchema.AIMC.migrations().toArray(String[]::new))
                .table(SourceSchemas.HISTORY_TABLE)
                .connectRetries(0)
                .load()
                .migrate();
    }

    /** Seeds the database at {@code jdbcUrl} ({@code jdbc:mariadb://host:port/db}) with AIMC's records of the world. */
    public static SyntheticSeeder.Result seed(String jdbcUrl, String user, String password, long seed, int personsPerSource) {
        long start = System.nanoTime();
        SyntheticWorld world = new SyntheticWorld(seed, personsPerSource);
        migrate(jdbcUrl, user, password);
        SourceWriter writer = SourceSchema.AIMC.writer();
        try (Connection c = MariaDbConnections.connect(jdbcUrl, user, password)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS frontline_seed (seed BIGINT NOT NULL, persons INT NOT NULL,"
                        + " generator_version INT NOT NULL, seeded_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
            }
            if (markerMatches(c, seed, personsPerSource)) {
                return new SyntheticSeeder.Result(true, Map.of(), Duration.ofNanos(System.nanoTime() - start));
            }
            c.setAutoCommit(false);
            Map<String, Long> rows = new LinkedHashMap<>();
            try (Statement st = c.createStatement()) {
                st.execute("SET @frontline_bulk = 1");
                st.execute("SET @frontline_name_keys = 'written'");
                st.execute("SET foreign_key_checks = 0");
                java.util.List<Table> children = new java.util.ArrayList<>(writer.tables());
                java.util.Collections.reverse(children);
                for (Table t : children) {
                    st.execute("DELETE FROM " + t.name());
                }
                st.execute("DELETE FROM frontline_name_frequency");
                st.execute("DELETE FROM frontline_seed");
                Frequencies frequencies = new Frequencies();
                for (Table t : writer.tables()) {
                    rows.put(t.name(), insert(c, t, world, writer, t == SourceWriter.NAME_KEYS ? frequencies : null));
                }
                frequencies.write(c);
                st.execute("SET foreign_key_checks = 1");
                st.execute("SET @frontline_bulk = NULL");
                st.execute("SET @frontline_name_keys = NULL");
                st.execute("INSERT INTO frontline_change (kind, table_name, op) VALUES ('*', '*', 'LOAD')");
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
            return new SyntheticSeeder.Result(false, rows, Duration.ofNanos(System.nanoTime() - start));
        } catch (SQLException e) {
            throw new IllegalStateException("seeding " + SCHEMA + " failed: " + e.getMessage(), e);
        }
    }

    private static long insert(Connection c, Table table, SyntheticWorld world, SourceWriter writer,
                               Frequencies frequencies) throws SQLException {
        String sql = "INSERT INTO " + table.name() + " (" + table.columns().stream().map(col -> "`" + col + "`")
                .collect(Collectors.joining(", ")) + ") VALUES ("
                + table.columns().stream().map(col -> "?").collect(Collectors.joining(", ")) + ")";
        long[] count = {0};
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            SourceWriter.RowSink sink = new SourceWriter.RowSink() {
                @Override
                public void row(Table t, Object... values) {
                    if (t != table) {
                        return;
                    }
                    try {
                        for (int i = 0; i < values.length; i++) {
                            Object v = values[i];
                            ps.setObject(i + 1, v instanceof LocalDate d ? java.sql.Date.valueOf(d) : v);
                        }
                        ps.addBatch();
                        if (frequencies != null) {
                            frequencies.add(values[0], (String) values[1], (String) values[2]);
                        }
                        if (++count[0] % BATCH == 0) {
                            ps.executeBatch();
                        }
                    } catch (SQLException e) {
                        throw new SyntheticSeeder.CopyFailed(e);
                    }
                }

                @Override
                public boolean wants(Table t) {
                    return t == table;
                }
            };
            try {
                switch (table.kind()) {
                    case PERSON -> world.persons(SourceProfile.AIMC, p -> writer.person(p, sink));
                    case DOCUMENT -> world.documents(SourceProfile.AIMC, d -> writer.document(d, sink));
                    case VEHICLE -> world.vehicles(SourceProfile.AIMC, v -> writer.vehicle(v, sink));
                }
            } catch (SyntheticSeeder.CopyFailed e) {
                throw e.sqlException();
            }
            ps.executeBatch();
        }
        return count[0];
    }

    /**
     * How common each key is, counted as db/sources/common/V4 counts it in PostgreSQL: persons per full
     * key (the f row's key before '='), persons per part of their full keys, and the persons with a
     * searchable name (an n row).
     */
    static final class Frequencies {
        private final Map<String, Set<Object>> full = new HashMap<>();
        private final Map<String, Set<Object>> parts = new HashMap<>();
        private final Set<Object> population = new HashSet<>();

        void add(Object record, String kind, String key) {
            if (NameKeys.NORMALISED.equals(kind)) {
                population.add(record);
            } else if (NameKeys.FULL.equals(kind)) {
                String k = key.substring(0, key.indexOf(NameKeys.SEPARATOR));
                full.computeIfAbsent(k, x -> new HashSet<>()).add(record);
                for (String part : k.split(" ")) {
                    if (!part.isEmpty()) {
                        parts.computeIfAbsent(part, x -> new HashSet<>()).add(record);
                    }
                }
            }
        }

        void write(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO frontline_name_frequency (key_kind, `key`, holders) VALUES (?, ?, ?)")) {
                int n = 0;
                ps.setString(1, "*");
                ps.setString(2, "");
                ps.setLong(3, population.size());
                ps.addBatch();
                for (Map.Entry<String, Set<Object>> e : full.entrySet()) {
                    ps.setString(1, NameKeys.FULL);
                    ps.setString(2, e.getKey());
                    ps.setLong(3, e.getValue().size());
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                for (Map.Entry<String, Set<Object>> e : parts.entrySet()) {
                    ps.setString(1, NameKeys.TOKEN);
                    ps.setString(2, e.getKey());
                    ps.setLong(3, e.getValue().size());
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
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

}
