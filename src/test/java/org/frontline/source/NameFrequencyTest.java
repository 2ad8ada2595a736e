package org.frontline.source;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import org.frontline.match.NameKeys;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.NameStatistics;
import org.frontline.model.PersonRecord;
import org.frontline.source.ameripol.AmeripolConnector;
import org.frontline.source.aseanapol.AseanapolConnector;
import org.frontline.source.europol.EuropolConnector;
import org.frontline.source.gccpol.GccpolConnector;
import org.frontline.source.interpol.InterpolConnector;
import org.frontline.sourcedata.PostgresServer;
import org.frontline.sourcedata.SourceSchemas;
import org.frontline.sourcedata.SyntheticSeeder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How common a candidate's name is in its source (frontline_name_frequency), as each connector
 * returns it with the candidates, checked against counts made directly over the source's own name
 * keys and person table: after seeding a small world (as the Quarkus tests' sources are seeded,
 * with the same fixtures written by plain SQL), and after a source's clerk inserts, renames and
 * deletes persons with plain SQL (the raw-name path).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NameFrequencyTest {

    /** Smaller than the Quarkus tests' 3,000: five sources are seeded, and common names recur at this size. */
    static final int PERSONS = 1000;
    static final long SEED = 7;
    static final PersonNameMatcher MATCHER = PersonNameMatcher.create();
    static final Map<String, Function<Pool, SourceConnector>> CONNECTORS = Map.of(
            "interpol", InterpolConnector::new, "europol", EuropolConnector::new, "ameripol", AmeripolConnector::new,
            "aseanapol", AseanapolConnector::new, "gccpol", GccpolConnector::new);
    static final Map<String, String> PERSON_TABLE = Map.of("interpol", "notice_subject", "europol", "eis_person",
            "ameripol", "persona", "aseanapol", "subject", "gccpol", "gcc_individual");

    /** Independent of the migration's own function: persons per key, recounted from the name keys. */
    static final String RECOUNT = """
            SELECT 'f', split_part(key, '=', 1), count(DISTINCT record_ref) FROM frontline_name_key
             WHERE key_kind = 'f' GROUP BY 2
            UNION ALL
            SELECT 't', p, count(DISTINCT record_ref)
              FROM frontline_name_key, unnest(string_to_array(split_part(key, '=', 1), ' ')) p
             WHERE key_kind = 'f' GROUP BY 2
            UNION ALL
            SELECT '*', '', count(DISTINCT record_ref) FROM frontline_name_key WHERE key_kind IN ('n', 'r')
            """;

    static PostgresServer server;
    static Vertx vertx;
    static final Map<String, Pool> POOLS = new HashMap<>();
    /** The test's own direct counts and the clerk's writes, one connection per source. */
    static final Map<String, Connection> JDBC = new HashMap<>();

    /** Per checkout, so that work trees sharing one server do not drop each other's databases. */
    static String db(String schema) {
        return "fqtest_" + Integer.toHexString(Paths.get("").toAbsolutePath().toString().hashCode() & 0xfffff)
                + "_freq_" + schema;
    }

    @BeforeAll
    static void seed() throws SQLException, IOException {
        server = PostgresServer.configuredOrEmbedded();
        vertx = Vertx.vertx();
        for (String schema : SourceSchemas.TYPES) {
            String db = db(schema);
            server.dropDatabaseIfExists(db);
            server.createDatabaseIfMissing(db);
            SyntheticSeeder.seed(server.jdbcUrl(db), server.user(), server.password(), schema, SEED, PERSONS);
            try (Connection c = server.connect(db); Statement st = c.createStatement();
                 InputStream in = NameFrequencyTest.class.getResourceAsStream("/fixtures/" + schema + ".sql")) {
                st.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));   // the clerk's records
            }
            PgConnectOptions options = PgConnectOptions.fromUri(server.reactiveUrl(db)).setUser(server.user());
            if (!server.password().isEmpty()) {
                options.setPassword(server.password());
            }
            POOLS.put(schema, PgBuilder.pool().connectingTo(options).using(vertx).build());
            JDBC.put(schema, server.connect(db));
        }
    }

    @AfterAll
    static void close() throws SQLException {
        for (Connection c : JDBC.values()) {
            c.close();
        }
        POOLS.values().forEach(Pool::closeAndAwait);
        if (vertx != null) {
            vertx.closeAndAwait();
        }
        for (String schema : SourceSchemas.TYPES) {
            server.dropDatabaseIfExists(db(schema));
        }
    }

    static List<PersonRecord> search(String schema, String typed) {
        return CONNECTORS.get(schema).apply(POOLS.get(schema))
                .findPersonCandidates(MATCHER.searchKey(typed), 25).await().indefinitely();
    }

    static long count(String schema, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = JDBC.get(schema).prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String text(String schema, String sql) throws SQLException {
        try (Statement st = JDBC.get(schema).createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void execute(String schema, String... sql) throws SQLException {
        try (Statement st = JDBC.get(schema).createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    static long holdersOfFullKey(String schema, String fullKey) throws SQLException {
        return count(schema, "SELECT count(DISTINCT record_ref) FROM frontline_name_key WHERE key_kind = 'f'"
                + " AND split_part(key, '=', 1) = ?", fullKey);
    }

    static long holdersOfPart(String schema, String part) throws SQLException {
        return count(schema, "SELECT count(DISTINCT record_ref) FROM frontline_name_key WHERE key_kind = 'f'"
                + " AND ? = ANY (string_to_array(split_part(key, '=', 1), ' '))", part);
    }

    static long population(String schema) throws SQLException {
        return count(schema, "SELECT count(*) FROM " + PERSON_TABLE.get(schema));
    }

    /** The name (as its key row carries it) of a holder of the source's most common full key. */
    static String commonestName(String schema) throws SQLException {
        return text(schema, """
                SELECT min(split_part(key, '=', 2)) FROM frontline_name_key WHERE key_kind = 'f' AND split_part(key, '=', 1) =
                       (SELECT split_part(key, '=', 1) FROM frontline_name_key WHERE key_kind = 'f'
                         GROUP BY 1 ORDER BY count(DISTINCT record_ref) DESC, 1 LIMIT 1)""");
    }

    /** Every figure a candidate carries equals the direct count; returns how many candidates carried figures. */
    static int assertStatisticsAreCounts(String schema, List<PersonRecord> candidates) throws SQLException {
        long population = population(schema);
        int withStatistics = 0;
        for (PersonRecord r : candidates) {
            NameStatistics s = r.nameStatistics();
            long fullKeys = count(schema, "SELECT count(*) FROM frontline_name_key WHERE key_kind = 'f' AND record_ref::text = ?",
                    r.recordId());
            if (s == null || fullKeys == 0) {
                assertEquals(0, fullKeys, schema + " " + r.recordId() + " has keys but no statistics");
                // a clerk's record: the population only, nothing of its name
                assertTrue(s == null || s.fullNameHolders() == 0 && s.partHolders().isEmpty(), schema + " " + r.recordId());
                continue;
            }
            withStatistics++;
            assertEquals(population, s.population(), schema + " population");
            assertEquals(holdersOfFullKey(schema, NameKeys.fullKey(r.fullName())), s.fullNameHolders(),
                    schema + " " + r.recordId() + " full name holders");
            assertTrue(s.partHolders().keySet().containsAll(NameKeys.partKeys(r.fullName())),
                    () -> schema + " " + r.recordId() + ": every part of the name has its holders " + s.partHolders().keySet());
            for (Map.Entry<String, Long> e : s.partHolders().entrySet()) {
                assertEquals(holdersOfPart(schema, e.getKey()), e.getValue(), schema + " " + r.recordId() + " part holders");
            }
        }
        return withStatistics;
    }

    static void assertTableIsARecount(String schema) throws SQLException {
        String table = "SELECT key_kind::text, key, holders FROM frontline_name_frequency";
        String diff = "SELECT count(*) FROM ((" + table + " EXCEPT (" + RECOUNT + ")) UNION ALL ((" + RECOUNT + ") EXCEPT "
                + table + ")) d";
        assertEquals(0, count(schema, diff), schema + ": frontline_name_frequency differs from a recount of its name keys");
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpol", "europol", "ameripol", "aseanapol", "gccpol"})
    void candidatesCarryTheCountsOfTheirSource(String schema) throws SQLException {
        assertTableIsARecount(schema);
        String common = commonestName(schema);
        List<PersonRecord> candidates = search(schema, common);
        assertTrue(assertStatisticsAreCounts(schema, candidates) > 0, schema + ": no candidate carried statistics");
        assertTrue(candidates.stream().anyMatch(r -> r.nameStatistics() != null && r.nameStatistics().fullNameHolders() > 1),
                () -> schema + ": the commonest name is held more than once " + candidates);
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpol", "europol", "aseanapol", "gccpol"})
    void aClerksRecordIsFoundWithoutStatisticsAndCountsInThePopulation(String schema) throws SQLException {
        String ref = text(schema, "SELECT record_ref::text FROM frontline_name_key GROUP BY record_ref"
                + " HAVING bool_and(key_kind = 'r') ORDER BY 1 LIMIT 1");
        assertNotNull(ref, schema + " fixtures hold a record written by plain SQL");
        String raw = text(schema, "SELECT min(key) FROM frontline_name_key WHERE record_ref::text = '" + ref + "'");
        List<PersonRecord> candidates = search(schema, raw);
        PersonRecord clerks = candidates.stream().filter(r -> r.recordId().equals(ref)).findFirst().orElseThrow();
        // the database does not know the keys of a clerk's record: the population only, no holders
        assertEquals(population(schema), clerks.nameStatistics().population());
        assertEquals(0, clerks.nameStatistics().fullNameHolders());
        assertTrue(clerks.nameStatistics().partHolders().isEmpty());
        assertStatisticsAreCounts(schema, candidates);
        assertEquals(population(schema), count(schema, "SELECT holders FROM frontline_name_frequency WHERE key_kind = '*'"));
    }

    @Test
    void clerksInsertsRenamesAndDeletionsKeepTheCountsCurrent() throws SQLException {
        String schema = "interpol";
        String common = commonestName(schema);
        String fullKey = NameKeys.fullKey(common);
        List<String> parts = NameKeys.partKeys(common);
        long fullBefore = holders(schema, "f", fullKey);
        long populationBefore = holders(schema, "*", "");
        String holder = text(schema, "SELECT min(record_ref)::text FROM frontline_name_key WHERE key_kind = 'f'"
                + " AND split_part(key, '=', 1) = '" + fullKey + "'");

        // a clerk adds a person with the same name: the raw-name path, one more person, no full key
        execute(schema, "INSERT INTO notice_subject (subject_id, family_name, forename)"
                + " SELECT 8000000001, family_name, forename FROM notice_subject WHERE subject_id = " + holder);
        assertEquals(populationBefore + 1, holders(schema, "*", ""));
        assertEquals(fullBefore, holders(schema, "f", fullKey));
        // a clerk renames a holder: its keys become raw names, it no longer holds the full key
        execute(schema, "UPDATE notice_subject SET family_name = 'Zzyzxova', forename = 'Qwerty' WHERE subject_id = " + holder);
        assertEquals(fullBefore - 1, holders(schema, "f", fullKey));
        assertEquals(populationBefore + 1, holders(schema, "*", ""));
        // and removes the person added
        execute(schema, "DELETE FROM notice_subject WHERE subject_id = 8000000001");
        assertEquals(populationBefore, holders(schema, "*", ""));

        // keys written one statement at a time (not a bulk load): a name and an alias sharing parts
        // count the person once for each part, in one statement or in several
        String name = "=" + common;
        execute(schema, "INSERT INTO frontline_name_key (record_ref, key_kind, key) VALUES"
                + " (8000000002, 'n', '" + common + "'), (8000000002, 'f', '" + fullKey + name + "'),"
                + " (8000000002, 'f', '" + fullKey + name + " jr')",
                "INSERT INTO frontline_name_key (record_ref, key_kind, key) VALUES (8000000002, 'f', '" + parts.get(0) + " zzq=x')");
        assertEquals(fullBefore, holders(schema, "f", fullKey));
        assertEquals(1, holders(schema, "t", "zzq"));
        for (String p : parts) {
            assertEquals(holdersOfPart(schema, p), holders(schema, "t", p));
        }
        assertTableIsARecount(schema);
        execute(schema, "DELETE FROM frontline_name_key WHERE record_ref = 8000000002 AND key LIKE '%jr'");
        assertEquals(fullBefore, holders(schema, "f", fullKey), "the person still holds the key by its other row");
        execute(schema, "DELETE FROM frontline_name_key WHERE record_ref = 8000000002");
        assertEquals(fullBefore - 1, holders(schema, "f", fullKey));
        assertEquals(0, holders(schema, "t", "zzq"), "a key nobody holds leaves the table");
        assertEquals(populationBefore, holders(schema, "*", ""));
        assertTableIsARecount(schema);

        // and the connector reads the current figures
        List<PersonRecord> candidates = search(schema, common);
        assertTrue(assertStatisticsAreCounts(schema, candidates) > 0);
    }

    static long holders(String schema, String kind, String key) throws SQLException {
        return count(schema, "SELECT coalesce(sum(holders), 0) FROM frontline_name_frequency WHERE key_kind = ? AND key = ?",
                kind, key);
    }
}
