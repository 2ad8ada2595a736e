package org.frontline.border;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every single-character change of a valid zone is noticed: it is refused as malformed, a check digit
 * fails, or what is read changes (a name, which no check digit protects, reads differently). The one
 * change that is none of these is ICAO's own equivalence: the optional data's check digit written as
 * {@code <} or as {@code 0} (a filler counts 0, in that digit and in the composite).
 */
class MrzMutationTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
    private final MrzParser parser = new MrzParser(MrzParserTest.DECEMBER_2026);

    @Test
    void everySingleCharacterChangeIsCaughtOrChangesTheReading() {
        List<String> zones = new ArrayList<>(List.of(MrzParserTest.TD3_SPECIMEN, MrzParserTest.TD1_SPECIMEN,
                MrzParserTest.TD1_LONG_NUMBER_SPECIMEN, MrzParserTest.TD2_SPECIMEN, MrzParserTest.MRV_A_SPECIMEN,
                MrzParserTest.MRV_B_SPECIMEN));
        MrzGenerator generator = new MrzGenerator(15L);
        for (MrzFormat format : MrzFormat.values()) {
            for (int i = 0; i < 10; i++) {
                zones.add(generator.next(format).write());
            }
        }
        Random random = new Random(9303L);
        int mutations = 0;
        int byCheckDigit = 0;
        int refused = 0;
        for (String zone : zones) {
            Mrz original = parser.parse(zone);
            assertEquals(List.of(), original.failedChecks(), zone);
            for (int at = 0; at < zone.length(); at++) {
                char was = zone.charAt(at);
                if (was == '\n') {
                    continue;
                }
                for (int k = 0; k < ALPHABET.length(); k++) {
                    char now = ALPHABET.charAt(k);
                    if (now == was || icaoEquivalence(original, zone, at, now)) {
                        continue;
                    }
                    String mutated = zone.substring(0, at) + now + zone.substring(at + 1);
                    mutations++;
                    Mrz read;
                    try {
                        read = parser.parse(random.nextBoolean() ? mutated : mutated.toLowerCase());
                    } catch (MalformedMrzException e) {
                        refused++;
                        continue;
                    }
                    if (!read.failedChecks().isEmpty()) {
                        byCheckDigit++;
                        continue;
                    }
                    int position = at;
                    assertTrue(!read.equals(original), () -> "unnoticed change at " + position + " to " + now + " in\n" + zone);
                }
            }
        }
        assertTrue(mutations > 100_000, "mutations: " + mutations);
        assertTrue(byCheckDigit > mutations / 4, "most changes to protected fields are caught by a check digit");
        assertTrue(refused > 0);
    }

    /** TD3's optional-data check digit: a filler and 0 are the same digit. */
    private static boolean icaoEquivalence(Mrz original, String zone, int at, char now) {
        return original.format() == MrzFormat.TD3 && at == 45 + 42
                && (zone.charAt(at) == '<' && now == '0' || zone.charAt(at) == '0' && now == '<');
    }
}
