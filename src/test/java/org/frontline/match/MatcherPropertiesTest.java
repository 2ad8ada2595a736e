package org.frontline.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the name matcher over generated names: plain JUnit with a seeded generator, so a
 * failure names the seed and the case and is repeated exactly by running the test again.
 */
class MatcherPropertiesTest {

    private static final long SEED = 20_261_204L;
    private static final int CASES = 1_000;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final PersonNameMatcher matcher = PersonNameMatcher.create();

    @Test
    void scoresStayWithinBoundsAndAreSymmetric() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            String a = letters(random, 0, 20);
            String b = letters(random, 0, 20);
            double ab = matcher.nameSimilarity(a, b);
            double ba = matcher.nameSimilarity(b, a);
            String at = "case " + i + " (seed " + SEED + "): '" + a + "' / '" + b + "'";
            assertTrue(ab >= 0.0 && ab <= 1.0, at + " out of bounds: " + ab);
            assertEquals(ab, ba, 1e-9, at + " asymmetric");
        }
    }

    @Test
    void identicalNamesScoreOne() {
        Random random = new Random(SEED + 1);
        int scored = 0;
        for (int i = 0; i < CASES; i++) {
            String name = letters(random, 1, 12) + " " + letters(random, 1, 12);
            if (NameNormaliser.parts(name).isEmpty()) {
                continue;
            }
            scored++;
            double s = matcher.nameSimilarity(name, name);
            assertTrue(s >= 0.999, "case " + i + " (seed " + (SEED + 1) + "): '" + name + "' scored " + s);
        }
        assertTrue(scored > CASES / 2, "only " + scored + " of " + CASES + " generated names had parts");
    }

    /** ASCII letters only, a length in [min, max]. */
    private static String letters(Random random, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return s.toString();
    }
}
