package org.frontline.match.eval;

/** Textbook Jaro-Winkler (prefix scale 0.1, prefix up to 4) for the whole-string baseline. */
final class JaroWinkler {

    private JaroWinkler() {
    }

    static double similarity(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return la == lb ? 1.0 : 0.0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] ma = new boolean[la];
        boolean[] mb = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            for (int j = Math.max(0, i - window); j <= Math.min(lb - 1, i + window); j++) {
                if (!mb[j] && a.charAt(i) == b.charAt(j)) {
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
        int t = 0;
        for (int i = 0, j = 0; i < la; i++) {
            if (ma[i]) {
                while (!mb[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    t++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - t / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }
}
