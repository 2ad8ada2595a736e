package org.frontline.sourcedata;

import org.frontline.match.NameKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Common-model records in, each source's own layout and vocabulary out; bad lines refused whole. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JsonLinesLoaderTest {

    @TempDir
    Path dir;

    static final String[] DBS = {"fqtest_data_load_europol", "fqtest_data_load_gccpol", "fqtest_data_load_aseanapol",
            "fqtest_data_load_frequency"};

    @AfterAll
    static void drop() {
        for (String db : DBS) {
            TestDatabases.server().dropDatabaseIfExists(db);
        }
    }

    JsonLinesLoader.Report load(String db, String schema, String... lines) throws IOException {
        Path file = dir.resolve(schema + ".jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return JsonLinesLoader.load(TestDatabases.url(db), TestDatabases.server().user(), TestDatabases.server().password(),
                schema, file);
    }

    @Test
    void europolRoundTripAndBadLines() throws IOException {
        String db = TestDatabases.fresh(DBS[0]);
        JsonLinesLoader.Report r = load(db, "europol",
                """
                {"kind":"PERSON","recordId":"EU-P-L1","givenNames":"Jürgen","familyName":"Müller","aliases":["Juergen Mueller"],"dateOfBirth":"1980-05-01","sex":"MALE","nationality":"DEU","alerts":[{"alertId":"7","category":"WANTED_FOR_ARREST","action":"ARREST","warnings":["ARMED","VIOLENT"],"issuedOn":"2024-01-02","restrictions":{"countries":["FRA","DEU"],"agencies":["BKA"],"minimumClearance":"CONFIDENTIAL","handlingCode":"H2","whenRestricted":"CONTACT_ONLY"},"contactPoint":"ENU Germany, BKA Wiesbaden"}]}""",
                """
                {"kind":"PERSON","recordId":"EU-P-L2","fullName":"Ana Lucia Pereira","dateOfBirth":"1975","sex":"FEMALE","nationality":"PRT"}""",
                "{\"kind\":\"PERSON\",\"recordId\":\"EU-P-L3\",\"givenNames\":\"X\",\"familyName\":\"Y\",\"dateOfBirth\":\"12.04.1983\"}",
                "this is not json",
                """
                {"kind":"DOCUMENT","recordId":"EU-D-L1","number":"C01X00T47","issuingCountry":"D","type":"PASSPORT","status":"STOLEN","reportedOn":"2025-02-03","holderRecordId":"EU-P-L1","contactPoint":"ENU Germany, BKA Wiesbaden"}""",
                """
                {"kind":"DOCUMENT","recordId":"EU-D-L2","number":"C01X00T47","issuingCountry":"DEU","type":"PASSPORT","status":"LOST","reportedOn":"2025-02-03","contactPoint":"ENU Germany, BKA Wiesbaden"}""",
                """
                {"kind":"VEHICLE","recordId":"EU-V-L1","plate":"m ab 1234","registrationCountry":"DEU","vin":"WVWZZZ1JZXW000001","status":"WANTED","reportedOn":"2025-03-04","linkedPersonRecordId":"EU-P-L1","contactPoint":"Europol Operational Centre, The Hague"}""",
                """
                {"kind":"PERSON","recordId":"EU-P-L4","givenNames":"A","familyName":"B","alerts":[{"alertId":"8","category":"STOLEN_VEHICLE","issuedOn":"2024-01-02","contactPoint":"x"}]}""",
                """
                {"kind":"PERSON","recordId":"EU-P-L5","givenNames":"A","familyName":"B","eyeColour":"blue"}""",
                """
                {"kind":"DOCUMENT","recordId":"EU-D-L3","number":"Z1","issuingCountry":"DEU","type":"PASSPORT","status":"STOLEN","reportedOn":"2025-02-03","holderRecordId":"EU-P-NOPE","contactPoint":"x"}""");
        assertEquals(2, r.persons());
        assertEquals(1, r.documents());
        assertEquals(1, r.vehicles());
        List<Long> lines = r.rejected().stream().map(JsonLinesLoader.Rejection::line).toList();
        assertEquals(List.of(3L, 4L, 6L, 8L, 9L, 10L), lines, r.rejected().toString());
        assertTrue(r.rejected().get(0).reason().contains("dateOfBirth"));
        assertTrue(r.rejected().get(1).reason().contains("JSON"));
        assertTrue(r.rejected().get(2).reason().startsWith("duplicate"));
        assertTrue(r.rejected().get(4).reason().contains("eyeColour"));
        assertTrue(r.rejected().get(5).reason().contains("does not hold"));

        assertEquals(List.of(List.of("MÜLLER, Jürgen", "01.05.1980", "male", "DE", "H2")), TestDatabases.query(db,
                "SELECT full_name, dob_text, gender, nationality_iso2, handling_code FROM eis_person WHERE person_ref = 'EU-P-L1'"));
        assertEquals(List.of(List.of("MUELLER, Juergen")), TestDatabases.query(db,
                "SELECT alias_full_name FROM eis_person_alias WHERE person_ref = 'EU-P-L1'"));
        assertEquals(List.of(List.of("7", "EAW_ARREST", "armed;violent", "2024-01-02", "DE,FR", "BKA", "CONFIDENTIAL", "contact-only")),
                TestDatabases.query(db, "SELECT flag_id, measure, risk_markers, flagged_on, releasable_to, releasable_agency,"
                        + " min_clearance, on_restriction FROM eis_flag WHERE person_ref = 'EU-P-L1'"));
        assertEquals(List.of(List.of("PEREIRA, Ana Lucia", "1975", "female", "PT")), TestDatabases.query(db,
                "SELECT full_name, dob_text, gender, nationality_iso2 FROM eis_person WHERE person_ref = 'EU-P-L2'"));
        assertEquals(List.of(List.of("C01X00T47", "DE", "passport", "stolen", "EU-P-L1")), TestDatabases.query(db,
                "SELECT doc_no, doc_country_iso2, doc_kind, doc_state, linked_person_ref FROM eis_object_document"));
        assertEquals(List.of(List.of("M AB 1234", "DE", "used in crime", "EU-P-L1")),
                TestDatabases.query(db, "SELECT licence_plate, reg_country_iso2, veh_state, linked_person_ref FROM eis_object_vehicle"));
        // nothing of a rejected line was written
        assertEquals(0, TestDatabases.count(db, "SELECT count(*) FROM eis_person WHERE person_ref IN ('EU-P-L3', 'EU-P-L4', 'EU-P-L5')"));
        // the sequence moved past the explicit id: a new flag gets a fresh id
        assertEquals(8, TestDatabases.count(db, "SELECT nextval(pg_get_serial_sequence('eis_flag', 'flag_id'))"));
    }

    @Test
    void gccpolAndAseanapolWriteTheirOwnLayouts() throws IOException {
        String db = TestDatabases.fresh(DBS[1]);
        String person = """
                {"kind":"PERSON","recordId":"%s","givenNames":"Wei","familyName":"Zhang","familyNameFirst":true,"dateOfBirth":"1990","sex":"UNKNOWN","nationality":"CHN","alerts":[{"alertId":"%s","category":"TRAVEL_BAN","warnings":["ESCAPE_RISK","SELF_HARM"],"issuedOn":"2023-07-08","restrictions":{"countries":["SAU"],"minimumClearance":"SECRET","whenRestricted":"CONTACT_ONLY"},"contactPoint":"GCCPOL, Abu Dhabi"}]}""";
        JsonLinesLoader.Report g = load(db, "gccpol", String.format(person, "501", "GCC/2023/L1"),
                """
                {"kind":"VEHICLE","recordId":"9","plate":"1234 ABC","registrationCountry":"SAU","status":"STOLEN","reportedOn":"2024-01-01","contactPoint":"x","restrictions":{"agencies":["X"]}}""");
        assertEquals(1, g.persons());
        assertEquals(List.of(2L), g.rejected().stream().map(JsonLinesLoader.Rejection::line).toList());
        assertTrue(g.rejected().get(0).reason().contains("countries only"), g.rejected().toString());
        assertEquals(List.of(java.util.Arrays.asList("Wei", null, "Zhang", "1990", null, "CN", "TRAVEL_BAN", "PREVENT_TRAVEL_AND_REPORT",
                "{ESCAPE_RISK}", "{SA}", "SECRET", "REFER")), TestDatabases.query(db,
                "SELECT first_name, father_name, family_name, birth_date, gender, nationality, circular_type, instruction,"
                        + " hazards, shared_with, clearance, when_restricted FROM gcc_individual JOIN gcc_circular USING (individual_id)"));

        String adb = TestDatabases.fresh(DBS[2]);
        JsonLinesLoader.Report a = load(adb, "aseanapol", String.format(person, "ASN-SG-L1", "12"),
                """
                {"kind":"DOCUMENT","recordId":"77","number":"K1234567A","issuingCountry":"DEU","type":"RESIDENCE_PERMIT","status":"REVOKED","reportedOn":"2024-01-01","contactPoint":"NCB Singapore"}""");
        assertEquals(List.of(), a.rejected());
        assertEquals(List.of(List.of("Zhang Wei", "19900000", "UNKNOWN", "CHN", "SUSPECT", "NOTIFY", "FLIGHT_RISK",
                "LISTED_MEMBERS", "SAU", "t")), TestDatabases.query(adb,
                "SELECT full_name, dob, sex, citizenship_icao, entry_type, response_code, safety_flags, dissemination,"
                        + " member_states, contact_only_when_restricted FROM subject JOIN watchlist_entry USING (subject_no)"));
        assertEquals(List.of(List.of("K1234567A", "D", "A", "CANCELLED")), TestDatabases.query(adb,
                "SELECT td_number, issuer_icao, td_type, td_status FROM travel_document"));
    }

    @Test
    void loadingCountsHowCommonEachNameKeyIs() throws IOException {
        String db = TestDatabases.fresh(DBS[3]);
        load(db, "aseanapol",
                """
                {"kind":"PERSON","recordId":"ASN-F-1","givenNames":"Wei","familyName":"Zhang","aliases":["Zhang Wei","Zhang Weiming"]}""",
                """
                {"kind":"PERSON","recordId":"ASN-F-2","givenNames":"Li","familyName":"Zhang"}""",
                """
                {"kind":"PERSON","recordId":"ASN-F-3","givenNames":"Anna","familyName":"Schmidt"}""");
        String zhang = NameKeys.partKeys("Zhang").get(0);
        String wei = NameKeys.partKeys("Wei").get(0);
        assertEquals(3, holders(db, "*", ""));
        // persons, not rows: ASN-F-1 carries Zhang in its name and both aliases
        assertEquals(2, holders(db, "t", zhang));
        assertEquals(1, holders(db, "t", wei));
        assertEquals(1, holders(db, "f", NameKeys.fullKey("Wei Zhang")));
        // a later load counts what the source already held
        load(db, "aseanapol", """
                {"kind":"PERSON","recordId":"ASN-F-4","fullName":"Zhang Wei"}""");
        assertEquals(4, holders(db, "*", ""));
        assertEquals(3, holders(db, "t", zhang));
        assertEquals(2, holders(db, "f", NameKeys.fullKey("Wei Zhang")));
    }

    static long holders(String db, String kind, String key) {
        return TestDatabases.count(db, "SELECT coalesce(sum(holders), 0) FROM frontline_name_frequency WHERE key_kind = '"
                + kind + "' AND key = '" + key + "'");
    }
}
