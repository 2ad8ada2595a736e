package org.frontline.source.aimc;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.Alert;
import org.frontline.model.Clearance;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonRecord;
import org.frontline.model.VehicleQuery;
import org.frontline.model.VehicleRecord;
import org.frontline.model.WhenRestricted;
import org.frontline.sourcedata.AimcSeeder;
import org.frontline.sourcedata.WorldPersons;
import org.frontline.testsupport.MariaDbDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AIMC connector on a real MariaDB (127.0.0.1:3306), seeded with the synthetic world by the
 * tooling and written to by plain SQL as the Council's clerk would: the same persons found under
 * other spellings (Latin questions, Arabic-script records), Hijri dates of birth read as Gregorian,
 * the restriction model read fail closed, documents and vehicles by their numbers.
 */
class AimcConnectorTest {

    static final long SEED = 42;
    static final int PERSONS = 400;
    static final PersonNameMatcher MATCHER = PersonNameMatcher.create();
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String DB = MariaDbDatabases.database("connector");
    static final Set<String> NOBODY = Set.of(HandlingRestrictions.NOBODY);

    static Vertx vertx;
    static Pool pool;
    static AimcConnector connector;
    static final AtomicInteger unreadable = new AtomicInteger();
    static final List<WorldPersons.Held> aimc = new ArrayList<>();
    static final Map<Long, List<WorldPersons.Held>> byIdentity = new HashMap<>();

    @BeforeAll
    static void seed() {
        MariaDbDatabases.recreate(DB);
        AimcSeeder.seed(MariaDbDatabases.jdbcUrl(DB), MariaDbDatabases.USER, MariaDbDatabases.PASSWORD, SEED, PERSONS);
        new WorldPersons(SEED, PERSONS, true).forEachPerson(h -> {
            if (h.source().equals("aimc")) {
                aimc.add(h);
            }
            byIdentity.computeIfAbsent(h.identity(), i -> new ArrayList<>()).add(h);
        });
        vertx = Vertx.vertx();
        pool = MariaDbDatabases.pool(vertx, DB);
        connector = new AimcConnector(pool, new org.frontline.source.UnreadableCodes(unreadable::addAndGet));
    }

    @AfterAll
    static void close() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
    }

    static List<PersonRecord> persons(String name, Integer year) {
        return connector.findPersonCandidates(MATCHER.searchKey(name), year, 25).await().atMost(WAIT);
    }

    @Test
    void theSeederWritesEveryRecordOfTheWorldAndSkipsARepeat() throws Exception {
        assertEquals(PERSONS, aimc.stream().filter(h -> !h.walkthrough()).count());
        assertTrue(AimcSeeder.seed(MariaDbDatabases.jdbcUrl(DB), MariaDbDatabases.USER, MariaDbDatabases.PASSWORD,
                SEED, PERSONS).skipped());
        try (Connection c = MariaDbDatabases.connect(DB);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*), sum(birth_calendar = 'H'),"
                     + " sum(name_ar IS NOT NULL) FROM aimc_person")) {
            rs.next();
            assertEquals(PERSONS, rs.getInt(1));
            assertTrue(rs.getInt(2) > 20, "Hijri dates of birth: " + rs.getInt(2));
            assertTrue(rs.getInt(3) > PERSONS / 3, "names in Arabic script: " + rs.getInt(3));
        }
    }

    @Test
    void theSamePersonsAreHeldByAimcAndOtherSourcesUnderOtherSpellings() {
        long shared = aimc.stream().filter(h -> byIdentity.get(h.identity()).size() > 1).count();
        assertTrue(shared > PERSONS / 20, "AIMC records of persons other sources hold too: " + shared);
    }

    /**
     * A person AIMC holds with an Arabic name and a Hijri date of birth, asked about under the spelling
     * another source uses, in Latin script, with the Gregorian year: found, with the Gregorian date.
     */
    @Test
    void anArabicScriptRecordWithAHijriDateIsFoundByAnotherSourcesSpelling() throws Exception {
        int asked = 0;
        int found = 0;
        for (WorldPersons.Held h : aimc) {
            if (h.nameInScript() == null || h.dateOfBirth() == null || h.dateOfBirth().length() != 10 || h.walkthrough()) {
                continue;
            }
            if (!"H".equals(calendarOf(h.recordId()))) {
                continue;
            }
            WorldPersons.Held other = byIdentity.get(h.identity()).stream().filter(o -> !o.source().equals("aimc"))
                    .findFirst().orElse(null);
            if (other == null) {
                continue;
            }
            PartialDate dob = PartialDate.parse(h.dateOfBirth());
            asked++;
            PersonRecord record = persons(other.name(), dob.year()).stream()
                    .filter(p -> p.recordId().equals(h.recordId())).findFirst().orElse(null);
            if (record != null) {
                found++;
                assertEquals(dob, record.dateOfBirth(), "the Hijri date read as the Gregorian one");
                assertTrue(record.aliases().contains(h.nameInScript()), "the Arabic name among its names");
                assertNotNull(record.nameStatistics());
                assertEquals(PERSONS, record.nameStatistics().population(), "the persons AIMC holds");
            }
            if (asked == 25) {
                break;
            }
        }
        assertTrue(asked >= 10, "questions about Hijri-dated records held elsewhere too: " + asked);
        assertTrue(found >= asked * 0.8, found + " of " + asked + " found under another source's spelling");
    }

    /** Every alert the world gave AIMC's records reads back as written: vocabulary, dates, the distribution model. */
    /**
     * With a year of birth, each part of the question is also read among its holders born near it, as on
     * PostgreSQL: the family name misspelt so that none of its keys survive, and the given name too common to
     * be looked up alone, the person is still found with the year, where without it nothing finds them.
     */
    @Test
    void aMisspeltPartIsFoundThroughTheOtherPartAndTheYear() {
        int asked = 0;
        for (WorldPersons.Held h : aimc) {
            if (h.walkthrough() || h.dateOfBirth() == null || h.givenNames() == null || h.familyNames() == null
                    || h.givenNames().contains(" ") || h.familyNames().contains(" ") || h.familyNames().length() < 5
                    || org.frontline.match.NameKeys.partKeys(h.givenNames()).stream().allMatch(k -> k.length() < 2)) {
                continue; // a given name whose key is one letter (Aasa: s) is the trigram fallback's, which MariaDB lacks
            }
            String family = h.familyNames();
            String misspelt = family.charAt(0) + "zzx" + family.substring(1);
            String question = h.givenNames() + " " + misspelt;
            boolean foundWithoutYear = persons(question, null).stream().anyMatch(p -> p.recordId().equals(h.recordId()));
            if (foundWithoutYear) {
                continue; // the given name is rare enough to be looked up alone: not a case of this look-up
            }
            int year = PartialDate.parse(h.dateOfBirth()).year();
            List<PersonRecord> withYear = persons(question, year);
            assertTrue(withYear.stream().anyMatch(p -> p.recordId().equals(h.recordId())),
                    question + " " + year + " (held as " + h.givenNames() + " " + family + "): " + withYear.size() + " candidates");
            if (++asked == 8) {
                break;
            }
        }
        assertTrue(asked >= 3, "questions whose misspelt part only the year's look-up can rescue: " + asked);
    }

    @Test
    void bulletinsReadBackAsTheWorldWroteThem() {
        Map<String, List<Alert>> written = new HashMap<>();
        List<WorldPersons.Held> withAlerts = new ArrayList<>();
        org.frontline.sourcedata.SyntheticWorldAccess.aimcPersons(SEED, PERSONS, p -> {
            if (!p.alerts().isEmpty()) {
                written.put(p.recordId(), p.alerts());
            }
        });
        aimc.stream().filter(h -> written.containsKey(h.recordId())).limit(20).forEach(withAlerts::add);
        assertTrue(withAlerts.size() >= 10, "records with bulletins: " + withAlerts.size());
        int restricted = 0;
        for (WorldPersons.Held h : withAlerts) {
            PersonRecord p = persons(h.name(), null).stream().filter(r -> r.recordId().equals(h.recordId())).findFirst()
                    .orElseThrow(() -> new AssertionError(h.recordId() + " not found under its own name " + h.name()));
            assertEquals(written.get(h.recordId()), p.alerts(), h.recordId());
            restricted += p.alerts().stream().filter(a -> !a.restrictions().isUnrestricted()).count();
        }
        System.out.printf("AimcConnectorTest: %d records' bulletins read back, %d of them restricted%n", withAlerts.size(), restricted);
    }

    private static String calendarOf(String recordId) throws Exception {
        try (Connection c = MariaDbDatabases.connect(DB);
             PreparedStatement ps = c.prepareStatement("SELECT birth_calendar FROM aimc_person WHERE person_id = ?")) {
            ps.setLong(1, Long.parseLong(recordId));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A record the Council's clerk writes by hand: found by its raw name, its Hijri date converted. */
    @Test
    void aClerksRecordIsFoundByItsRawNameAndItsHijriDateConverted() {
        MariaDbDatabases.execute(DB,
                "INSERT INTO aimc_person (person_id, name_ar, given_latin, family_latin, birth_date, birth_calendar, sex,"
                        + " nationality) VALUES (5001, 'زبيدة قرقاش', 'Zubaida', 'Qarqashawi', '1400-01-01', 'H', '2', 'JOR')",
                "INSERT INTO aimc_bulletin (bulletin_no, person_id, bulletin_type, measure, hazards, issued_on, issuing_state,"
                        + " contact) VALUES ('AIMC/1446/900001', 5001, 'MAN_SAFAR', 'STOP_TRAVEL', 'ARMED,UNKNOWN', '2025-01-01',"
                        + " 'JOR', 'Amman desk')");
        PersonRecord p = persons("Zubaida Qarqashawi", null).stream().filter(r -> r.recordId().equals("5001"))
                .findFirst().orElseThrow(() -> new AssertionError("the clerk's record was not found"));
        assertEquals(PartialDate.of(LocalDate.from(HijrahDate.of(1400, 1, 1))), p.dateOfBirth());
        assertEquals(LocalDate.of(1979, 11, 21), LocalDate.from(HijrahDate.of(1400, 1, 1)));
        Alert a = p.alerts().get(0);
        assertEquals(org.frontline.model.AlertCategory.TRAVEL_BAN, a.category());
        assertEquals(org.frontline.model.ActionToTake.PREVENT_TRAVEL, a.action());
        assertEquals(List.of(org.frontline.model.SafetyWarning.ARMED), a.warnings(), "an unknown hazard is dropped");
        assertTrue(a.restrictions().isUnrestricted());
    }

    /** The distribution model read fail closed: unknown means the issuer when it is a state, else nobody. */
    @Test
    void restrictionsFailClosed() {
        MariaDbDatabases.execute(DB,
                "INSERT INTO aimc_person (person_id, given_latin, family_latin, sex) VALUES (5002, 'Zebulon', 'Quackenbush', '9')",
                bulletin("all", "ALL", "NULL", "JOR", 1, "WITHHOLD"),
                bulletin("list", "LIST", "'[\"SAU\",\"ARE\"]'", "JOR", 1, "WITHHOLD"),
                bulletin("origin", "ORIGIN", "NULL", "EGY", 1, "WITHHOLD"),
                bulletin("unknown-distribution", "MEMBERS", "NULL", "JOR", 1, "REFER"),
                bulletin("unknown-state", "LIST", "'[\"SAU\",\"QQQ\"]'", "MAR", 1, "WITHHOLD"),
                bulletin("unknown-issuer", "GULF", "NULL", "QQQ", 1, "WITHHOLD"),
                bulletin("empty-list", "LIST", "'[]'", "XXX", 1, "WITHHOLD"),
                bulletin("unknown-secrecy", "ALL", "NULL", "JOR", 7, "SOMETIMES"));
        int before = unreadable.get();
        PersonRecord p = persons("Zebulon Quackenbush", null).stream().filter(r -> r.recordId().equals("5002"))
                .findFirst().orElseThrow();
        Map<String, HandlingRestrictions> byContact = new HashMap<>();
        p.alerts().forEach(a -> byContact.put(a.contactPoint(), a.restrictions()));
        assertEquals(Set.of(), byContact.get("all").countries());
        assertEquals(Set.of("SAU", "ARE"), byContact.get("list").countries());
        assertEquals(Set.of("EGY"), byContact.get("origin").countries(), "ORIGIN: the issuing state alone");
        assertEquals(Set.of("JOR"), byContact.get("unknown-distribution").countries(), "unknown: the issuer only");
        assertEquals(WhenRestricted.CONTACT_ONLY, byContact.get("unknown-distribution").whenRestricted());
        assertEquals(Set.of("MAR"), byContact.get("unknown-state").countries());
        assertEquals(NOBODY, byContact.get("unknown-issuer").countries(), "no state to fall back on: nobody");
        assertEquals(NOBODY, byContact.get("empty-list").countries());
        assertEquals(Clearance.SECRET, byContact.get("unknown-secrecy").minimumClearance(), "unknown level: the highest");
        assertEquals(WhenRestricted.HIDE, byContact.get("unknown-secrecy").whenRestricted());
        assertEquals(4, unreadable.get() - before, "each unreadable restriction counted");
        assertEquals(org.frontline.model.Sex.UNKNOWN, p.sex(), "ISO 5218 9: not applicable, read as unknown");
    }

    static String bulletin(String label, String distribution, String sharedWith, String issuer, int secrecy, String onRestricted) {
        return "INSERT INTO aimc_bulletin (bulletin_no, person_id, bulletin_type, measure, issued_on, issuing_state,"
                + " distribution, shared_with, secrecy_level, on_restricted, contact) VALUES ('B-" + label + "', 5002, 'QABD',"
                + " 'ARREST', '2025-01-01', '" + issuer + "', '" + distribution + "', " + sharedWith + ", " + secrecy + ", '"
                + onRestricted + "', '" + label + "')";
    }

    @Test
    void documentsAndVehiclesAreFoundByTheirNumbersWhateverTheirPunctuation() throws Exception {
        String number;
        String country;
        String plate;
        String plateCountry;
        String vin;
        try (Connection c = MariaDbDatabases.connect(DB)) {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT document_no, issuing_country FROM aimc_document ORDER BY document_id LIMIT 1")) {
                rs.next();
                number = rs.getString(1);
                country = rs.getString(2);
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT plate_no, plate_country, vin FROM aimc_vehicle"
                    + " WHERE plate_no IS NOT NULL AND vin IS NOT NULL ORDER BY vehicle_id LIMIT 1")) {
                rs.next();
                plate = rs.getString(1);
                plateCountry = rs.getString(2);
                vin = rs.getString(3);
            }
        }
        List<DocumentRecord> docs = connector.findDocuments(new DocumentQuery(number.toLowerCase() + "-", country, null))
                .await().atMost(WAIT);
        assertEquals(1, docs.size());
        assertEquals(number, docs.get(0).number());
        assertEquals(country, docs.get(0).issuingCountry());
        assertTrue(connector.findDocuments(new DocumentQuery(number, "XXA", null)).await().atMost(WAIT).isEmpty(),
                "another country: asked, and nothing");
        List<VehicleRecord> byPlate = connector.findVehicles(new VehicleQuery(" " + plate + " ", plateCountry, null))
                .await().atMost(WAIT);
        List<VehicleRecord> byBoth = connector.findVehicles(new VehicleQuery(plate, plateCountry, vin)).await().atMost(WAIT);
        assertEquals(1, byPlate.size());
        assertEquals(1, byBoth.size(), "found by plate and by VIN: one record");
        assertEquals(vin, byBoth.get(0).vin());
        assertFalse(byBoth.get(0).alerts().isEmpty());
    }
}
