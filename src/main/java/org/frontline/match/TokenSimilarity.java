package org.frontline.match;

/**
 * How alike two name parts are, 0..1, and why. The strongest applicable reason wins: equal text,
 * a known equivalent from the table, an initial, equal transliteration skeletons, equal consonants
 * against an unvocalised script, equal Double Metaphone codes, and last plain spelling distance
 * (the mean of Jaro-Winkler and normalised Levenshtein, so that short parts one letter apart are
 * not called alike as Jaro-Winkler alone would).
 */
final class TokenSimilarity {

    enum Kind {
        EQUAL("="),
        KNOWN_EQUIVALENT("(known equivalent)"),
        TRANSLITERATION("(transliteration variant)"),
        PHONETIC("(sounds alike)"),
        SPELLING("(spelling variant)"),
        INITIAL("(initial)"),
        NONE("(different)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static final double KNOWN = 0.95;
    static final double SKELETON = 0.92;
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
        if (a.skeleton.equals(b.skeleton)) {
            return a.skeleton.length() >= 4 ? SKELETON : SHORT_SKELETON;
        }
        if ((a.unvocalised || b.unvocalised) && a.unvocalised != b.unvocalised) {
            // the same skeleton on both sides: an unvocalised script's consonants against a romanisation's
            // consonants count as two romanisations with one skeleton do (cross-script parity)
            if (a.consonants.length() >= 2 && a.consonants.equals(b.consonants)) {
                // محمد against Mohammed is what Muhammad against Mohammed is: a known equivalent
                Token vocalised = a.unvocalised ? b : a;
                return vocalised.equivalenceClass >= 0 ? KNOWN : a.consonants.length() >= 3 ? SKELETON : SHORT_SKELETON;
            }
            return 0.85 * spelling(a.consonants, b.consonants);
        }
        double spelling = spelling(a.text, b.text);
        if (metaphoneAgrees(a, b)) {
            spelling = Math.max(spelling, 0.45 + 0.35 * spelling(a.skeleton, b.skeleton));
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
        if (a.skeleton.equals(b.skeleton) || (a.unvocalised != b.unvocalised && a.consonants.equals(b.consonants))) {
            return Kind.TRANSLITERATION;
        }
        if (metaphoneAgrees(a, b) && similarity > spelling(a.text, b.text)) {
            return Kind.PHONETIC;
        }
        return Kind.SPELLING;
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
