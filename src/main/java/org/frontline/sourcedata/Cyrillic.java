package org.frontline.sourcedata;

import java.util.Locale;
import java.util.Map;

/**
 * Romanises Russian Cyrillic the way three administrations do, which is why one person is Yuriy
 * Shcherbakov in an English-speaking register, Iouri Chtcherbakov in a French one and Jurij
 * Schtscherbakow in a German one. Simplified forms of BGN/PCGN, the French usage and Duden.
 */
final class Cyrillic {

    enum System { ENGLISH, FRENCH, GERMAN }

    private static final String VOWELS = "аеёиоуыэюя";

    private static final Map<Character, String[]> TABLE = Map.ofEntries(
            // letter: English, French, German
            Map.entry('а', new String[] {"a", "a", "a"}),
            Map.entry('б', new String[] {"b", "b", "b"}),
            Map.entry('в', new String[] {"v", "v", "w"}),
            Map.entry('г', new String[] {"g", "g", "g"}),
            Map.entry('д', new String[] {"d", "d", "d"}),
            Map.entry('е', new String[] {"e", "e", "e"}),
            Map.entry('ё', new String[] {"yo", "io", "jo"}),
            Map.entry('ж', new String[] {"zh", "j", "sh"}),
            Map.entry('з', new String[] {"z", "z", "s"}),
            Map.entry('и', new String[] {"i", "i", "i"}),
            Map.entry('й', new String[] {"y", "ï", "j"}),
            Map.entry('к', new String[] {"k", "k", "k"}),
            Map.entry('л', new String[] {"l", "l", "l"}),
            Map.entry('м', new String[] {"m", "m", "m"}),
            Map.entry('н', new String[] {"n", "n", "n"}),
            Map.entry('о', new String[] {"o", "o", "o"}),
            Map.entry('п', new String[] {"p", "p", "p"}),
            Map.entry('р', new String[] {"r", "r", "r"}),
            Map.entry('с', new String[] {"s", "s", "s"}),
            Map.entry('т', new String[] {"t", "t", "t"}),
            Map.entry('у', new String[] {"u", "ou", "u"}),
            Map.entry('ф', new String[] {"f", "f", "f"}),
            Map.entry('х', new String[] {"kh", "kh", "ch"}),
            Map.entry('ц', new String[] {"ts", "ts", "z"}),
            Map.entry('ч', new String[] {"ch", "tch", "tsch"}),
            Map.entry('ш', new String[] {"sh", "ch", "sch"}),
            Map.entry('щ', new String[] {"shch", "chtch", "schtsch"}),
            Map.entry('ъ', new String[] {"", "", ""}),
            Map.entry('ы', new String[] {"y", "y", "y"}),
            Map.entry('ь', new String[] {"", "", ""}),
            Map.entry('э', new String[] {"e", "e", "e"}),
            Map.entry('ю', new String[] {"yu", "iou", "ju"}),
            Map.entry('я', new String[] {"ya", "ia", "ja"}));

    private Cyrillic() {
    }

    static String romanise(String cyrillic, System system) {
        String s = cyrillic.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean wordStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char prev = i == 0 ? ' ' : s.charAt(i - 1);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            String[] row = TABLE.get(c);
            if (row == null) {
                out.append(c);
                wordStart = c == ' ' || c == '-';
                continue;
            }
            String r = row[system.ordinal()];
            boolean afterVowelOrSign = wordStart || VOWELS.indexOf(prev) >= 0 || prev == 'ь' || prev == 'ъ';
            if (c == 'е' && afterVowelOrSign) {
                r = switch (system) {
                    case ENGLISH -> "ye";
                    case FRENCH -> wordStart ? "e" : "ie";
                    case GERMAN -> "je";
                };
            } else if (c == 'й' && system == System.FRENCH && (prev == 'и' || prev == 'ы') && !Character.isLetter(next)) {
                r = "";   // Юрий -> Iouri
            } else if (c == 'г' && system == System.FRENCH && "еиы".indexOf(next) >= 0) {
                r = "gu";  // Сергей -> Sergueï
            } else if (c == 'с' && system != System.ENGLISH && VOWELS.indexOf(prev) >= 0 && VOWELS.indexOf(next) >= 0) {
                r = "ss";
            } else if (c == 'в' && system == System.GERMAN && !Character.isLetter(next) && prev == 'о') {
                r = "w";
            }
            out.append(r);
            wordStart = false;
        }
        return capitalise(out.toString());
    }

    private static String capitalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean up = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(up ? Character.toUpperCase(c) : c);
            up = c == ' ' || c == '-';
        }
        return b.toString();
    }
}
