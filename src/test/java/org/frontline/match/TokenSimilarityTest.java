package org.frontline.match;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenSimilarityTest {

    private static Token token(String s) {
        return Token.of(NameNormaliser.parts(s).get(0), Equivalences.defaults());
    }

    @Test
    void skeletonsJoinTransliterationsButNotDifferentNames() {
        assertEquals(Token.skeleton("mohammed"), Token.skeleton("muhammad"));
        assertEquals(Token.skeleton("hussein"), Token.skeleton("husayn"));
        assertNotEquals(Token.skeleton("hassan"), Token.skeleton("hussein"));
        assertNotEquals(Token.skeleton("mahmoud"), Token.skeleton("muhammad"));
    }

    @Test
    void tableEquivalentsAreKnown() {
        Token a = token("Iouri");
        Token b = token("Yuriy");
        assertEquals(TokenSimilarity.KNOWN, TokenSimilarity.similarity(a, b));
        assertEquals(TokenSimilarity.Kind.KNOWN_EQUIVALENT, TokenSimilarity.kind(a, b, TokenSimilarity.similarity(a, b)));
    }

    @Test
    void unvocalisedPartsMatchOnConsonantsAsTwoRomanisationsDo() {
        Token arabic = token("سلمان");
        // cross-script parity: the Arabic spelling against a romanisation scores as two romanisations
        // with one skeleton do (Salman / Salmaan)
        // (the Latin pair no table joins stays below a part's HIT since issue #19; the letters of the
        // script itself, as far as it writes them, keep the skeleton's old tier)
        double latin = TokenSimilarity.similarity(token("Salmaan"), token("Salman"));
        assertEquals(TokenSimilarity.SCRIPT_SKELETON, TokenSimilarity.similarity(arabic, token("Salman")));
        assertTrue(latin >= VariantEvidence.PART_POSSIBLE && latin < TokenSimilarity.SCRIPT_SKELETON, "latin " + latin);
        assertTrue(TokenSimilarity.similarity(arabic, token("Sultan")) < TokenSimilarity.SHORT_SKELETON);
    }

    @Test
    void jaroWinklerAndLevenshteinAreTextbook() {
        assertEquals(0.961, TokenSimilarity.jaroWinkler("martha", "marhta"), 0.001);
        assertEquals(3, TokenSimilarity.levenshtein("kitten", "sitting"));
    }

    @Test
    void assignmentFindsTheBestPairing() {
        int[] a = Assignment.maximise(new double[][] {{0.9, 0.8}, {0.85, 0.0}});
        assertEquals(1, a[0]);
        assertEquals(0, a[1]);
    }

    @Test
    void theArabicScriptFormJoinsWhatArabicWritesAlike() {
        // روبرت: Arabic has no p, and writes o and u alike
        assertEquals(Token.abjad("robert"), Token.abjad("rupert"));
        assertEquals(TokenSimilarity.ABJAD, TokenSimilarity.rules(token("Robert"), token("Rupert")));
        double s = TokenSimilarity.similarity(token("Robert"), token("Rupert"));
        assertTrue(s >= VariantEvidence.PART_POSSIBLE && s < VariantEvidence.PART_HIT, "similarity " + s);
        assertEquals(TokenSimilarity.Kind.TRANSLITERATION, TokenSimilarity.kind(token("Robert"), token("Rupert"), s));
        assertEquals(Token.abjad("christie"), Token.abjad("kristi"));
        // one more consonant is another name, however close the letters
        assertTrue(TokenSimilarity.similarity(token("Robert"), token("Roberts")) <= TokenSimilarity.DIFFERENT_NAME);
        assertNotEquals(Token.abjad("cheng"), Token.abjad("cheung"));
    }

    @Test
    void aWikidataVariantGroupIsTheSameNameAndSaysSo() {
        Token a = token("Ousmane");
        Token b = token("Osman");
        assertEquals(TokenSimilarity.VARIANT_GROUP, TokenSimilarity.similarity(a, b));
        assertEquals(TokenSimilarity.Kind.KNOWN_VARIANT, TokenSimilarity.kind(a, b, TokenSimilarity.similarity(a, b)));
        assertEquals("(same name, transliteration variant)", TokenSimilarity.Kind.KNOWN_VARIANT.label);
    }

    @Test
    void theConsonantsOfOneArabicNameAreAPossibleMatchNeverAHit() {
        // in none of the tables: ناظم and ظاهر: dh and z are one letter; شفيق: the French ch and the English
        // sh (شاكر), dh and z (فاضل); هيثم: th and s
        for (String[] p : new String[][] {{"Nadhim", "Nazim"}, {"Dhaher", "Zaher"}, {"Chaker", "Shakir"}, {"Fadhel", "Fazel"}, {"Haitham", "Haisam"}}) {
            Token a = token(p[0]);
            Token b = token(p[1]);
            double s = TokenSimilarity.similarity(a, b);
            assertTrue(s >= VariantEvidence.PART_POSSIBLE && s < VariantEvidence.PART_HIT, p[0] + "/" + p[1] + " " + s);
            TokenSimilarity.Kind kind = TokenSimilarity.kind(a, b, s);
            // (Chaker / Shakir have one Arabic-script form as well: a transliteration variant either way)
            assertTrue(kind == TokenSimilarity.Kind.ARABIC_TRANSLITERATION || kind == TokenSimilarity.Kind.TRANSLITERATION,
                    p[0] + "/" + p[1] + " " + kind);
        }
        assertEquals(TokenSimilarity.Kind.ARABIC_TRANSLITERATION,
                TokenSimilarity.kind(token("Nadhim"), token("Nazim"), TokenSimilarity.similarity(token("Nadhim"), token("Nazim"))));
        assertEquals(0.3, TokenSimilarity.arabicDistance(Token.arabicConsonants("nadhim"), Token.arabicConsonants("nazim")), 1e-9);
        // another consonant is another name: Nadhim is not Nasim, Mahmud not Muhammad (the table)
        assertTrue(TokenSimilarity.similarity(token("Nadhim"), token("Nasim")) < VariantEvidence.PART_POSSIBLE);
        assertTrue(TokenSimilarity.similarity(token("Mahmud"), token("Muhammad")) < ScoringParameters.DEFAULTS.pairCutoff());
        assertEquals(TokenSimilarity.Kind.DIFFERENT_NAME,
                TokenSimilarity.kind(token("Mahmud"), token("Muhammad"), TokenSimilarity.HAND_DIFFERENT_NAME));
    }

    @Test
    void knownDifferentNamesAndDifferentEndingsStayBelowAPartsHit() {
        // both in the table, in different classes: Hasan is not Husain; Hussein is Husain
        assertTrue(TokenSimilarity.similarity(token("Hasan"), token("Husain")) <= TokenSimilarity.DIFFERENT_NAME);
        assertEquals(TokenSimilarity.KNOWN, TokenSimilarity.similarity(token("Hussein"), token("Husain")));
        // a feminine ending or a nisba makes another name; an Arabic -ah or a French silent e does not
        assertTrue(TokenSimilarity.similarity(token("Helen"), token("Helena")) <= TokenSimilarity.DIFFERENT_NAME);
        assertTrue(TokenSimilarity.similarity(token("Ahmad"), token("Ahmadi")) <= TokenSimilarity.DIFFERENT_NAME);
        assertTrue(TokenSimilarity.endingsDiffer("nicole", "nicolae"));
        assertTrue(!TokenSimilarity.endingsDiffer("fatima", "fatimah"));
        assertTrue(!TokenSimilarity.endingsDiffer("ousmane", "osman"));
    }
}
