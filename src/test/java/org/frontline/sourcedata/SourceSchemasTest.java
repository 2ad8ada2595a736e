package org.frontline.sourcedata;

import org.frontline.model.QueryKind;
import org.frontline.source.SourceSchema;
import org.frontline.source.SourceWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The five schemas, migrated into real databases, really are five different systems. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SourceSchemasTest {

    static String db(String schema) {
        return "fqtest_data_schema_" + schema;
    }

    @BeforeAll
    static void migrateAll() {
        for (String schema : SourceSchemas.TYPES) {
            TestDatabases.fresh(db(schema));
            SourceSchemas.migrate(TestDatabases.url(db(schema)), TestDatabases.server().user(),
                    TestDatabases.server().password(), schema);
        }
    }

    @AfterAll
    static void drop() {
        for (String schema : SourceSchemas.TYPES) {
            TestDatabases.server().dropDatabaseIfExists(db(schema));
        }
    }

    static Set<String> tables(String schema) {
        return TestDatabases.query(db(schema), "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_name NOT LIKE 'frontline\\_%'")   // ours beside every source: history, name keys
                .stream().map(r -> r.get(0)).collect(Collectors.toSet());
    }

    /** column -> "data_type/max_length" */
    static String column(String schema, String table, String column) {
        List<List<String>> rows = TestDatabases.query(db(schema), "SELECT data_type, coalesce(character_maximum_length, 0)"
                + " FROM information_schema.columns WHERE table_name = '" + table + "' AND column_name = '" + column + "'");
        assertEquals(1, rows.size(), schema + "." + table + "." + column + " exists");
        return rows.get(0).get(0) + "/" + rows.get(0).get(1);
    }

    @Test
    void tableNamesArePairwiseDisjoint() {
        Map<String, Set<String>> all = new HashMap<>();
        for (String s : SourceSchemas.TYPES) {
            all.put(s, tables(s));
            assertTrue(all.get(s).size() >= 5, s + " has its tables");
        }
        for (String a : SourceSchemas.TYPES) {
            for (String b : SourceSchemas.TYPES) {
                if (a.compareTo(b) < 0) {
                    Set<String> common = new HashSet<>(all.get(a));
                    common.retainAll(all.get(b));
                    assertEquals(Set.of(), common, a + " and " + b + " share tables");
                }
            }
        }
    }

    @Test
    void personNameLayoutsDiffer() {
        Map<String, Set<String>> nameColumns = Map.of(
                "interpol", Set.of("family_name", "forename"),
                "europol", Set.of("full_name"),
                "ameripol", Set.of("nombres", "primer_apellido", "segundo_apellido"),
                "aseanapol", Set.of("full_name"),
                "gccpol", Set.of("first_name", "father_name", "grandfather_name", "family_name", "name_ar"));
        Map<String, String> personTable = Map.of("interpol", "notice_subject", "europol", "eis_person",
                "ameripol", "persona", "aseanapol", "subject", "gccpol", "gcc_individual");
        Set<Set<String>> layouts = new HashSet<>();
        for (String s : SourceSchemas.TYPES) {
            Set<String> cols = TestDatabases.query(db(s), "SELECT column_name FROM information_schema.columns WHERE table_name = '"
                    + personTable.get(s) + "' AND column_name ~ '(name|nombre|apellido)'").stream().map(r -> r.get(0))
                    .collect(Collectors.toSet());
            assertEquals(nameColumns.get(s), cols, s + " name columns");
            layouts.add(cols.size() == 1 ? Set.of(s + ":one field") : cols);
        }
        assertEquals(5, layouts.size());
        // the two one-field layouts differ in order: Europol "FAMILY, Given", ASEANAPOL document order
        assertNotEquals(column("europol", "eis_person", "dob_text"), column("aseanapol", "subject", "dob"));
    }

    @Test
    void dateOfBirthTypesDiffer() {
        assertEquals("date/0", column("interpol", "notice_subject", "birth_date"));
        assertEquals("smallint/0", column("interpol", "notice_subject", "birth_year"));
        assertEquals("text/0", column("europol", "eis_person", "dob_text"));
        assertEquals("date/0", column("ameripol", "persona", "fecha_nacimiento"));
        assertEquals("character/8", column("aseanapol", "subject", "dob"));
        assertEquals("text/0", column("gccpol", "gcc_individual", "birth_date"));
    }

    @Test
    void countryColumnsDifferInForm() {
        assertEquals("character/3", column("interpol", "notice_subject", "nationality"));
        assertEquals("character/2", column("europol", "eis_person", "nationality_iso2"));
        assertEquals("character/3", column("ameripol", "persona", "nacionalidad"));
        assertEquals("character varying/3", column("aseanapol", "subject", "citizenship_icao"));
        assertEquals("character/2", column("gccpol", "gcc_individual", "nationality"));
    }

    @Test
    void eachWriterKnowsItsSchemasKeys() {
        // what the loader accepts as record and alert ids is the writer's word: checked against the key columns
        // the schema's own migrations create
        for (String s : SourceSchemas.TYPES) {
            SourceWriter writer = SourceSchema.of(s).writer();
            List<SourceWriter.Table> tables = writer.tables();
            for (QueryKind kind : QueryKind.values()) {
                SourceWriter.Table first = tables.stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
                String key = column(s, first.name(), first.columns().get(0));
                if (kind == QueryKind.DOCUMENT && writer.documentsKeyedByNumber()) {
                    assertTrue(key.startsWith("character varying") || key.startsWith("text"), s + " documents: " + key);
                    continue;
                }
                assertEquals(writer.numericRecordIds(kind), key.startsWith("bigint"), s + " " + kind + " ids: " + key);
            }
            SourceWriter.Table alerts = tables.get(tables.indexOf(SourceWriter.NAME_KEYS) + 1);
            String alertKey = column(s, alerts.name(), alerts.columns().get(0));
            assertEquals(writer.numericAlertIds(), alertKey.startsWith("bigint"), s + " alert ids (" + alerts.name() + "): " + alertKey);
        }
    }

    @Test
    void migrationIsIdempotent() {
        String applied = "SELECT count(*) FROM " + SourceSchemas.HISTORY_TABLE + " WHERE success";
        long before = TestDatabases.count(db("europol"), applied);
        SourceSchemas.migrate(TestDatabases.url(db("europol")), TestDatabases.server().user(), TestDatabases.server().password(), "europol");
        // V1 (the schema), the common V2 (the change announcement) and V2.1 (its triggers, per schema), V3 (name keys), the shared V4 (name-key frequencies)
        // V5 (normalised document numbers), the shared V6 (the year of birth beside the name keys), V7 (its
        // upkeep, per schema), the shared V8 (its index) and V9 (the part keys by year), each once
        assertEquals(10, before, "V1 to V9 and V2.1 applied");
        assertEquals(before, TestDatabases.count(db("europol"), applied));
    }
}
