package org.frontline.source.interpol;

import org.frontline.model.HandlingRestrictions;
import org.frontline.source.ConnectorDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.frontline.source.ConnectorDatabase.countriesByContact;
import static org.frontline.source.ConnectorDatabase.onlyAlertCountries;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * INTERPOL's {@code restricted_to} (CHAR(3)[] on notices, SLTD and SMV) as the need-to-know filter
 * sees it, read from a real database written by plain SQL: NULL is every member country (the
 * schema's own comment); a list with an entry we cannot read, or an empty list, is nobody
 * ({@link HandlingRestrictions#NOBODY}), never "the list without it" (until #14 {@code {FRA,QQQ}} was
 * visible to French officers and {@code {}} to everyone); ICAO-only codes are read explicitly. And
 * the document look-up compares normalised numbers and every form of the issuing country on both sides.
 */
class InterpolRestrictionsTest {

    static final Set<String> NOBODY = Set.of(HandlingRestrictions.NOBODY);
    static ConnectorDatabase db;

    @BeforeAll
    static void load() {
        db = new ConnectorDatabase("interpol", InterpolConnector::new);
        db.execute("INSERT INTO notice_subject (subject_id, family_name, forename) VALUES (1, 'Quackenbush', 'Zebulon')",
                notice("null", "NULL"), notice("listed", "'{FRA,DEU}'"), notice("icao", "'{D,GBD,RKS}'"),
                notice("unknown", "'{FRA,QQQ}'"), notice("empty", "'{}'"), notice("null-element", "'{FRA,NULL}'"),
                notice("stateless", "'{XXA}'"), notice("lower-case", "'{fra}'"),
                "INSERT INTO sltd_document (document_number, issuing_country, document_type, status, reported_on,"
                        + " restricted_to, reporting_ncb) VALUES"
                        + " ('p4471902-x', 'FRA', 'PASSPORT', 'STOLEN', DATE '2025-01-01', '{ZZZ}', 'NCB Paris'),"
                        + " ('C01X00T47', 'D', 'PASSPORT', 'LOST', DATE '2025-01-01', NULL, 'NCB Wiesbaden'),"
                        + " ('099999999', 'GBD', 'PASSPORT', 'STOLEN', DATE '2025-01-01', NULL, 'NCB London')",
                "INSERT INTO smv_vehicle (vehicle_id, plate, registration_country, reported_stolen_on, restricted_to,"
                        + " reporting_ncb) VALUES (1, 'B-AB 123', 'D', DATE '2025-01-01', '{DEU,QQQ}', 'NCB Wiesbaden')");
    }

    static String notice(String label, String restrictedTo) {
        return "INSERT INTO notice (notice_id, subject_id, colour, requested_action, issued_on, restricted_to, ncb_contact)"
                + " VALUES ('N-" + label + "', 1, 'RED', 'PROVISIONAL_ARREST', DATE '2025-01-01', " + restrictedTo
                + ", '" + label + "')";
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void noticeRestrictionsFailClosed() {
        int before = db.unreadable();
        Map<String, Set<String>> countries = countriesByContact(db.person("Zebulon Quackenbush", "1"));
        assertEquals(Set.of(), countries.get("null"), "NULL: every member country");
        assertEquals(Set.of("FRA", "DEU"), countries.get("listed"));
        assertEquals(Set.of("DEU", "GBR", "RKS"), countries.get("icao"), "D, GBD and RKS read explicitly");
        assertEquals(Set.of("FRA"), countries.get("lower-case"));
        for (String closed : List.of("unknown", "empty", "null-element", "stateless")) {
            assertEquals(NOBODY, countries.get(closed), closed + ": nobody");
        }
        assertEquals(4, db.unreadable() - before, "each unreadable list counted once per unreadable entry");
    }

    @Test
    void documentAndVehicleRestrictionsFailClosed() {
        assertEquals(NOBODY, onlyAlertCountries(db.documents("P4471902X", "FRA").get(0)));
        assertEquals(NOBODY, onlyAlertCountries(db.vehicles("BAB123", "DEU").get(0)));
    }

    @Test
    void documentNumbersAndIssuersAreNormalisedOnBothSides() {
        assertEquals(1, db.documents("P4471902X", "FRA").size(), "stored p4471902-x, asked P4471902X");
        assertEquals(1, db.documents("C01X00T47", "DEU").size(), "stored D, asked DEU");
        // the officer types GBD, the service canonicalises it to GBR: the source is asked with every form
        assertEquals(1, db.documents("099999999", "GBR").size(), "stored GBD, asked GBR");
        assertEquals("GBR", db.documents("099999999", "GBD").get(0).issuingCountry());
    }
}
