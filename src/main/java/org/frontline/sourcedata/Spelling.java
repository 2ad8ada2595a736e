package org.frontline.sourcedata;

import java.text.Normalizer;
import java.util.SplittableRandom;

/** Spelling changes records pick up between sources: diacritics dropped or expanded, typing errors. */
final class Spelling {

    private static final String NEIGHBOURS = "qwertyuiop asdfghjkl zxcvbnm";

    private Spelling() {
    }

    /** "Ouédraogo" -> "Ouedraogo", "Łukasz" -> "Lukasz", "Yılmaz" -> "Yilmaz", "Weiß" -> "Weiss". */
    static String stripDiacritics(String s) {
        StringBuilder pre = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'ß' -> pre.append("ss");
                case 'ł' -> pre.append('l');
                case 'Ł' -> pre.append('L');
                case 'ø' -> pre.append('o');
                case 'Ø' -> pre.append('O');
                case 'đ' -> pre.append('d');
                case 'Đ' -> pre.append('D');
                case 'ı' -> pre.append('i');
                case 'æ' -> pre.append("ae");
                case 'Æ' -> pre.append("AE");
                default -> pre.append(c);
            }
        }
        String decomposed = Normalizer.normalize(pre, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The German way of writing umlauts and other letters without diacritics: ü -> ue, ø -> oe, å -> aa. */
    static String germanTransliteration(String s) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'ä' -> b.append("ae");
                case 'ö', 'ø' -> b.append("oe");
                case 'ü' -> b.append("ue");
                case 'Ä' -> b.append("Ae");
                case 'Ö', 'Ø' -> b.append("Oe");
                case 'Ü' -> b.append("Ue");
                case 'å' -> b.append("aa");
                case 'Å' -> b.append("Aa");
                default -> b.append(c);
            }
        }
        return stripDiacritics(b.toString());
    }

    /**
     * One typing error in a word of four letters or more, away from its first letter: a letter
     * replaced by a keyboard neighbour, dropped, doubled, or swapped with the next one.
     */
    static String typo(String s, SplittableRandom rnd) {
        if (s.length() < 4) {
            return s;
        }
        int i = 1 + rnd.nextInt(s.length() - 2);
        char c = s.charAt(i);
        if (!Character.isLetter(c) || !Character.isLetter(s.charAt(i + 1))) {
            return s;
        }
        return switch (rnd.nextInt(4)) {
            case 0 -> s.substring(0, i) + neighbour(c, rnd) + s.substring(i + 1);
            case 1 -> s.substring(0, i) + s.substring(i + 1);
            case 2 -> s.substring(0, i) + c + s.substring(i);
            default -> s.charAt(i + 1) == c ? s
                    : s.substring(0, i) + s.charAt(i + 1) + c + s.substring(i + 2);
        };
    }

    private static char neighbour(char c, SplittableRandom rnd) {
        char lower = Character.toLowerCase(c);
        int at = NEIGHBOURS.indexOf(lower);
        if (at < 0) {
            return c;
        }
        int j = rnd.nextBoolean() ? at - 1 : at + 1;
        if (j < 0 || j >= NEIGHBOURS.length() || NEIGHBOURS.charAt(j) == ' ') {
            j = at == 0 || NEIGHBOURS.charAt(at - 1) == ' ' ? at + 1 : at - 1;
        }
        char n = NEIGHBOURS.charAt(j);
        return Character.isUpperCase(c) ? Character.toUpperCase(n) : n;
    }
}
