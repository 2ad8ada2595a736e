package org.frontline.cache;

import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.Clearance;
import org.frontline.model.DocumentRecord;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.NameStatistics;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonRecord;
import org.frontline.model.SafetyWarning;
import org.frontline.model.Sex;
import org.frontline.model.VehicleRecord;
import org.frontline.model.WhenRestricted;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The L2 format gives back exactly the records that went in, for every kind and every optional part,
 * with the latency the source took to give them.
 */
class RecordCodecTest {

    private final RecordCodec codec = new RecordCodec();

    static final Alert RESTRICTED = new Alert("A-12345/6-2024", AlertCategory.WANTED_FOR_ARREST, ActionToTake.ARREST,
            List.of(SafetyWarning.ARMED, SafetyWarning.VIOLENT), LocalDate.of(2024, 2, 29),
            new HandlingRestrictions(Set.of("FRA", "DEU"), Set.of("BKA"), Clearance.SECRET, "H2", WhenRestricted.CONTACT_ONLY),
            "NCB Lyon, +33 4 72 44 76 76");
    static final Alert PLAIN = new Alert("N-1", AlertCategory.MISSING_PERSON, ActionToTake.LOCATE, null, null, null, null);

    @Test
    void personsRoundTrip() {
        List<PersonRecord> in = List.of(
                new PersonRecord("123", "Mohammed", "Al-Rashid", "Mohammed Al-Rashid", List.of("Muhammad Al Rasheed", "محمد الراشد"),
                        new PartialDate(1983, 4, 12), Sex.MALE, "SYR", List.of(RESTRICTED, PLAIN)),
                new PersonRecord("EU-P-1", null, null, "AL RASHEED, Muhammad", null, PartialDate.ofYear(1983), null, null, null,
                        new NameStatistics(1_000_000L, 1_234L, Map.of("mhmd", 61_234L, "rshd", 2_000L, "l", 88_000L))),
                new PersonRecord("EU-P-2", null, null, "SMITH, Ann", null, null, null, null, null, new NameStatistics(3, 1, Map.of())),
                new PersonRecord("x", "Zoë", "Łukasiewicz-Ñúñez", "Zoë Łukasiewicz-Ñúñez", List.of(), new PartialDate(1990, 7, 0),
                        Sex.FEMALE, "XXA", List.of()));
        RecordCodec.Entry<PersonRecord> decoded = codec.decode(codec.encode(in, 37), PersonRecord.class);
        List<PersonRecord> out = decoded.records();
        assertEquals(in, out);
        assertEquals(37, decoded.latencyMs(), "the source's latency travels with its answer");
        assertEquals(61_234L, out.get(1).nameStatistics().partHolders().get("mhmd"));
        assertEquals(null, out.get(0).nameStatistics(), "a record whose source said nothing stays without statistics");
    }

    @Test
    void documentsAndVehiclesRoundTrip() {
        List<DocumentRecord> docs = List.of(
                new DocumentRecord("FRA/P4471902", "P4471902", "FRA", DocumentType.PASSPORT, "77", List.of(RESTRICTED)),
                new DocumentRecord("d2", "X1", "D", DocumentType.values()[DocumentType.values().length - 1], null, null));
        assertEquals(new RecordCodec.Entry<>(docs, 4), codec.decode(codec.encode(docs, 4), DocumentRecord.class));
        List<VehicleRecord> cars = List.of(
                new VehicleRecord("v1", "ABC 1234", "BRA", "9BWZZZ377VT004251", "VW Gol, white", List.of(PLAIN)),
                new VehicleRecord("v2", null, null, "1HGCM82633A004352", null, null));
        assertEquals(new RecordCodec.Entry<>(cars, 912_345), codec.decode(codec.encode(cars, 912_345), VehicleRecord.class));
    }

    @Test
    void noHitIsAnEmptyListAndIsSmall() {
        byte[] bytes = codec.encode(List.of(), 3);
        assertEquals(new RecordCodec.Entry<>(List.of(), 3), codec.decode(bytes, DocumentRecord.class));
        assertTrue(bytes.length < 16, "an empty answer takes " + bytes.length + " bytes");
    }

    @Test
    void foreignBytesAreRefusedNotHalfRead() {
        assertThrows(UncheckedIOException.class, () -> codec.decode("not smile".getBytes(StandardCharsets.UTF_8), PersonRecord.class));
    }

    @Test
    void otherShapesAreRefusedNotHalfRead() throws Exception {
        SmileMapper smile = new SmileMapper();
        // the v1 format (a bare list), a list without latency, and an answer followed by anything else
        for (Object other : new Object[] {List.of(), List.of(List.of()), List.of(5, List.of(), 6), java.util.Map.of("records", List.of())}) {
            byte[] bytes = smile.writeValueAsBytes(other);
            assertThrows(UncheckedIOException.class, () -> codec.decode(bytes, DocumentRecord.class), other.toString());
        }
    }
}
