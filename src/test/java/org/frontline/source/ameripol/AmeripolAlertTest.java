package org.frontline.source.ameripol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.frontline.model.Alert;
import org.frontline.model.Clearance;
import org.frontline.source.UnreadableCodes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An AMERIPOL alert's access level as the need-to-know filter will see it. A level this service does
 * not know (a code the source added after us) must read as the highest, so that the alert is withheld
 * rather than shown to everyone; until 2026-11-29 AMERIPOL alone read it as UNCLASSIFIED.
 */
class AmeripolAlertTest {

    private static JsonObject alerta(String nivel) {
        return new JsonObject().put("id", 7).put("tipo", "ORDEN_CAPTURA").put("accion", "DETENER")
                .put("advertencias", new JsonArray()).put("paises", new JsonArray().add("AR"))
                .put("nivel", nivel).put("siRestringido", "OCULTAR").put("contacto", "AMERIPOL Bogotá");
    }

    private static Alert alerta(JsonObject a) {
        return AmeripolConnector.alerta(a, UnreadableCodes.UNCOUNTED);
    }

    @Test
    void knownAccessLevelsReadAsTheirClearance() {
        assertEquals(Clearance.UNCLASSIFIED, alerta(alerta("PUBLICO")).restrictions().minimumClearance());
        assertEquals(Clearance.RESTRICTED, alerta(alerta("RESERVADO")).restrictions().minimumClearance());
        assertEquals(Clearance.SECRET, alerta(alerta("SECRETO")).restrictions().minimumClearance());
    }

    @Test
    void anUnknownOrMissingAccessLevelReadsAsTheHighest() {
        Alert unknown = alerta(alerta("ULTRASECRETO"));
        assertEquals(Clearance.SECRET, unknown.restrictions().minimumClearance());
        assertEquals(Clearance.SECRET, alerta(alerta((String) null)).restrictions().minimumClearance());
    }
}
