package org.frontline.match;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * A name part with every key the comparison needs, computed once: the vowel-class skeleton, the
 * consonant key used against unvocalised scripts, Double Metaphone codes, the known-equivalence
 * class and the weight of the part as evidence.
 */
final class Token {

    private static final DoubleMetaphone DOUBLE_METAPHONE = new DoubleMetaphone();

    static {
        DOUBLE_METAPHONE.setMaxCodeLen(6);
    }

    final String text;
    final boolean particle;
    final boolean unvocalised;
    final String skeleton;
    final String consonants;
    final String metaphone;
    final String metaphoneAlt;
    final int equivalenceClass;
    final boolean common;

    private Token(NamePart part, Equivalences equivalences) {
        this.text = part.text();
        this.particle = part.particle();
        this.unvocalised = part.unvocalised();
        this.skeleton = skeleton(unvocalised ? text.replace('v', 'w') : text);
        this.consonants = consonants(skeleton);
        String primary = DOUBLE_METAPHONE.doubleMetaphone(text, false);
        String alternate = DOUBLE_METAPHONE.doubleMetaphone(text, true);
        this.metaphone = primary == null ? "" : primary;
        this.metaphoneAlt = alternate == null ? "" : alternate;
        this.equivalenceClass = equivalences.classOf(text);
        this.common = equivalences.isCommon(text);
    }

    static Token of(NamePart part, Equivalences equivalences) {
        return new Token(part, equivalences);
    }

    /** Weight as evidence of identity, before any family-name boost. */
    double baseWeight() {
        if (particle) {
            return 0.2;
        }
        if (text.length() == 1) {
            return 0.35;
        }
        return common ? 0.6 : 1.0;
    }

    /**
     * The spelling reduced to what transliterations agree on: digraphs folded (sh, kh, ph, th, dh,
     * zh/dj, tch), c/q to k, w to u and y to i, vowels reduced to three classes (a/e, i, o/u), a run
     * of vowels to its last class (ei, ai -> i; ou, iu -> u), doubled letters and a final h after a
     * vowel dropped. Mohammed, Muhammad and Mohamad share "muhamad"; Hussein and Husayn share
     * "husin"; Hassan stays "hasan" and Mahmoud "mahmud".
     */
    static String skeleton(String s) {
        String t = s.replace("chtch", "$").replace("shch", "$").replace("tsch", "C").replace("sch", "$").replace("tch", "C")
                .replace("sh", "$").replace("ch", "C").replace("kh", "h").replace("gh", "g").replace("ph", "f")
                .replace("th", "t").replace("dh", "d").replace("dzh", "j").replace("zh", "j").replace("dj", "j")
                .replace("ck", "k").replace('q', 'k').replace('c', 'k').replace("x", "ks")
                .replace('w', 'u').replace('y', 'i');
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            char mapped = switch (c) {
                case 'a', 'e' -> 'a';
                case 'i' -> 'i';
                case 'o', 'u' -> 'u';
                default -> c;
            };
            int last = out.length() - 1;
            if (last >= 0) {
                char prev = out.charAt(last);
                if (prev == mapped) {
                    continue;
                }
                if (isVowelClass(prev) && isVowelClass(mapped)) {
                    out.setCharAt(last, mapped);
                    continue;
                }
            }
            out.append(mapped);
        }
        int n = out.length();
        if (n > 2 && out.charAt(n - 1) == 'h' && isVowelClass(out.charAt(n - 2))) {
            out.setLength(n - 1);
        }
        return out.toString();
    }

    private static String consonants(String skeleton) {
        StringBuilder out = new StringBuilder(skeleton.length());
        for (int i = 0; i < skeleton.length(); i++) {
            char c = skeleton.charAt(i);
            if (!isVowelClass(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isVowelClass(char c) {
        return c == 'a' || c == 'i' || c == 'u';
    }

    @Override
    public String toString() {
        return text;
    }
}
