package org.frontline.sourcedata;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeds the five sources at small scale; checks counts, walkthrough subjects and idempotence. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SyntheticSeederTest {

    static final long SEED = 42;
    static final int PERSONS = 2_000;

    static String db(String schema) {
        return "fqtest_data_seed_" + schema;
    }

    @BeforeAll
    static void seedAll() {
        for (String schema : SourceSchemas.TYPES) {
            TestDatabases.fresh(db(schema));
            SyntheticSeeder.Result r = SyntheticSeeder.seed(TestDatabases.url(db(schema)), TestDatabases.server().user(),
                    TestDatabases.server().password(), schema, SEED, PERSONS);
            assertFalse(r.skipped());
        }
    }

    @AfterAll
    static void drop() {
        for (String schema : SourceSchemas.TYPES) {
            TestDatabases.server().dropDatabaseIfExists(db(schema));
        }
    }

    @Test
    void everySourceHoldsTheConfiguredNumberOfRecords() {
        SyntheticWorld w = new SyntheticWorld(SEED, PERSONS);
        assertEquals(PERSONS + 1, TestDatabases.count(db("interpol"), "SELECT count(*) FROM notice_subject"));
        assertEquals(w.documentsPerSource() + 1, TestDatabases.count(db("interpol"), "SELECT count(*) FROM sltd_document"));
        assertEquals(w.vehiclesPerSource(), TestDatabases.count(db("interpol"), "SELECT count(*) FROM smv_vehicle"));
        assertEquals(PERSONS + 1, TestDatabases.count(db("europol"), "SELECT count(*) FROM eis_person"));
        assertEquals(PERSONS, TestDatabases.count(db("ameripol"), "SELECT count(*) FROM persona"));
        assertEquals(w.vehiclesPerSource() + 1, TestDatabases.count(db("ameripol"), "SELECT count(*) FROM vehiculo"));
        assertEquals(PERSONS, TestDatabases.count(db("aseanapol"), "SELECT count(*) FROM subject"));
        assertEquals(PERSONS + 1, TestDatabases.count(db("gccpol"), "SELECT count(*) FROM gcc_individual"));
    }

    @Test
    void changesAreAnnouncedAfterTheSilentBulkLoad() throws Exception {
        for (String schema : SourceSchemas.TYPES) {
            // every table's announcement trigger is back on once the load has committed
            assertEquals(0, TestDatabases.count(db(schema), "SELECT count(*) FROM pg_trigger"
                    + " WHERE tgname LIKE 'frontline_announce%' AND tgenabled <> 'O'"), schema);
            // three person tables announce per statement; document and vehicle tables per row, plus TRUNCATE
            assertEquals(7, TestDatabases.count(db(schema), "SELECT count(*) FROM pg_trigger"
                    + " WHERE tgname LIKE 'frontline_announce%'"), schema);
        }
        try (java.sql.Connection listener = TestDatabases.server().connect(db("interpol"));
             java.sql.Connection writer = TestDatabases.server().connect(db("interpol"));
             java.sql.Statement l = listener.createStatement(); java.sql.Statement w = writer.createStatement()) {
            l.execute("LISTEN frontline_changes");
            org.postgresql.PGNotification[] got;
            try {
                w.execute("INSERT INTO sltd_document (document_number, issuing_country, document_type, status, reported_on,"
                        + " reporting_ncb) VALUES ('ANN0001', 'FRA', 'PASSPORT', 'STOLEN', DATE '2026-01-01', 'NCB Paris')");
                w.execute("UPDATE notice SET issued_on = issued_on WHERE false");
                l.execute("SELECT 1");   // notifications arrive with the next round trip
                got = listener.unwrap(org.postgresql.PGConnection.class).getNotifications(2000);
            } finally {
                w.execute("DELETE FROM sltd_document WHERE document_number = 'ANN0001'");   // the other tests count rows
            }
            List<String> payloads = java.util.Arrays.stream(got).map(org.postgresql.PGNotification::getParameter).toList();
            assertTrue(payloads.stream().anyMatch(p -> p.contains("\"kind\": \"DOCUMENT\"") && p.contains("\"ANN0001\"")
                    && p.contains("\"FRA\"") && p.contains("\"op\": \"INSERT\"")), payloads.toString());
            // a statement on a person table is announced even when it touches no row
            assertTrue(payloads.stream().anyMatch(p -> p.contains("\"table\": \"notice\"") && p.contains("\"PERSON\"")),
                    payloads.toString());
        }
    }

    @Test
    void alertsAreRare() {
        long persons = TestDatabases.count(db("interpol"), "SELECT count(*) FROM notice_subject");
        long withAlert = TestDatabases.count(db("interpol"), "SELECT count(DISTINCT subject_id) FROM notice");
        long red = TestDatabases.count(db("interpol"), "SELECT count(*) FROM notice WHERE colour = 'RED'");
        assertTrue(withAlert < persons * 0.15, "most persons carry no alert: " + withAlert);
        assertTrue(red > persons * 0.01 && red < persons * 0.06, "a few percent wanted: " + red);
        long armed = TestDatabases.count(db("interpol"), "SELECT count(*) FROM notice WHERE colour = 'RED' AND 'ARMED' = ANY (caution)");
        assertTrue(armed > 0 && armed < red, "officer-safety warnings on a fraction of wanted persons: " + armed);
    }

    @Test
    void walkthroughSubjectsArePresentInTheirSources() {
        List<List<String>> interpol = TestDatabases.query(db("interpol"),
                "SELECT s.forename, s.family_name, s.birth_date, s.nationality, n.colour, n.requested_action, n.caution, n.ncb_contact"
                        + " FROM notice_subject s JOIN notice n USING (subject_id) WHERE subject_id = " + Walkthrough.WANTED_INTERPOL_SUBJECT_ID);
        assertEquals(List.of(List.of("Mohammed", "Al-Rashid", "1983-04-12", "JOR", "RED", "PROVISIONAL_ARREST", "{ARMED}",
                Walkthrough.WANTED_INTERPOL_CONTACT)), interpol);
        List<List<String>> europol = TestDatabases.query(db("europol"),
                "SELECT p.full_name, p.dob_text, p.nationality_iso2, f.measure, f.risk_markers, f.contact_unit"
                        + " FROM eis_person p JOIN eis_flag f USING (person_ref) WHERE person_ref = '" + Walkthrough.WANTED_EUROPOL_PERSON_REF + "'");
        assertEquals(List.of(List.of("AL RASHEED, Muhammad", "12.04.1983", "JO", "EAW_ARREST", "armed",
                Walkthrough.WANTED_EUROPOL_CONTACT)), europol);
        assertEquals(List.of(List.of("PASSPORT", "STOLEN")), TestDatabases.query(db("interpol"),
                "SELECT document_type, status FROM sltd_document WHERE issuing_country = 'FRA' AND document_number = 'P4471902'"));
        assertEquals(List.of(List.of(Walkthrough.STOLEN_CAR_VIN, "ROBADO")), TestDatabases.query(db("ameripol"),
                "SELECT numero_vin, estado FROM vehiculo WHERE pais_matricula = 'BRA' AND placa = 'ABC1234'"));
        assertTrue(Vin.isValid(Walkthrough.STOLEN_CAR_VIN));
        assertEquals(List.of(List.of("Khalid", "Saleh", "Ahmed", "Al-Dosari", Walkthrough.RESTRICTED_NAME_ARABIC, "1979-11-03",
                "SA", "{AE,SA}", "SECRET", "REFER")), TestDatabases.query(db("gccpol"),
                "SELECT i.first_name, i.father_name, i.grandfather_name, i.family_name, i.name_ar, i.birth_date, i.nationality,"
                        + " c.shared_with, c.clearance, c.when_restricted FROM gcc_individual i JOIN gcc_circular c USING (individual_id)"
                        + " WHERE circular_no = '" + Walkthrough.RESTRICTED_CIRCULAR_NO + "'"));
        for (String schema : SourceSchemas.TYPES) {
            String sql = switch (schema) {
                case "interpol" -> "SELECT count(*) FROM sltd_document WHERE document_number = 'Z0000000'";
                case "europol" -> "SELECT count(*) FROM eis_object_document WHERE doc_no = 'Z0000000'";
                case "ameripol" -> "SELECT count(*) FROM documento_viaje WHERE numero = 'Z0000000'";
                case "aseanapol" -> "SELECT count(*) FROM travel_document WHERE td_number = 'Z0000000'";
                default -> "SELECT count(*) FROM gcc_document WHERE document_no = 'Z0000000'";
            };
            assertEquals(0, TestDatabases.count(db(schema), sql), "unknown document absent from " + schema);
        }
    }

    @Test
    void secondSeedWithTheSameParametersIsANoOp() {
        String url = TestDatabases.url(db("aseanapol"));
        long before = TestDatabases.count(db("aseanapol"), "SELECT count(*) FROM subject");
        SyntheticSeeder.Result again = SyntheticSeeder.seed(url, TestDatabases.server().user(), TestDatabases.server().password(),
                "aseanapol", SEED, PERSONS);
        assertTrue(again.skipped());
        assertTrue(again.elapsed().toMillis() < 5_000, "a repeat is fast: " + again.elapsed());
        assertEquals(before, TestDatabases.count(db("aseanapol"), "SELECT count(*) FROM subject"));
        assertEquals(List.of(List.of("42", "2000", Integer.toString(SyntheticWorld.GENERATOR_VERSION))),
                TestDatabases.query(db("aseanapol"), "SELECT seed, persons, generator_version FROM frontline_seed"));
    }

    @Test
    void groundTruthMapsSeededRecordsBackToTheirIdentities() {
        SyntheticWorld w = new SyntheticWorld(SEED, PERSONS);
        java.util.Map<Long, java.util.Map<String, String>> recordsByIdentity = new java.util.HashMap<>();
        for (String s : SourceSchemas.TYPES) {
            w.forEachGroundTruth(s, g -> {
                if (g.kind() == org.frontline.model.QueryKind.PERSON && !g.walkthrough()) {
                    recordsByIdentity.computeIfAbsent(g.identityId(), k -> new java.util.TreeMap<>()).put(s, g.recordId());
                }
            });
        }
        List<java.util.Map<String, String>> shared = recordsByIdentity.values().stream().filter(m -> m.size() >= 2).toList();
        assertTrue(shared.size() > 50, "identities in two sources or more: " + shared.size());
        // read back, from the databases, the date of birth of each identity in interpol and europol: the ground truth
        // says they are one person, so the years must agree (every source records the true year, or nothing)
        int compared = 0;
        for (java.util.Map<String, String> m : shared) {
            if (m.containsKey("interpol") && m.containsKey("europol")) {
                List<List<String>> a = TestDatabases.query(db("interpol"),
                        "SELECT coalesce(extract(year FROM birth_date)::int, birth_year) FROM notice_subject WHERE subject_id = " + m.get("interpol"));
                List<List<String>> b = TestDatabases.query(db("europol"),
                        "SELECT right(dob_text, 4) FROM eis_person WHERE person_ref = '" + m.get("europol") + "'");
                assertEquals(1, a.size());
                assertEquals(1, b.size());
                if (a.get(0).get(0) != null && b.get(0).get(0) != null) {
                    assertEquals(a.get(0).get(0), b.get(0).get(0), "same identity, same year of birth");
                    compared++;
                }
            }
        }
        assertTrue(compared > 10, "compared " + compared);
        // and the names the generator says it wrote are the names in the database
        int[] checked = {0};
        w.forEachRecord("ameripol", r -> {
            if (r instanceof org.frontline.model.PersonRecord p && checked[0] < 200) {
                List<List<String>> row = TestDatabases.query(db("ameripol"), "SELECT nombres, primer_apellido, segundo_apellido"
                        + " FROM persona WHERE id_persona = " + p.recordId());
                assertEquals(1, row.size());
                String family = row.get(0).get(2) == null ? row.get(0).get(1) : row.get(0).get(1) + " " + row.get(0).get(2);
                assertEquals(p.familyName() == null ? p.givenNames() : p.familyName(), family);
                checked[0]++;
            }
        });
        assertEquals(200, checked[0]);
    }

    @Test
    void indexesAreBackAfterTheLoad() {
        assertEquals(1, TestDatabases.count(db("europol"),
                "SELECT count(*) FROM pg_indexes WHERE indexname = 'eis_person_name_trgm'"));
        assertEquals(1, TestDatabases.count(db("ameripol"),
                "SELECT count(*) FROM pg_indexes WHERE indexname = 'documento_busqueda_idx'"));
    }
}
