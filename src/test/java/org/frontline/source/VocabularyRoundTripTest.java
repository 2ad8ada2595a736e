package org.frontline.source;

import org.frontline.model.ActionToTake;
import org.frontline.model.AlertCategory;
import org.frontline.model.Clearance;
import org.frontline.model.PartialDate;
import org.frontline.model.SafetyWarning;
import org.frontline.model.Sex;
import org.frontline.source.ameripol.AmeripolVocabulary;
import org.frontline.source.aseanapol.AseanapolVocabulary;
import org.frontline.source.europol.EuropolVocabulary;
import org.frontline.source.gccpol.GccpolVocabulary;
import org.frontline.source.interpol.InterpolVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The read side (connectors) and the write side (seeder, loader) share one vocabulary per source:
 * every codebook code reads to a value that writes back to the same code, except the read-only
 * aliases listed here; every code a schema's CHECK constraint allows is readable; the read path
 * never throws on a code it does not know.
 */
class VocabularyRoundTripTest {

    /** Codes read as a common value whose written code is another one (a second source code). */
    private static final Map<String, Set<String>> READ_ONLY = Map.of(
            "AmeripolVocabulary.ESTADO_VEHICULO", Set.of("HURTADO"),
            "EuropolVocabulary.VEH_STATE", Set.of("used in crime"),
            "AseanapolVocabulary.SAFETY_FLAG", Set.of("SELF_HARM"));

    record Book(String name, Codebook<?> codebook) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Book> codebooks() {
        List<Book> books = new ArrayList<>();
        for (Class<?> vocabulary : List.of(InterpolVocabulary.class, EuropolVocabulary.class, AmeripolVocabulary.class,
                AseanapolVocabulary.class, GccpolVocabulary.class, org.frontline.source.aimc.AimcVocabulary.class,
                org.frontline.source.eco.EcoVocabulary.class)) {
            for (Field f : vocabulary.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == Codebook.class) {
                    try {
                        books.add(new Book(vocabulary.getSimpleName() + "." + f.getName(), (Codebook<?>) f.get(null)));
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        assertTrue(books.size() >= 35, "every vocabulary's codebooks found: " + books);
        return books.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codebooks")
    void everyCodeRoundTrips(Book book) {
        roundTrip(book.name(), book.codebook());
    }

    private static <E extends Enum<E>> void roundTrip(String name, Codebook<E> book) {
        Set<String> readOnly = READ_ONLY.getOrDefault(name, Set.of());
        Set<String> seenReadOnly = new LinkedHashSet<>();
        for (String code : book.codes()) {
            E value = book.value(code);
            assertEquals(value, book.valueOr(code, null), name + ": " + code);
            if (book.canWrite(value) && book.code(value).equals(code)) {
                continue;
            }
            assertTrue(readOnly.contains(code), name + ": code '" + code + "' reads as " + value
                    + " but does not write back; a read-only alias must be listed in READ_ONLY");
            seenReadOnly.add(code);
        }
        assertEquals(readOnly, seenReadOnly, name + ": read-only aliases");
        // write -> read -> write is stable for every value the source can express (also the one-way "write" entries)
        for (E value : book.codes().stream().map(book::value).distinct().toList()) {
            if (book.canWrite(value)) {
                String code = book.code(value);
                assertEquals(code, book.code(book.value(code)), name + ": " + value);
            }
        }
        assertNull(book.valueOr("NO SUCH CODE", null), name);
        assertNull(book.valueOr(null, null), name);
    }

    @Test
    void listsAreReadIgnoringCaseAndDroppingUnknownCodes() {
        assertEquals(List.of(SafetyWarning.ARMED, SafetyWarning.SELF_HARM),
                EuropolVocabulary.RISK_MARKER.readAll(List.of(" ARMED ", "armed", "Self-Harm", "bogus")));
        assertEquals(List.of(SafetyWarning.VIOLENT, SafetyWarning.ESCAPE_RISK),
                EuropolVocabulary.riskMarkers("violent;;escape;unheard-of"));
        assertEquals(List.of(SafetyWarning.ESCAPE_RISK, SafetyWarning.SELF_HARM),
                AseanapolVocabulary.safetyFlags("FLIGHT_RISK|SELF_HARM|NEW_FLAG"));
        assertEquals(List.of(SafetyWarning.SELF_HARM, SafetyWarning.CONTAGIOUS),
                InterpolVocabulary.CAUTION.readAll(List.of("SUICIDAL", "CONTAGIOUS")));
        assertEquals(List.of(), GccpolVocabulary.HAZARD.readAll(null));
    }

    @Test
    void readHelpersNeverThrow() {
        assertDoesNotThrow(() -> {
            assertEquals(ActionToTake.REPORT, EuropolVocabulary.action("NEW_MEASURE"));
            assertEquals(ActionToTake.REPORT, EuropolVocabulary.action(null));
            assertEquals(ActionToTake.ARREST, EuropolVocabulary.action("EAW_ARREST"));
            assertEquals(Sex.UNKNOWN, GccpolVocabulary.sex("X"));
            assertNull(EuropolVocabulary.dateOfBirth("1971-09-03"));
            assertNull(EuropolVocabulary.dateOfBirth("31.02.1980"));
            assertNull(GccpolVocabulary.dateOfBirth("03.09.1971"));
            assertNull(AseanapolVocabulary.dateOfBirth("1985133"));
            assertNull(AseanapolVocabulary.dateOfBirth("19851340"));
            assertNull(EuropolVocabulary.country("XX"));
            assertNull(AseanapolVocabulary.country("ZZZZ"));
            assertEquals("QQQ", InterpolVocabulary.country("QQQ"));   // kept: dropping it would widen a "visible to" list
            assertEquals(Clearance.SECRET, InterpolVocabulary.MIN_CLEARANCE.valueOr("TOP SECRET", SqlSupport.UNKNOWN_CLEARANCE));
            assertEquals(AlertCategory.INFORMATION, InterpolVocabulary.NOTICE_COLOUR.valueOr("PURPLE", AlertCategory.INFORMATION));
        });
    }

    @Test
    void datesAndCountriesAndNamesReadAsTheConnectorsNeed() {
        assertEquals(PartialDate.ofYear(1985), AseanapolVocabulary.dateOfBirth("19850000"));
        assertEquals(new PartialDate(1985, 3, 0), AseanapolVocabulary.dateOfBirth("19850300"));
        assertEquals(PartialDate.ofYear(1985), AseanapolVocabulary.dateOfBirth("19850017"));   // a day without a month
        assertEquals(new PartialDate(1971, 9, 3), EuropolVocabulary.dateOfBirth("03.09.1971"));
        assertEquals(PartialDate.ofYear(1979), GccpolVocabulary.dateOfBirth("1979"));
        assertEquals("DEU", AseanapolVocabulary.country("D"));
        assertEquals("D", AseanapolVocabulary.COUNTRY.query("DEU"));
        assertEquals("D", AseanapolVocabulary.countryCode("DEU"));
        // a list with a code we cannot read is not the list without it: it restricts to nobody (VisibleTo)
        assertEquals(new VisibleTo(Set.of("DEU", "SGP"), 1), AseanapolVocabulary.memberStates("D|SGP|??"));
        assertEquals(VisibleTo.EVERYONE, AseanapolVocabulary.disseminatedTo(AseanapolVocabulary.ALL_MEMBERS, "D"));
        assertEquals(new VisibleTo(Set.of("DEU"), 0), AseanapolVocabulary.disseminatedTo(AseanapolVocabulary.LISTED_MEMBERS, "D"));
        assertEquals("UKR", EuropolVocabulary.country("ua"));
        assertEquals("UA", EuropolVocabulary.COUNTRY.query("UKR"));
        assertNull(EuropolVocabulary.COUNTRY.query("XXA"));
        assertEquals(new VisibleTo(Set.of("FRA", "KWT"), 1), GccpolVocabulary.sharedWith(List.of("FR", "KW", "QQ")));
        assertEquals("DEU", InterpolVocabulary.country("D"));
        assertEquals("Iurii SHCHERBAKOV", EuropolVocabulary.naturalName("SHCHERBAKOV, Iurii"));
        assertEquals("MADONNA", EuropolVocabulary.familyName("MADONNA"));
        assertNull(EuropolVocabulary.givenNames("MADONNA"));
        assertEquals("Khalid Saleh Hamad", GccpolVocabulary.givenNames("Khalid", "Saleh", "Hamad"));
        assertEquals("Gómez Ruiz", AmeripolVocabulary.familyName("Gómez", " Ruiz "));
    }

    /** column name to the codebook that reads it, per table. */
    private static final Map<String, Map<String, Codebook<?>>> CHECKED = Map.of(
            "interpol", Map.of("notice.colour", InterpolVocabulary.NOTICE_COLOUR,
                    "notice.requested_action", InterpolVocabulary.REQUESTED_ACTION,
                    "notice.min_clearance", InterpolVocabulary.MIN_CLEARANCE,
                    "notice.if_restricted", InterpolVocabulary.IF_RESTRICTED,
                    "sltd_document.document_type", InterpolVocabulary.DOCUMENT_TYPE,
                    "sltd_document.status", InterpolVocabulary.DOCUMENT_STATUS,
                    "notice_subject.sex", InterpolVocabulary.SEX),
            "europol", Map.of("eis_flag.measure", EuropolVocabulary.MEASURE,
                    "eis_flag.min_clearance", EuropolVocabulary.MIN_CLEARANCE,
                    "eis_flag.on_restriction", EuropolVocabulary.ON_RESTRICTION,
                    "eis_object_document.doc_kind", EuropolVocabulary.DOC_KIND,
                    "eis_object_document.doc_state", EuropolVocabulary.DOC_STATE,
                    "eis_object_vehicle.veh_state", EuropolVocabulary.VEH_STATE,
                    "eis_person.gender", EuropolVocabulary.GENDER),
            "ameripol", Map.of("alerta.tipo", AmeripolVocabulary.TIPO, "alerta.accion", AmeripolVocabulary.ACCION,
                    "alerta.nivel_acceso", AmeripolVocabulary.NIVEL_ACCESO,
                    "alerta.si_restringido", AmeripolVocabulary.SI_RESTRINGIDO,
                    "documento_viaje.tipo", AmeripolVocabulary.TIPO_DOCUMENTO,
                    "documento_viaje.estado", AmeripolVocabulary.ESTADO_DOCUMENTO,
                    "vehiculo.estado", AmeripolVocabulary.ESTADO_VEHICULO, "persona.sexo", AmeripolVocabulary.SEXO),
            "aseanapol", Map.of("watchlist_entry.entry_type", AseanapolVocabulary.ENTRY_TYPE,
                    "watchlist_entry.response_code", AseanapolVocabulary.RESPONSE_CODE,
                    "watchlist_entry.classification", AseanapolVocabulary.CLASSIFICATION,
                    "travel_document.td_type", AseanapolVocabulary.TD_TYPE,
                    "travel_document.td_status", AseanapolVocabulary.TD_STATUS,
                    "conveyance.conveyance_status", AseanapolVocabulary.CONVEYANCE_STATUS,
                    "subject.sex", AseanapolVocabulary.SEX),
            "gccpol", Map.of("gcc_circular.circular_type", GccpolVocabulary.CIRCULAR_TYPE,
                    "gcc_circular.instruction", GccpolVocabulary.INSTRUCTION,
                    "gcc_circular.clearance", GccpolVocabulary.CLEARANCE,
                    "gcc_circular.when_restricted", GccpolVocabulary.WHEN_RESTRICTED,
                    "gcc_document.document_kind", GccpolVocabulary.DOCUMENT_KIND,
                    "gcc_document.document_status", GccpolVocabulary.DOCUMENT_STATUS,
                    "gcc_vehicle.vehicle_status", GccpolVocabulary.VEHICLE_STATUS),
            "eco", Map.of("eco_notice.notice_type", org.frontline.source.eco.EcoVocabulary.NOTICE_TYPE,
                    "eco_notice.measure", org.frontline.source.eco.EcoVocabulary.MEASURE,
                    "eco_notice.grading", org.frontline.source.eco.EcoVocabulary.GRADING,
                    "eco_notice.on_restricted", org.frontline.source.eco.EcoVocabulary.ON_RESTRICTED,
                    "eco_document.doc_type", org.frontline.source.eco.EcoVocabulary.DOC_TYPE,
                    "eco_document.status", org.frontline.source.eco.EcoVocabulary.DOC_STATUS,
                    "eco_vehicle.status", org.frontline.source.eco.EcoVocabulary.VEHICLE_STATUS));

    private static final Pattern TABLE = Pattern.compile("^CREATE TABLE (\\w+)");
    private static final Pattern CHECK = Pattern.compile("^\\s*(\\w+)\\s.*CHECK \\((\\w+) IN \\(([^)]*)\\)\\)");

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void everyCodeTheSchemaAllowsIsReadAndNoOther(String source) throws IOException {
        Map<String, Codebook<?>> expected = CHECKED.get(source);
        Set<String> seen = new LinkedHashSet<>();
        String table = null;
        for (String line : schema(source).split("\n")) {
            Matcher t = TABLE.matcher(line);
            if (t.find()) {
                table = t.group(1);
            }
            Matcher c = CHECK.matcher(line);
            if (!c.find() || !c.group(1).equals(c.group(2))) {
                continue;
            }
            String column = table + "." + c.group(1);
            Set<String> allowed = new LinkedHashSet<>();
            for (String quoted : c.group(3).split(",")) {
                allowed.add(quoted.trim().replaceAll("^'|'$", ""));
            }
            Codebook<?> book = expected.get(column);
            if (book == null) {
                continue;   // not a code column (handling codes, dissemination, gender M/F) or read by a helper
            }
            seen.add(column);
            assertEquals(allowed, book.codes(), source + " " + column);
        }
        assertEquals(expected.keySet(), seen, source + ": every mapped column has a CHECK constraint");
    }

    static Stream<String> sources() {
        return Stream.of("interpol", "europol", "ameripol", "aseanapol", "gccpol", "eco");
    }

    private static String schema(String source) throws IOException {
        String path = "/db/sources/" + source + "/V1__" + source + "_schema.sql";
        try (InputStream in = VocabularyRoundTripTest.class.getResourceAsStream(path)) {
            if (in == null) {
                fail("no schema " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
