package org.frontline.match;

/**
 * How alike two name parts are, 0..1, and why. The strongest applicable reason wins: equal text,
 * a known equivalent from the hand-written table, an initial, a shared Wikidata variant group, equal
 * transliteration skeletons, the same form in Arabic script ({@link Token#abjad}), equal consonants
 * against an unvocalised script, equal Double Metaphone codes, and last spelling distance (the mean
 * of Jaro-Winkler and normalised Levenshtein, so that short parts one letter apart are not called
 * alike as Jaro-Winkler alone would), taken on the Arabic-script forms as well as on the letters.
 * For two Latin parts that no table decides, {@link VariantEvidence} then weighs the kinds of
 * difference together and moves that figure by at most 0.1 (issue #19).
 */
final class TokenSimilarity {

    enum Kind {
        EQUAL("="),
        KNOWN_EQUIVALENT("(known equivalent)"),
        KNOWN_VARIANT("(same name, transliteration variant)"),
        TRANSLITERATION("(transliteration variant)"),
        ARABIC_TRANSLITERATION("(Arabic transliteration variant)"),
        PHONETIC("(sounds alike)"),
        SPELLING("(spelling variant)"),
        INITIAL("(initial)"),
        DIFFERENT_NAME("(a different name)"),
        NONE("(different)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static final double KNOWN = 0.95;
    static final double VARIANT_GROUP = 0.94;
    /**
     * Two Latin spellings with one transliteration skeleton ({@link Token#skeleton}) or one Arabic-script
     * form ({@link Token#abjad}) that no table joins: a possible match of a one-part name, not a HIT on
     * its own (issue #19: a rule that sees only the letters cannot tell Husain / Husayn, the same name,
     * from Darin / Darwin or Mathias / Mathis, two; only the tables and the weighed evidence can). They
     * were 0.92 and 0.90, HIT tiers, and 7.7 % of the hard non-matches of the Wikidata triples reached
     * HIT. Chosen with the knobs of {@link VariantEvidence} by the two-fold cross-validation inside the
     * tuning half (loadtests/MATCHING.md): 0.92 / 0.90 against 0.89 / 0.88, 0.88 / 0.87 and 0.87 / 0.86;
     * the last leaves the model room to order the pairs below a part's HIT, so the best hard ranking.
     */
    static final double SKELETON = 0.87;
    static final double ABJAD = 0.86;
    /**
     * One skeleton across an unvocalised script (Arabic, Hebrew) and a romanisation, or within it: the
     * letters themselves agree, as far as the script writes them; unchanged (0.92).
     */
    static final double SCRIPT_SKELETON = 0.92;
    /**
     * The ceiling of two parts that are known or seen to be different names, whatever their spelling
     * distance: below the HIT threshold of a part, so that such a pair is at most a possible match.
     */
    static final double DIFFERENT_NAME = 0.84;
    /**
     * Two parts the hand-written table knows to be different names ({@link #differentNamesByHand}):
     * below the pairing cutoff ({@link ScoringParameters#pairCutoff()}, 0.6), so that they are not
     * paired and cost what a contradiction costs. At {@link #DIFFERENT_NAME} (0.84) they were paired
     * and "Al Rasheed Mahmud" scored 0.77 against "Muhammad Al Rasheed", a name that agreed.
     */
    static final double HAND_DIFFERENT_NAME = 0.5;
    /** What the letters of a pair that Arabic would not write alike pay against its Arabic-script distance. */
    static final double NOT_WRITTEN_ALIKE = 0.1;

    /**
     * One part ends in a vowel and the other in a consonant (a final h after a vowel and a silent
     * final e after a consonant left out): Helen and Helena, Ahmad and Ahmadi, Nicole and Nicolae are
     * different names (a feminine ending, a nisba), where Abdulla and Abdullah, Ousmane and Osman are not.
     */
    static boolean endingsDiffer(String a, String b) {
        return endsInVowel(a) != endsInVowel(b);
    }

    private static boolean endsInVowel(String s) {
        int n = s.length();
        if (n > 2 && s.charAt(n - 1) == 'h' && vowel(s.charAt(n - 2))) {
            n--;
        }
        if (n > 2 && s.charAt(n - 1) == 'e' && !vowel(s.charAt(n - 2))) {
            return false;
        }
        return n > 0 && vowel(s.charAt(n - 1));
    }

    private static boolean vowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    /**
     * Spelling distance, on the letters and on the Arabic-script forms ({@link Token#abjad}), less a
     * toll for not being written alike; a different consonant skeleton keeps it below a part's HIT.
     */
    private static double spellingDistance(Token a, Token b) {
        double spelling = spelling(a.text, b.text);
        spelling = Math.max(spelling, spelling(a.abjad, b.abjad) - NOT_WRITTEN_ALIKE);
        if (!consonantsOf(a.abjad).equals(consonantsOf(b.abjad))) {
            spelling = Math.min(spelling, DIFFERENT_NAME);
        }
        return spelling;
    }

    /**
     * The cost of turning one part's {@link Token#arabicConsonants} into the other's: a consonant
     * that romanisations of one Arabic letter spell differently costs {@link #CHEAP_CONSONANT} (th as t
     * or s, dh as d or z, d as z as Turkish and Persian write ض: Ramadan / Ramazan, q as k or g, g as j,
     * j as y, kh as h), and so does an h left out (Ohlsson / Olsson, Fatimah); a left-out first vowel
     * costs half, any other consonant added, dropped or changed one. The costs are written from the
     * romanisation conventions; which of them to make cheap (d / z and h, 0.5 before) was checked by the
     * two-fold cross-validation inside the tuning half (loadtests/MATCHING.md), which each raised.
     */
    static double arabicDistance(String a, String b) {
        int la = a.length();
        int lb = b.length();
        double[] prev = new double[lb + 1];
        double[] cur = new double[lb + 1];
        for (int j = 1; j <= lb; j++) {
            prev[j] = prev[j - 1] + indel(b.charAt(j - 1));
        }
        for (int i = 1; i <= la; i++) {
            char x = a.charAt(i - 1);
            cur[0] = prev[0] + indel(x);
            for (int j = 1; j <= lb; j++) {
                char y = b.charAt(j - 1);
                cur[j] = Math.min(Math.min(cur[j - 1] + indel(y), prev[j] + indel(x)), prev[j - 1] + substitution(x, y));
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[lb];
    }

    /** One consonant spelt two ways by the romanisations of one Arabic letter. */
    static final double CHEAP_CONSONANT = 0.3;

    private static double indel(char c) {
        return c == 'A' ? 0.5 : c == 'h' ? CHEAP_CONSONANT : 1.0;
    }

    private static double substitution(char x, char y) {
        if (x == y) {
            return 0.0;
        }
        String pair = x < y ? "" + x + y : "" + y + x;
        return switch (pair) {
            case "Tt", "Ts", "Dd", "Dz", "dz", "gk", "gj", "jy", "hx" -> CHEAP_CONSONANT;
            case "sz", "kx" -> 0.5;
            default -> 1.0;
        };
    }

    /**
     * The tier of two parts whose consonants are those of one Arabic name, at most one cheap
     * difference apart ({@link #arabicDistance}), and which no table decides: Kadhim / Kazem, Tarak /
     * Tariq, Cherif / Sharif, Emad / Imed. A possible match for a one-part name, never a HIT on its
     * own ({@link #DIFFERENT_NAME} is the ceiling): the vowels are what tells many Arabic names apart.
     */
    static final double ARABIC_LIMIT = CHEAP_CONSONANT;
    static final double ARABIC_CONSONANTS = DIFFERENT_NAME;

    static String consonantsOf(String abjad) {
        StringBuilder out = new StringBuilder(abjad.length());
        for (int i = 0; i < abjad.length(); i++) {
            char c = abjad.charAt(i);
            if (c != 'a' && c != 'i' && c != 'u') {
                out.append(c);
            }
        }
        return out.toString();
    }
    static final double SHORT_SKELETON = 0.85;
    static final double INITIAL = 0.8;

    private TokenSimilarity() {
    }

    static double similarity(Token a, Token b) {
        if (a.text.equals(b.text)) {
            return 1.0;
        }
        if (a.equivalenceClass >= 0 && a.equivalenceClass == b.equivalenceClass) {
            return KNOWN;
        }
        int la = a.text.length();
        int lb = b.text.length();
        if (la == 1 || lb == 1) {
            return a.text.charAt(0) == b.text.charAt(0) ? INITIAL : 0.0;
        }
        if (sharesVariantGroup(a, b)) {
            return VARIANT_GROUP;
        }
        if (differentNamesByHand(a, b)) {
            return HAND_DIFFERENT_NAME;
        }
        double rule = rules(a, b);
        if (a.unvocalised || b.unvocalised) {
            return rule;
        }
        double weighed = VariantEvidence.similarity(a, b, rule);
        if (knownToDiffer(a, b)) {
            // both are known names and the tables say they are not the same one: Hasan is not Husain
            return Math.min(DIFFERENT_NAME, weighed);
        }
        return weighed;
    }

    /**
     * Both parts are in the hand-written table ({@code name-equivalences.txt}), in different classes:
     * written to hold only spellings of one name each, it says these are two names (Mahmud and
     * Muhammad, Hasan and Husain, Jamal and Jamil), however few letters tell them apart. Such parts
     * contradict each other as two unrelated parts do; they are not paired as a spelling variant.
     */
    static boolean differentNamesByHand(Token a, Token b) {
        return a.equivalenceClass >= 0 && b.equivalenceClass >= 0 && a.equivalenceClass != b.equivalenceClass;
    }

    /** Both parts are in the tables (the hand-written classes or the variant groups), and not in one entry. */
    static boolean knownToDiffer(Token a, Token b) {
        return (a.equivalenceClass >= 0 && b.equivalenceClass >= 0)
                || (a.variantGroups.length > 0 && b.variantGroups.length > 0);
    }

    /**
     * The hand-written rules' similarity of two parts that are neither equal, nor known equivalents,
     * nor initials, nor in one variant group: the tiers of skeleton, Arabic-script form, consonants
     * against an unvocalised script, Double Metaphone and spelling distance. For two vocalised parts
     * it is one feature of {@link VariantEvidence}, which decides.
     */
    static double rules(Token a, Token b) {
        if (!a.unvocalised && !b.unvocalised) {
            if ((a.equivalenceClass >= 0 && b.equivalenceClass >= 0)
                    || (a.variantGroups.length > 0 && b.variantGroups.length > 0)) {
                // both are known names and the tables say they are not the same one: Hasan is not Husain
                return Math.min(DIFFERENT_NAME, spellingDistance(a, b));
            }
            if (endingsDiffer(a.text, b.text)) {
                return Math.min(DIFFERENT_NAME, spellingDistance(a, b));
            }
        }
        if (a.skeleton.equals(b.skeleton)) {
            return a.skeleton.length() < 4 ? SHORT_SKELETON : a.unvocalised || b.unvocalised ? SCRIPT_SKELETON : SKELETON;
        }
        if (!a.unvocalised && !b.unvocalised && a.abjad.length() >= 3 && a.abjad.equals(b.abjad)) {
            return ABJAD;
        }
        if ((a.unvocalised || b.unvocalised) && a.unvocalised != b.unvocalised) {
            // the same skeleton on both sides: an unvocalised script's consonants against a romanisation's
            // consonants count as two romanisations with one skeleton do (cross-script parity)
            if (a.consonants.length() >= 2 && a.consonants.equals(b.consonants)) {
                // محمد against Mohammed is what Muhammad against Mohammed is: a known equivalent
                Token vocalised = a.unvocalised ? b : a;
                return vocalised.equivalenceClass >= 0 ? KNOWN : a.consonants.length() >= 3 ? SCRIPT_SKELETON : SHORT_SKELETON;
            }
            return 0.85 * spelling(a.consonants, b.consonants);
        }
        double spelling = spelling(a.text, b.text);
        if (metaphoneAgrees(a, b)) {
            spelling = Math.max(spelling, 0.45 + 0.35 * spelling(a.skeleton, b.skeleton));
        }
        if (!a.unvocalised && !b.unvocalised) {
            spelling = Math.min(Math.max(spelling, spellingDistance(a, b)),
                    consonantsOf(a.abjad).equals(consonantsOf(b.abjad)) ? 1.0 : DIFFERENT_NAME);
            if (a.arabicConsonants.length() >= 2 && b.arabicConsonants.length() >= 2
                    && arabicDistance(a.arabicConsonants, b.arabicConsonants) <= ARABIC_LIMIT) {
                spelling = Math.max(spelling, Math.min(ARABIC_CONSONANTS, DIFFERENT_NAME));
            }
        }
        return spelling;
    }

    static Kind kind(Token a, Token b, double similarity) {
        if (a.text.equals(b.text)) {
            return Kind.EQUAL;
        }
        if (similarity == KNOWN && (a.equivalenceClass >= 0 && a.equivalenceClass == b.equivalenceClass
                || a.unvocalised != b.unvocalised)) {
            return Kind.KNOWN_EQUIVALENT;
        }
        if (a.text.length() == 1 || b.text.length() == 1) {
            return similarity > 0 ? Kind.INITIAL : Kind.NONE;
        }
        if (differentNamesByHand(a, b)) {
            return Kind.DIFFERENT_NAME;
        }
        if (similarity == VARIANT_GROUP && sharesVariantGroup(a, b)) {
            return Kind.KNOWN_VARIANT;
        }
        if (a.skeleton.equals(b.skeleton) || (a.unvocalised != b.unvocalised && a.consonants.equals(b.consonants))
                || (a.abjad.length() >= 3 && a.abjad.equals(b.abjad))) {
            return Kind.TRANSLITERATION;
        }
        if (!a.unvocalised && !b.unvocalised && similarity >= VariantEvidence.PART_POSSIBLE
                && a.arabicConsonants.length() >= 2 && b.arabicConsonants.length() >= 2
                && arabicDistance(a.arabicConsonants, b.arabicConsonants) <= ARABIC_LIMIT) {
            return Kind.ARABIC_TRANSLITERATION;
        }
        if (metaphoneAgrees(a, b) && similarity > spelling(a.text, b.text)) {
            return Kind.PHONETIC;
        }
        return Kind.SPELLING;
    }

    private static boolean sharesVariantGroup(Token a, Token b) {
        int[] x = a.variantGroups;
        int[] y = b.variantGroups;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                return true;
            }
            if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    private static boolean metaphoneAgrees(Token a, Token b) {
        return !a.metaphone.isEmpty() && (a.metaphone.equals(b.metaphone) || a.metaphone.equals(b.metaphoneAlt)
                || a.metaphoneAlt.equals(b.metaphone));
    }

    static double spelling(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        double lev = 1.0 - (double) levenshtein(a, b) / Math.max(a.length(), b.length());
        return 0.5 * jaroWinkler(a, b) + 0.5 * lev;
    }

    static double jaroWinkler(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] ma = new boolean[la];
        boolean[] mb = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            char c = a.charAt(i);
            for (int j = from; j <= to; j++) {
                if (!mb[j] && b.charAt(j) == c) {
                    ma[i] = true;
                    mb[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < la; i++) {
            if (ma[i]) {
                while (!mb[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        for (int i = 0; i < Math.min(4, Math.min(la, lb)) && a.charAt(i) == b.charAt(i); i++) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }

    static int levenshtein(String a, String b) {
        int lb = b.length();
        int[] prev = new int[lb + 1];
        int[] cur = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            char c = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                int cost = c == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[lb];
    }
}
