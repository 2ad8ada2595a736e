package org.frontline.match;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weighing of kinds of difference between two spellings (issue #19): its bands and its weights. */
class VariantEvidenceTest {

    private static Token token(String s) {
        return Token.of(NameNormaliser.parts(s).get(0), Equivalences.defaults());
    }

    /** Pairs in none of the tables, of every tier of the rules: transliterations, look-alikes, typos, strangers. */
    private static final List<String[]> PAIRS = List.of(
            new String[] {"grosvenor", "grosvener"}, new String[] {"grosvenor", "grossvenor"},
            new String[] {"zubaida", "zubaydah"}, new String[] {"zubaida", "zubaidi"},
            new String[] {"tahrani", "tehrani"}, new String[] {"tahrani", "tahrawi"},
            new String[] {"farouqi", "farooqi"}, new String[] {"farouqi", "faroughi"},
            new String[] {"okonkwo", "okonquo"}, new String[] {"lukashenko", "luakshenko"},
            new String[] {"robert", "roberts"}, new String[] {"kowalczyk", "kovalchik"},
            new String[] {"szczepanski", "shchepanski"}, new String[] {"bogdanovic", "bogdanovich"},
            new String[] {"oyelaran", "oyelarin"}, new String[] {"quintero", "kintero"},
            new String[] {"blomqvist", "hendriksen"}, new String[] {"abernathy", "abernethy"});

    @Test
    void theModelMovesAPairAcrossABandOnlyTheSafeWay() {
        for (String[] p : PAIRS) {
            Token a = token(p[0]);
            Token b = token(p[1]);
            assertEquals(0, a.variantGroups.length + b.variantGroups.length, p[0] + "/" + p[1] + " is in a table");
            double rule = TokenSimilarity.rules(a, b);
            double weighed = TokenSimilarity.similarity(a, b);
            String pair = p[0] + "/" + p[1] + " rule " + rule + " weighed " + weighed;
            assertTrue(Math.abs(weighed - rule) <= 2 * VariantEvidence.SHIFT * 0.5 + 1e-9, "moved too far: " + pair);
            if (rule < VariantEvidence.PART_HIT) {
                assertTrue(weighed < VariantEvidence.PART_HIT, "lifted into a hit: " + pair);
            } else {
                assertTrue(weighed <= rule, "raised within the hits: " + pair);
            }
            if (rule >= ScoringParameters.DEFAULTS.pairCutoff()) {
                assertTrue(weighed >= ScoringParameters.DEFAULTS.pairCutoff(), "pushed out of the pairing: " + pair);
            }
            // a possible match whose consonants are those of one Arabic name stays one; one by its letters
            // only (Tahrani / Tahrawi: another consonant) may go below, as far as the pairing cutoff
            if (rule >= VariantEvidence.PART_POSSIBLE
                    && TokenSimilarity.arabicDistance(a.arabicConsonants, b.arabicConsonants) <= TokenSimilarity.ARABIC_LIMIT) {
                assertTrue(weighed >= VariantEvidence.PART_POSSIBLE, "dropped out of a possible match: " + pair);
            }
        }
    }

    @Test
    void aNisbaEndingRanksBelowTheSameNameInAnotherRomanisation() {
        // Zubaida / Zubaidi: the rules see one Arabic-script skeleton; the -i ending makes another name
        Token a = token("Zubaida");
        Token b = token("Zubaidi");
        double other = TokenSimilarity.similarity(a, b);
        double same = TokenSimilarity.similarity(a, token("Zubaydah"));
        assertTrue(other < VariantEvidence.PART_HIT, "Zubaidi " + other);
        // the same name in two romanisations is a possible match that no table joins, above the nisba
        assertTrue(same >= VariantEvidence.PART_POSSIBLE && same > other, "Zubaydah " + same + " Zubaidi " + other);
    }

    @Test
    void theBandsEdgesBendWithoutTyingTwoPairsTheModelOrders() {
        double cap = VariantEvidence.PART_HIT - 0.001;
        double previous = -1.0;
        for (double x = 0.70; x <= 1.05; x += 0.005) {
            double y = VariantEvidence.softFloor(VariantEvidence.softCap(x, cap), VariantEvidence.PART_POSSIBLE);
            assertTrue(y > previous, "not strictly increasing at " + x);
            assertTrue(y < cap && y > VariantEvidence.PART_POSSIBLE, "out of the band at " + x + ": " + y);
            previous = y;
        }
        assertEquals(0.86, VariantEvidence.softCap(0.86, cap), 1e-12);
    }

    @Test
    void theShippedWeightsKeepTheirFixedSigns() throws Exception {
        try (var in = VariantEvidence.class.getResourceAsStream("variant-evidence-weights.txt")) {
            double[] w = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .mapToDouble(l -> Double.parseDouble(l.split("\\s+")[0])).toArray();
            assertEquals(VariantEvidence.FEATURES.length, w.length);
            for (int i = 1; i < w.length; i++) {
                assertTrue(w[i] * VariantEvidence.SIGNS[i] >= 0.0,
                        VariantEvidence.FEATURES[i] + " weighs " + w[i] + " against its sign " + VariantEvidence.SIGNS[i]);
            }
            // an agreement raises the probability, a difference lowers it
            double[] same = VariantEvidence.features(token("Zubaida"), token("Zubaydah"), 0.92);
            double[] other = VariantEvidence.features(token("Zubaida"), token("Zubaidi"), 0.92);
            assertTrue(VariantEvidence.probability(same, w) > VariantEvidence.probability(other, w));
        }
    }
}
