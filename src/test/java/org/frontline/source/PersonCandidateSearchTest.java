package org.frontline.source;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.PersonRecord;
import org.frontline.source.aseanapol.AseanapolConnector;
import org.frontline.source.gccpol.GccpolConnector;
import org.frontline.source.interpol.InterpolConnector;
import org.frontline.sourcedata.JsonLinesLoader;
import org.frontline.sourcedata.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Candidate generation inside a source's database, through the connectors' own SQL: records loaded
 * by our tooling are found by their name keys across scripts, romanisations and name order; a record
 * a clerk inserts or renames with plain SQL (no keys) is still found, by its raw name.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PersonCandidateSearchTest {

    static final String INTERPOL = "fqtest_candidates_interpol";
    static final String GCCPOL = "fqtest_candidates_gccpol";
    static final String ASEANAPOL = "fqtest_candidates_aseanapol";
    static final PersonNameMatcher MATCHER = PersonNameMatcher.create();

    static PostgresServer server;
    static Vertx vertx;
    static Pool interpol;
    static Pool gccpol;
    static Pool aseanapol;

    @BeforeAll
    static void load() throws IOException, SQLException {
        server = PostgresServer.configuredOrEmbedded();
        vertx = Vertx.vertx();
        interpol = database(INTERPOL, "interpol",
                person("101", "Iouri", "Chtcherbakov"),
                person("102", "Abdel Rahman", "Haddad"),
                person("103", "Mohammed", "Ali"),
                person("104", "Anna", "Schmidt"));
        gccpol = database(GCCPOL, "gccpol",
                """
                {"kind":"PERSON","recordId":"201","givenNames":"Faisal","familyName":"Otaibi","aliases":["محمد الراشد"]}""",
                """
                {"kind":"PERSON","recordId":"202","givenNames":"Nasser","familyName":"Qahtani","nameInOriginalScript":"خالد الدوسري"}""");
        aseanapol = database(ASEANAPOL, "aseanapol",
                """
                {"kind":"PERSON","recordId":"ASN-SG-1","givenNames":"Tony","familyName":"Cheung","aliases":["张伟"]}""",
                """
                {"kind":"PERSON","recordId":"ASN-SG-2","givenNames":"Xiaoming","familyName":"Liang","familyNameFirst":true}""");
        try (Connection c = server.connect(INTERPOL); Statement st = c.createStatement()) {
            // the source's own clerk: no keys written by our tooling
            st.execute("INSERT INTO notice_subject (subject_id, family_name, forename) VALUES (900, 'Kuznetsov', 'Vladislav')");
            st.execute("INSERT INTO subject_alias (subject_id, family_name, forename) VALUES (900, 'Petrenko', 'Oleksandr')");
            st.execute("UPDATE notice_subject SET family_name = 'Schmitz' WHERE subject_id = 104");
        }
    }

    @AfterAll
    static void close() {
        for (Pool p : new Pool[] {interpol, gccpol, aseanapol}) {
            if (p != null) {
                p.closeAndAwait();
            }
        }
        if (vertx != null) {
            vertx.closeAndAwait();
        }
        for (String db : new String[] {INTERPOL, GCCPOL, ASEANAPOL}) {
            server.dropDatabaseIfExists(db);
        }
    }

    static String person(String id, String given, String family) {
        return "{\"kind\":\"PERSON\",\"recordId\":\"" + id + "\",\"givenNames\":\"" + given + "\",\"familyName\":\""
                + family + "\"}";
    }

    static Pool database(String db, String schema, String... lines) throws IOException {
        return database(server, vertx, db, schema, lines);
    }

    /** A fresh database of the schema holding the loader's JSON lines, and a reactive pool on it. */
    static Pool database(PostgresServer server, Vertx vertx, String db, String schema, String... lines) throws IOException {
        server.dropDatabaseIfExists(db);
        server.createDatabaseIfMissing(db);
        Path file = Files.createTempFile("candidates", ".jsonl");
        try {
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            JsonLinesLoader.Report report = JsonLinesLoader.load(server.jdbcUrl(db), server.user(), server.password(),
                    schema, file);
            assertEquals(List.of(), report.rejected());
        } finally {
            Files.deleteIfExists(file);
        }
        PgConnectOptions options = PgConnectOptions.fromUri(server.reactiveUrl(db)).setUser(server.user());
        if (!server.password().isEmpty()) {
            options.setPassword(server.password());
        }
        return PgBuilder.pool().connectingTo(options).using(vertx).build();
    }

    static List<String> found(Function<Pool, SourceConnector> connector, Pool pool, String typed) {
        return connector.apply(pool).findPersonCandidates(MATCHER.searchKey(typed), 25).await().indefinitely()
                .stream().map(PersonRecord::recordId).toList();
    }

    static void assertFirst(String expected, List<String> ids) {
        assertTrue(!ids.isEmpty() && ids.get(0).equals(expected), () -> "expected " + expected + " first, got " + ids);
    }

    @Test
    void cyrillicFindsAFrenchRomanisation() {
        assertFirst("101", found(InterpolConnector::new, interpol, "Юрий Щербаков"));
        assertFirst("101", found(InterpolConnector::new, interpol, "Yuriy Shcherbakov"));
    }

    @Test
    void abdCompoundsAreOneName() {
        assertFirst("102", found(InterpolConnector::new, interpol, "Abdulrahman Haddad"));
        assertFirst("102", found(InterpolConnector::new, interpol, "Haddad, Abd al-Rahman"));
    }

    @Test
    void arabicScriptAliasAndNameInScript() {
        assertFirst("201", found(GccpolConnector::new, gccpol, "Mohammed Al-Rashid"));
        assertFirst("202", found(GccpolConnector::new, gccpol, "Khalid Al-Dosari"));
    }

    @Test
    void hanAliasAndFamilyFirstName() {
        assertFirst("ASN-SG-1", found(AseanapolConnector::new, aseanapol, "Zhang Wei"));
        assertFirst("ASN-SG-2", found(AseanapolConnector::new, aseanapol, "Xiaoming Liang"));
        assertFirst("ASN-SG-2", found(AseanapolConnector::new, aseanapol, "LIANG Xiaoming"));
    }

    @Test
    void recordsWrittenWithoutKeysAreFoundByTheirRawNames() {
        assertFirst("900", found(InterpolConnector::new, interpol, "Vladislav Kuznetsov"));
        assertFirst("900", found(InterpolConnector::new, interpol, "Oleksandr Petrenko"));
        // renamed by plain SQL: found by its new name
        assertFirst("104", found(InterpolConnector::new, interpol, "Anna Schmitz"));
    }

    @Test
    void nothingForANameNobodyHolds() {
        assertEquals(List.of(), found(InterpolConnector::new, interpol, "Zebulon Quackenbush"));
    }

    @Test
    void keysAreWrittenByTheToolingAndRawNamesByTheTriggers() throws SQLException {
        try (Connection c = server.connect(INTERPOL); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT record_ref, string_agg(DISTINCT key_kind, '' ORDER BY key_kind)"
                     + " FROM frontline_name_key GROUP BY record_ref ORDER BY record_ref")) {
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
                sb.append(rs.getLong(1)).append(':').append(rs.getString(2)).append(' ');
            }
            assertEquals("101:fnpt 102:fnpt 103:fnpt 104:r 900:r ", sb.toString());
        }
    }
}
