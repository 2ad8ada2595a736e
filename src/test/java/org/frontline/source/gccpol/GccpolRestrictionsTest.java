package org.frontline.source.gccpol;

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
 * GCCPOL's {@code shared_with} (CHAR(2)[]) as the need-to-know filter sees it, read from a real
 * database written by plain SQL: NULL is all GCC member states and partners (the schema's own
 * comment); a code we cannot read, a NULL element or an empty array restricts to nobody (until #14
 * {@code {QQ}} was dropped and so shown to everyone, the leak of the issue); UK and XK are read
 * explicitly. Documents: found whichever two-letter code was stored, and a country without one is
 * still asked.
 */
class GccpolRestrictionsTest {

    static final Set<String> NOBODY = Set.of(HandlingRestrictions.NOBODY);
    static ConnectorDatabase db;

    @BeforeAll
    static void load() {
        db = new ConnectorDatabase("gccpol", GccpolConnector::new);
        db.execute("INSERT INTO gcc_individual (individual_id, first_name, family_name) VALUES (1, 'Zebulon', 'Quackenbush')",
                circular("null", "NULL"), circular("listed", "'{SA,AE}'"), circular("partners", "'{UK,XK}'"),
                circular("unknown", "'{SA,QQ}'"), circular("empty", "'{}'"), circular("null-element", "'{SA,NULL}'"),
                "INSERT INTO gcc_document (document_no, issuing_state, document_kind, document_status, status_date,"
                        + " shared_with, issuing_authority) VALUES"
                        + " ('s-1234567', 'SA', 'PASSPORT', 'STOLEN', DATE '2025-01-01', '{QQ}', 'GCCPOL'),"
                        + " ('K00000001', 'XK', 'PASSPORT', 'LOST', DATE '2025-01-01', NULL, 'GCCPOL')",
                "INSERT INTO gcc_vehicle (plate_no, plate_state, vehicle_status, status_date, shared_with, issuing_authority)"
                        + " VALUES ('12345 A', 'AE', 'STOLEN', DATE '2025-01-01', '{}', 'GCCPOL')");
    }

    static String circular(String label, String sharedWith) {
        return "INSERT INTO gcc_circular (circular_no, individual_id, circular_type, instruction, issued_at, shared_with,"
                + " issuing_authority) VALUES ('C-" + label + "', 1, 'ARREST_WARRANT', 'ARREST', DATE '2025-01-01', "
                + sharedWith + ", '" + label + "')";
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void circularRestrictionsFailClosed() {
        int before = db.unreadable();
        Map<String, Set<String>> countries = countriesByContact(db.person("Zebulon Quackenbush", "1"));
        assertEquals(Set.of(), countries.get("null"), "NULL: all member states and partners");
        assertEquals(Set.of("SAU", "ARE"), countries.get("listed"));
        assertEquals(Set.of("GBR", "RKS"), countries.get("partners"), "UK and XK read explicitly");
        for (String closed : List.of("unknown", "empty", "null-element")) {
            assertEquals(NOBODY, countries.get(closed), closed + ": nobody");
        }
        assertEquals(3, db.unreadable() - before);
    }

    @Test
    void documentAndVehicleRestrictionsFailClosed() {
        assertEquals(NOBODY, onlyAlertCountries(db.documents("S1234567", "SAU").get(0)));
        assertEquals(NOBODY, onlyAlertCountries(db.vehicles("12345A", "ARE").get(0)));
    }

    @Test
    void documentsAreFoundWhicheverCodeWasStoredAndAlwaysAsked() {
        assertEquals(1, db.documents("S1234567", "SAU").size(), "stored s-1234567, asked S1234567");
        // Kosovo has no ISO alpha-2: until #14 GCCPOL answered OK without being asked
        assertEquals(1, db.documents("K00000001", "RKS").size(), "stored XK, asked RKS");
        SourceConnector nowhere = db.unreachable(GccpolConnector::new);
        for (String country : List.of("XXA", "UNO", "EUE")) {
            assertThrows(RuntimeException.class, () -> nowhere.findDocuments(new DocumentQuery("A1", country, null))
                    .await().atMost(Duration.ofSeconds(20)), country + ": the source must be asked");
        }
    }
}
