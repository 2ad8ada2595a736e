package org.frontline.source.aseanapol;

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
 * ASEANAPOL's {@code dissemination} + {@code member_states} as the need-to-know filter sees them, read
 * from a real database written by plain SQL: ALL_MEMBERS is everyone whatever {@code member_states}
 * holds; LISTED_MEMBERS with {@code member_states} NULL or empty lists nobody (until #14: everyone);
 * an ICAO code we cannot read, or one that names no state (XXA), restricts to nobody; ICAO's own codes
 * (D, GBD, RKS) are read explicitly. Documents: NULL {@code member_states} is everyone; issuers are
 * found whichever ICAO form was stored (GBD was not found until #14: the query became GBR).
 */
class AseanapolRestrictionsTest {

    static final Set<String> NOBODY = Set.of(HandlingRestrictions.NOBODY);
    static ConnectorDatabase db;

    @BeforeAll
    static void load() {
        db = new ConnectorDatabase("aseanapol", AseanapolConnector::new);
        db.execute("INSERT INTO subject (subject_no, full_name) VALUES ('ASN-1', 'Zebulon Quackenbush')",
                entry("all", "ALL_MEMBERS", "'QQQ'"), entry("listed", "LISTED_MEMBERS", "'D|SGP'"),
                entry("icao", "LISTED_MEMBERS", "'GBD|RKS'"), entry("listed-null", "LISTED_MEMBERS", "NULL"),
                entry("listed-empty", "LISTED_MEMBERS", "''"), entry("unknown", "LISTED_MEMBERS", "'SGP|QQQ'"),
                entry("stateless", "LISTED_MEMBERS", "'SGP|XXA'"),
                "INSERT INTO travel_document (td_number, issuer_icao, td_type, td_status, status_date, member_states,"
                        + " originating_ncb) VALUES"
                        + " ('k 1234567', 'SGP', 'P', 'STOLEN', DATE '2025-01-01', 'SGP|QQQ', 'NCB Singapore'),"
                        + " ('099999991', 'GBD', 'P', 'STOLEN', DATE '2025-01-01', NULL, 'NCB London'),"
                        + " ('C01X00T48', 'D', 'P', 'LOST', DATE '2025-01-01', NULL, 'NCB Wiesbaden')",
                "INSERT INTO conveyance (reg_no, reg_icao, conveyance_status, status_date, member_states, originating_ncb)"
                        + " VALUES ('SGX 1234 A', 'SGP', 'STOLEN', DATE '2025-01-01', '', 'NCB Singapore')");
    }

    static String entry(String label, String dissemination, String members) {
        return "INSERT INTO watchlist_entry (subject_no, entry_type, response_code, date_listed, dissemination,"
                + " member_states, originating_ncb) VALUES ('ASN-1', 'WANTED', 'APPREHEND', DATE '2025-01-01', '"
                + dissemination + "', " + members + ", '" + label + "')";
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void watchListRestrictionsFailClosed() {
        int before = db.unreadable();
        Map<String, Set<String>> countries = countriesByContact(db.person("Zebulon Quackenbush", "ASN-1"));
        assertEquals(Set.of(), countries.get("all"), "ALL_MEMBERS: everyone, member_states ignored");
        assertEquals(Set.of("DEU", "SGP"), countries.get("listed"));
        assertEquals(Set.of("GBR", "RKS"), countries.get("icao"), "GBD and RKS read explicitly");
        for (String closed : List.of("listed-null", "listed-empty", "unknown", "stateless")) {
            assertEquals(NOBODY, countries.get(closed), closed + ": nobody");
        }
        assertEquals(4, db.unreadable() - before);
    }

    @Test
    void documentAndConveyanceRestrictionsFailClosed() {
        assertEquals(NOBODY, onlyAlertCountries(db.documents("K1234567", "SGP").get(0)));
        assertEquals(Set.of(), onlyAlertCountries(db.documents("C01X00T48", "DEU").get(0)), "NULL: every member state");
        assertEquals(NOBODY, onlyAlertCountries(db.vehicles("SGX1234A", "SGP").get(0)));
    }

    @Test
    void documentsAreFoundWhicheverIcaoFormWasStored() {
        assertEquals(1, db.documents("K1234567", "SGP").size(), "stored k 1234567, asked K1234567");
        // the officer types GBD; the service canonicalises it to GBR and asks with every form
        assertEquals(1, db.documents("099999991", "GBD").size(), "stored GBD, asked GBD");
        assertEquals(1, db.documents("C01X00T48", "DEU").size(), "stored D, asked DEU");
    }
}
