package org.frontline.border;

import org.frontline.model.PartialDate;
import org.frontline.model.Sex;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The specimens of ICAO Doc 9303 (parts 4 to 7), what scanners send, and what is refused. */
class MrzParserTest {

    static final Clock DECEMBER_2026 = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    static final String TD3_SPECIMEN = """
            P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
            L898902C36UTO7408122F1204159ZE184226B<<<<<10""";
    static final String TD1_SPECIMEN = """
            I<UTOD231458907<<<<<<<<<<<<<<<
            7408122F1204159UTO<<<<<<<<<<<6
            ERIKSSON<<ANNA<MARIA<<<<<<<<<<""";
    /** Doc 9303 part 5: a document number of 12 characters, continued in the optional data. */
    static final String TD1_LONG_NUMBER_SPECIMEN = """
            I<UTOD23145890<7349<<<<<<<<<<<
            7408122F1204159UTO<<<<<<<<<<<6
            ERIKSSON<<ANNA<MARIA<<<<<<<<<<""";
    static final String TD2_SPECIMEN = """
            I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<
            D231458907UTO7408122F1204159<<<<<<<6""";
    static final String MRV_A_SPECIMEN = """
            V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
            L8988901C4XXX4009078F96121096ZE184226B<<<<<<""";
    static final String MRV_B_SPECIMEN = """
            V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<
            L8988901C4XXX4009078F9612109<<<<<<<<""";

    private final MrzParser parser = new MrzParser(DECEMBER_2026);

    @Test
    void td3SpecimenReadsEveryField() {
        Mrz mrz = parser.parse(TD3_SPECIMEN);
        assertEquals(MrzFormat.TD3, mrz.format());
        assertEquals("P<", mrz.documentCode());
        assertEquals("UTO", mrz.issuer());
        assertEquals("L898902C3", mrz.documentNumber());
        assertEquals("ERIKSSON", mrz.primaryIdentifier());
        assertEquals("ANNA MARIA", mrz.secondaryIdentifier());
        assertEquals("ANNA MARIA ERIKSSON", mrz.holderName());
        assertEquals("UTO", mrz.nationality());
        assertEquals(PartialDate.parse("1974-08-12"), mrz.dateOfBirth());
        assertEquals(Sex.FEMALE, mrz.sex());
        assertEquals(LocalDate.of(2012, 4, 15), mrz.dateOfExpiry());
        assertEquals("ZE184226B", mrz.optionalData());
        assertEquals(List.of(), mrz.failedChecks());
        assertEquals(5, mrz.checks().size());
        assertTrue(mrz.expiredOn(LocalDate.now(DECEMBER_2026)));
    }

    @Test
    void td1SpecimenAndItsLongDocumentNumber() {
        Mrz mrz = parser.parse(TD1_SPECIMEN);
        assertEquals(MrzFormat.TD1, mrz.format());
        assertEquals("D23145890", mrz.documentNumber());
        assertEquals("ERIKSSON", mrz.primaryIdentifier());
        assertEquals(PartialDate.parse("1974-08-12"), mrz.dateOfBirth());
        assertEquals(List.of(), mrz.failedChecks());
        assertEquals(4, mrz.checks().size());

        Mrz longNumber = parser.parse(TD1_LONG_NUMBER_SPECIMEN);
        assertEquals("D23145890734", longNumber.documentNumber());
        assertEquals("", longNumber.optionalData());
        assertEquals(List.of(), longNumber.failedChecks());
    }

    @Test
    void td2AndVisaSpecimens() {
        Mrz td2 = parser.parse(TD2_SPECIMEN);
        assertEquals(MrzFormat.TD2, td2.format());
        assertEquals("D23145890", td2.documentNumber());
        assertEquals(List.of(), td2.failedChecks());

        Mrz a = parser.parse(MRV_A_SPECIMEN);
        assertEquals(MrzFormat.MRV_A, a.format());
        assertEquals("L8988901C", a.documentNumber());
        assertEquals("XXX", a.nationality());
        assertEquals(PartialDate.parse("1940-09-07"), a.dateOfBirth());
        assertEquals(LocalDate.of(1996, 12, 10), a.dateOfExpiry());
        assertEquals("6ZE184226B", a.optionalData());
        assertEquals(3, a.checks().size(), "a visa has no composite and no optional-data check digit");
        assertEquals(List.of(), a.failedChecks());

        Mrz b = parser.parse(MRV_B_SPECIMEN);
        assertEquals(MrzFormat.MRV_B, b.format());
        assertEquals("", b.optionalData());
        assertEquals(List.of(), b.failedChecks());
    }

    @Test
    void checkDigitsAreSevenThreeOne() {
        assertEquals(6, MrzParser.checkDigit("L898902C3"));
        assertEquals(2, MrzParser.checkDigit("740812"));
        assertEquals(9, MrzParser.checkDigit("120415"));
        assertEquals(9, MrzParser.checkDigit("D23145890734"));
        assertEquals(0, MrzParser.checkDigit("<<<<<<<<<"));
    }

    @Test
    void whatScannersSendIsTolerated() {
        Mrz clean = parser.parse(TD3_SPECIMEN);
        String[] lines = TD3_SPECIMEN.split("\n");
        String dropped = lines[0].replaceAll("<+$", "");
        List<String> sent = List.of(
                "  " + lines[0] + "\r\n" + lines[1] + "\r\n  ",
                TD3_SPECIMEN.toLowerCase(),
                lines[0] + lines[1],
                lines[0] + "   " + lines[1],
                dropped + "\n" + lines[1]);
        for (String text : sent) {
            assertEquals(clean, parser.parse(text), text);
        }
        String[] td1 = TD1_SPECIMEN.split("\n");
        assertEquals(parser.parse(TD1_SPECIMEN), parser.parse(td1[0].replaceAll("<+$", "") + "\n" + td1[1] + "\n"
                + td1[2].replaceAll("<+$", "")));
    }

    @Test
    void failedCheckDigitsAreNamedNotRefused() {
        String altered = TD3_SPECIMEN.replace("L898902C36", "L898902C46").replace("7408122", "7408132");
        Mrz mrz = parser.parse(altered);
        assertEquals(List.of(Mrz.CheckDigit.DOCUMENT_NUMBER, Mrz.CheckDigit.DATE_OF_BIRTH, Mrz.CheckDigit.COMPOSITE),
                mrz.failedChecks());
        assertEquals("L898902C4", mrz.documentNumber());
    }

    @Test
    void centuriesFollowToday() {
        // born "261205": tomorrow in 2026 is in the future, so 1926; "261203" is 2026
        Mrz tomorrow = parser.parse(new MrzWriter(MrzFormat.TD3, "P", "FRA", "X1", "DOE", "JO", "FRA", "261205", 'F',
                "301231", "", "").write());
        assertEquals(PartialDate.parse("1926-12-05"), tomorrow.dateOfBirth());
        Mrz yesterday = parser.parse(new MrzWriter(MrzFormat.TD3, "P", "FRA", "X1", "DOE", "JO", "FRA", "261203", 'F',
                "301231", "", "").write());
        assertEquals(PartialDate.parse("2026-12-03"), yesterday.dateOfBirth());
        // an expiry within 50 years either side of today
        Mrz far = parser.parse(new MrzWriter(MrzFormat.TD3, "P", "FRA", "X1", "DOE", "JO", "FRA", "800101", 'M',
                "760101", "", "").write());
        assertEquals(LocalDate.of(2076, 1, 1), far.dateOfExpiry());
        Mrz old = parser.parse(new MrzWriter(MrzFormat.TD3, "P", "FRA", "X1", "DOE", "JO", "FRA", "800101", 'M',
                "770101", "", "").write());
        assertEquals(LocalDate.of(1977, 1, 1), old.dateOfExpiry());
        // unknown day and month of birth
        Mrz yearOnly = parser.parse(new MrzWriter(MrzFormat.TD3, "P", "FRA", "X1", "DOE", "JO", "FRA", "80<<<<", '<',
                "300101", "", "").write());
        assertEquals(PartialDate.ofYear(1980), yearOnly.dateOfBirth());
        assertNull(yearOnly.sex());
        assertEquals(List.of(), yearOnly.failedChecks());
    }

    @Test
    void icaoCodesAreReadAsPrinted() {
        Mrz german = parser.parse(new MrzWriter(MrzFormat.TD1, "ID", "D", "T22000129", "MUSTERMANN", "ERIKA", "D",
                "640812", 'F', "310731", "", "").write());
        assertEquals("D", german.issuer());
        assertEquals("D", german.nationality());
        assertEquals("ID", german.documentCode());
        Mrz stateless = parser.parse(new MrzWriter(MrzFormat.TD3, "P", "GBD", "123456789", "DOE", "JOHN", "XXA",
                "800101", 'X', "300101", "", "").write());
        assertEquals("GBD", stateless.issuer());
        assertEquals("XXA", stateless.nationality());
        assertEquals(Sex.UNKNOWN, stateless.sex());
    }

    @Test
    void malformedZonesAreRefusedWithReasonsAPersonCanActOn() {
        String[] lines = TD3_SPECIMEN.split("\n");
        assertRefused("expected 2 lines", lines[0]);
        assertRefused("line 2 has 43 characters", lines[0] + "\n" + lines[1].substring(0, 43));
        assertRefused("line 1 has 45 characters", lines[0] + "<\n" + lines[1]);
        assertRefused("line 2, character 3: only A-Z, 0-9 and <", lines[0] + "\n" + "L8?8902C36UTO7408122F1204159ZE184226B<<<<<10");
        assertRefused("line 1, character 6: only A-Z, 0-9 and <", "P<UTOÉRIKSSON" + "\n" + lines[1]);
        assertRefused("date of birth: not a real date", lines[0] + "\n" + lines[1].replace("7408122", "7413122"));
        assertRefused("date of expiry: YYMMDD in digits", lines[0] + "\n" + lines[1].replace("1204159", "12O4159"));
        assertRefused("sex (line 2, character 21): M, F, X or <", lines[0] + "\n" + lines[1].replace("2F12", "2Q12"));
        assertRefused("name (line 1): a digit", lines[0].replace("ANNA", "ANN4") + "\n" + lines[1]);
        assertRefused("required", "  \r\n ");
        String[] td1 = TD1_SPECIMEN.split("\n");
        assertRefused("line 2 has 29 characters", td1[0] + "\n" + td1[1].substring(0, 29) + "\n" + td1[2]);
        assertRefused("expected 2 lines", td1[0] + "\n" + td1[1] + "\n" + td1[2] + "\n" + td1[2]);
    }

    private void assertRefused(String reason, String text) {
        MalformedMrzException e = assertThrows(MalformedMrzException.class, () -> parser.parse(text));
        assertTrue(e.reasons().stream().anyMatch(r -> r.contains(reason)), () -> e.reasons().toString());
        assertFalse(e.getMessage().contains("ERIKSSON") || e.getMessage().contains("L898902C"),
                "a refusal never echoes the zone");
    }
}
