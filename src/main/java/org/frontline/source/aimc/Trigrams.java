package org.frontline.source.aimc;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The trigram similarity PostgreSQL's pg_trgm computes ({@code similarity(a, b)}): each word (a run of
 * letters and digits) padded with two spaces before and one after, its three-character windows as a
 * set, and the shared share of the two sets. MariaDB has no such operator: the AIMC connector ranks the
 * rows its name-key look-up returns with this, so that a candidate ranks there as it would in a
 * PostgreSQL source.
 */
final class Trigrams {

    private Trigrams() {
    }

    static double similarity(String a, String b) {
        Set<String> x = of(a);
        Set<String> y = of(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String t : x) {
            if (y.contains(t)) {
                common++;
            }
        }
        return (double) common / (x.size() + y.size() - common);
    }

    static Set<String> of(String text) {
        Set<String> out = new HashSet<>();
        if (text == null) {
            return out;
        }
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            int[] cps = padded.codePoints().toArray();
            for (int i = 0; i + 3 <= cps.length; i++) {
                out.add(new String(cps, i, 3));
            }
        }
        return out;
    }
}
