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
        double latin = TokenSimilarity.similarity(token("Salmaan"), token("Salman"));
        assertEquals(latin, TokenSimilarity.similarity(arabic, token("Salman")));
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
        assertEquals(TokenSimilarity.ABJAD, TokenSimilarity.similarity(token("Robert"), token("Rupert")));
        assertEquals(TokenSimilarity.Kind.TRANSLITERATION,
                TokenSimilarity.kind(token("Robert"), token("Rupert"), TokenSimilarity.ABJAD));
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
