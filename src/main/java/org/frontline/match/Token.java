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
    final int[] variantGroups;
    final String abjad;
    /** The consonants as Arabic would carry them ({@link #arabicConsonants}); compared by {@link TokenSimilarity#arabicDistance}. */
    final String arabicConsonants;
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
        this.variantGroups = equivalences.variantGroupsOf(text);
        this.abjad = unvocalised ? consonants : abjad(text);
        this.arabicConsonants = arabicConsonants(unvocalised ? text.replace('v', 'w') : text);
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

    /**
     * The spelling as Arabic script would write it, which is where the transliterations of one name
     * part meet: letters that Arabic does not tell apart are one (p and b, v and f, z and s, soft c and
     * s, soft g and j), the digraphs folded (sh, ch, sch, tch and x to one sibilant; kh to h, gh to g,
     * ph to f, th to t, dh to d, ck, q and hard c to k), doubled letters single, a silent final e and a
     * final h after a vowel dropped; vowels as Arabic writes a foreign name's: e, i and y as one (ي),
     * o, u and w as one (و), a left as a mere vowel mark, and a run of vowels as its last written
     * class. Robert and Rupert are روبرت both; Roberts is not. Christie (chr: k) and Kristi meet;
     * Cheung (one more و) and Cheng do not.
     */
    static String abjad(String s) {
        String t = s.replace("sch", "$").replace("tch", "$").replace("tsh", "$").replace("chr", "kr").replace("chl", "kl")
                .replace("ch", "$").replace("sh", "$").replace("dzh", "j").replace("zh", "j").replace("dj", "j")
                .replace('x', '$').replace("ph", "f").replace("kh", "h").replace("gh", "g").replace("th", "t")
                .replace("dh", "d").replace("ck", "k").replace("qu", "k").replace('q', 'k');
        StringBuilder soft = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            char next = i + 1 < t.length() ? t.charAt(i + 1) : ' ';
            boolean front = next == 'e' || next == 'i' || next == 'y';
            soft.append(switch (c) {
                case 'c' -> front ? 's' : 'k';
                case 'g' -> front ? 'j' : 'g';
                case 'p' -> 'b';
                case 'v' -> 'f';
                case 'w' -> 'u';
                case 'z' -> 's';
                default -> c;
            });
        }
        String u = soft.toString().replace("ts", "s");
        StringBuilder single = new StringBuilder(u.length());
        for (int i = 0; i < u.length(); i++) {
            if (i == 0 || u.charAt(i) != u.charAt(i - 1)) {
                single.append(u.charAt(i));
            }
        }
        int n = single.length();
        if (n > 2 && single.charAt(n - 1) == 'h' && isVowel(single.charAt(n - 2))) {
            single.setLength(--n);
        }
        if (n > 2 && single.charAt(n - 1) == 'e' && !isVowel(single.charAt(n - 2))) {
            single.setLength(--n);
        }
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = single.charAt(i);
            char mapped = switch (c) {
                case 'e', 'i', 'y' -> 'i';
                case 'o', 'u' -> 'u';
                default -> c;
            };
            int last = out.length() - 1;
            if (last >= 0 && isVowelClass(out.charAt(last)) && isVowelClass(mapped)) {
                // a run of vowels: its written class wins over a mere a; i or u, the last one
                if (mapped != 'a') {
                    out.setCharAt(last, mapped);
                }
                continue;
            }
            if (last >= 0 && out.charAt(last) == mapped) {
                continue;
            }
            out.append(mapped);
        }
        return out.toString();
    }

    /**
     * The consonants of a romanised name as the Arabic letters behind them would be, vowels left out
     * (Arabic writes short vowels not at all and long ones as letters that romanisations spell as
     * vowels: ou, oo, ee, w, y): the digraphs folded to one letter each (sh, ch, sch: S; th: T, the
     * letter that is th, s or t by tradition; dh: D, which is dh, z or d; kh: x; gh: g; ph: f), q and hard c
     * as k, soft c as s, p as b, v as f, j, dj, zh as j; a final h after a vowel left out (-a, -ah); a
     * first vowel as A (alef or ain); ij before a vowel as i; doubled letters single. Kadhim and Kazem are k D m and k z m, one
     * cheap difference ({@link TokenSimilarity#arabicDistance}); Radwan and Redouane are both r d n.
     */
    private static final java.util.regex.Pattern IJ_GLIDE = java.util.regex.Pattern.compile("ij(?=[aeiou])");

    static String arabicConsonants(String s) {
        String t = s.replace("tsch", "S").replace("sch", "S").replace("tch", "S").replace("sh", "S").replace("ch", "S")
                .replace("kh", "x").replace("gh", "g").replace("th", "T").replace("dh", "D").replace("ph", "f")
                .replace("ck", "k").replace("qu", "k").replace('q', 'k').replace("dzh", "j").replace("dj", "j")
                .replace("zh", "j").replace("x", "ks");
        // the Croatian, Serbian and Dutch glide: Danijel, Andrija, Kristijan are Daniel, Andrea, Christian
        t = IJ_GLIDE.matcher(t).replaceAll("i");
        int n = t.length();
        if (n > 2 && t.charAt(n - 1) == 'h' && isVowel(t.charAt(n - 2))) {
            t = t.substring(0, n - 1);
        }
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            char next = i + 1 < t.length() ? t.charAt(i + 1) : ' ';
            char mapped;
            if (i == 0 && (isVowel(c) || c == 'w') && c != 'y') {
                mapped = 'A';
            } else if (i == 0 && c == 'y') {
                mapped = 'y';
            } else if (isVowel(c) || c == 'w' || c == '\'') {
                continue;
            } else {
                mapped = switch (c) {
                    case 'c' -> next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
                    case 'p' -> 'b';
                    case 'v' -> 'f';
                    default -> c;
                };
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) == mapped) {
                continue;
            }
            out.append(mapped);
        }
        return out.toString();
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
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
