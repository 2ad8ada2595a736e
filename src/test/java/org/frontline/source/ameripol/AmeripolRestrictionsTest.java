package org.frontline.source.ameripol;

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
 * AMERIPOL's {@code paises_autorizados} (CHAR(3)[] on alerts, documents, vehicles) as the need-to-know
 * filter sees it, read from a real database written by plain SQL: NULL is every member country (the
 * schema's own comment); a code we cannot read, a NULL element or an empty array restricts to nobody
 * (until #14 {@code {}} and {@code {NULL}} meant everyone and {@code {BRA,QQQ}} was shown in Brazil).
 */
class AmeripolRestrictionsTest {

    static final Set<String> NOBODY = Set.of(HandlingRestrictions.NOBODY);
    static ConnectorDatabase db;

    @BeforeAll
    static void load() {
        db = new ConnectorDatabase("ameripol", AmeripolConnector::new);
        db.execute("INSERT INTO persona (id_persona, nombres, primer_apellido) VALUES (1, 'Zebulon', 'Quackenbush')",
                alerta("null", "NULL"), alerta("listed", "'{BRA,ARG}'"), alerta("unknown", "'{BRA,QQQ}'"),
                alerta("empty", "'{}'"), alerta("null-element", "'{NULL}'"), alerta("stateless", "'{XXA}'"),
                "INSERT INTO documento_viaje (numero, pais_emisor, tipo, estado, fecha_denuncia, paises_autorizados,"
                        + " punto_contacto) VALUES ('fa-123.456', 'BRA', 'PASAPORTE', 'HURTADO', DATE '2025-01-01', '{BRA,QQQ}', 'PF')",
                "INSERT INTO vehiculo (placa, pais_matricula, estado, fecha_denuncia, paises_autorizados, punto_contacto)"
                        + " VALUES ('QQA 1234', 'BRA', 'ROBADO', DATE '2025-01-01', '{}', 'PF')");
    }

    static String alerta(String label, String paises) {
        return "INSERT INTO alerta (id_persona, tipo, accion, fecha_emision, paises_autorizados, punto_contacto)"
                + " VALUES (1, 'ORDEN_CAPTURA', 'DETENER', DATE '2025-01-01', " + paises + ", '" + label + "')";
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void alertRestrictionsFailClosed() {
        int before = db.unreadable();
        Map<String, Set<String>> countries = countriesByContact(db.person("Zebulon Quackenbush", "1"));
        assertEquals(Set.of(), countries.get("null"), "NULL: every member country");
        assertEquals(Set.of("BRA", "ARG"), countries.get("listed"));
        for (String closed : List.of("unknown", "empty", "null-element", "stateless")) {
            assertEquals(NOBODY, countries.get(closed), closed + ": nobody");
        }
        assertEquals(4, db.unreadable() - before);
    }

    @Test
    void documentAndVehicleRestrictionsFailClosed() {
        assertEquals(NOBODY, onlyAlertCountries(db.documents("FA123456", "BRA").get(0)), "stored fa-123.456, asked FA123456");
        assertEquals(NOBODY, onlyAlertCountries(db.vehicles("QQA1234", "BRA").get(0)));
    }
}
