package org.frontline.source.europol;

import org.frontline.model.Countries;
import org.frontline.model.DocumentQuery;
import org.frontline.model.HandlingRestrictions;
import org.frontline.source.ConnectorDatabase;
import org.frontline.source.SourceConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.frontline.source.ConnectorDatabase.countriesByContact;
import static org.frontline.source.ConnectorDatabase.onlyAlertCountries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Europol's free-text {@code releasable_to} and {@code releasable_agency} as the need-to-know filter
 * sees them, read from a real database written by plain SQL: NULL is all member states / any agency
 * (the schema's own comments); Europol's non-ISO codes are mapped explicitly (UK, EL, XK, EU); a
 * code we cannot read, or a text without codes, restricts a flag to its owner member state
 * ({@code eis_person.owner_ms}) and an object (which names no owner) to nobody. Until #14 the code
 * was dropped: {@code FR,QQ} was visible to French officers and {@code UK} to everyone.
 */
class EuropolRestrictionsTest {

    static ConnectorDatabase db;

    @BeforeAll
    static void load() {
        db = new ConnectorDatabase("europol", EuropolConnector::new);
        db.execute("INSERT INTO eis_person (person_ref, full_name, owner_ms) VALUES ('EU-P-1', 'QUACKENBUSH, Zebulon', 'DE'),"
                        + " ('EU-P-2', 'XIMENEZ, Abelardo', 'QQ')",
                flag("EU-P-1", "null", "NULL", "NULL"), flag("EU-P-1", "listed", "'FR,DE'", "NULL"),
                flag("EU-P-1", "europol-codes", "'UK, EL;XK'", "NULL"), flag("EU-P-1", "eu", "'EU'", "NULL"),
                flag("EU-P-1", "lower-case", "'fr'", "NULL"), flag("EU-P-1", "unknown", "'FR,QQ'", "NULL"),
                flag("EU-P-1", "empty", "''", "NULL"), flag("EU-P-1", "no-agency", "'FR'", "' , '"),
                flag("EU-P-1", "agencies", "'FR'", "'BKA,OCRVP'"), flag("EU-P-1", "not-a-state", "'UN'", "NULL"),
                flag("EU-P-2", "unknown-owner", "'FR,QQ'", "NULL"),
                "INSERT INTO eis_object_document (doc_ref, doc_no, doc_country_iso2, doc_kind, doc_state, reported_on,"
                        + " releasable_to, contact_unit) VALUES"
                        + " ('EU-D-1', 'x-123 456', 'FR', 'passport', 'stolen', DATE '2025-01-01', 'FR,QQ', 'unit'),"
                        + " ('EU-D-2', 'UK0000001', 'UK', 'passport', 'lost', DATE '2025-01-01', NULL, 'unit'),"
                        + " ('EU-D-3', 'RKS000001', 'XK', 'passport', 'lost', DATE '2025-01-01', NULL, 'unit')",
                "INSERT INTO eis_object_vehicle (veh_ref, licence_plate, reg_country_iso2, veh_state, reported_on,"
                        + " releasable_to, contact_unit) VALUES ('EU-V-1', 'AB-123-CD', 'FR', 'stolen', DATE '2025-01-01', '', 'unit')");
    }

    static String flag(String person, String label, String releasableTo, String agencies) {
        return "INSERT INTO eis_flag (person_ref, measure, flagged_on, releasable_to, releasable_agency, contact_unit)"
                + " VALUES ('" + person + "', 'EAW_ARREST', DATE '2025-01-01', " + releasableTo + ", " + agencies
                + ", '" + label + "')";
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void flagRestrictionsFailClosedToTheOwnerMemberState() {
        int before = db.unreadable();
        Map<String, Set<String>> countries = countriesByContact(db.person("Zebulon Quackenbush", "EU-P-1"));
        assertEquals(Set.of(), countries.get("null"), "NULL: all member states");
        assertEquals(Set.of("FRA", "DEU"), countries.get("listed"));
        assertEquals(Set.of("GBR", "GRC", "RKS"), countries.get("europol-codes"), "UK, EL, XK read explicitly");
        assertEquals(Countries.EU_MEMBER_STATES, countries.get("eu"), "EU: every member state");
        assertEquals(Set.of("FRA"), countries.get("lower-case"));
        assertEquals(Set.of("FRA"), countries.get("agencies"));
        for (String closed : List.of("unknown", "empty", "no-agency", "not-a-state")) {
            assertEquals(Set.of("DEU"), countries.get(closed), closed + ": only the owner member state");
        }
        assertEquals(4, db.unreadable() - before, "every unreadable entry counted");
        // an owner we cannot read either: nobody
        assertEquals(Set.of(HandlingRestrictions.NOBODY),
                onlyAlertCountries(db.person("Abelardo Ximenez", "EU-P-2")));
    }

    @Test
    void agenciesAreReadAsListed() {
        var flag = db.person("Zebulon Quackenbush", "EU-P-1").alerts().stream()
                .filter(a -> a.contactPoint().equals("agencies")).findFirst().orElseThrow();
        assertEquals(Set.of("BKA", "OCRVP"), flag.restrictions().agencies());
    }

    @Test
    void objectsNameNoOwnerSoAnUnreadableListIsNobody() {
        assertEquals(Set.of(HandlingRestrictions.NOBODY), onlyAlertCountries(db.documents("X123456", "FRA").get(0)));
        assertEquals(Set.of(HandlingRestrictions.NOBODY), onlyAlertCountries(db.vehicles("AB123CD", "FRA").get(0)));
    }

    @Test
    void documentsAreFoundWhicheverCodeEuropolWrote() {
        assertEquals(1, db.documents("X123456", "FRA").size(), "stored x-123 456, asked X123456");
        assertEquals(1, db.documents("UK0000001", "GBR").size(), "stored UK, asked GBR");
        assertEquals("GBR", db.documents("UK0000001", "GBR").get(0).issuingCountry());
        // Kosovo has no ISO alpha-2: until #14 Europol answered OK without being asked
        assertEquals(1, db.documents("RKS000001", "RKS").size(), "stored XK, asked RKS");
    }

    @Test
    void aCountryWithoutAnAlpha2CodeIsStillAskedNeverAnsweredUnasked() {
        SourceConnector nowhere = db.unreachable(EuropolConnector::new);
        for (String country : List.of("XXA", "UNO", "EUE", "RKS")) {
            assertThrows(RuntimeException.class, () -> nowhere.findDocuments(new DocumentQuery("A1", country, null))
                    .await().atMost(Duration.ofSeconds(20)), country + ": the source must be asked");
        }
    }
}
