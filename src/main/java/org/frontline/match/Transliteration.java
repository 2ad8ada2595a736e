package org.frontline.match;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;

import java.util.EnumMap;
import java.util.Map;

/**
 * Latin transcription of one word, with the ICU transform that suits person names in its script:
 * BGN/PCGN romanisations where ICU has them, {@code Han-Latin/Names} (surname readings) for
 * Chinese characters, and {@code Any-Latin} only for scripts without a better transform.
 * ICU transliterators are not thread-safe. Rather than one shared instance per transform behind a
 * lock (every request's names would queue on it), each thread gets its own instances, made on its
 * first use of a transform: a handful of event-loop and worker threads, a dozen transforms at most.
 */
final class Transliteration {

    /** Which ICU transform romanises a script. */
    private enum Transform {
        CYRILLIC("Russian-Latin/BGN; Any-Latin"),
        ARABIC("Arabic-Latin"),
        PERSIAN("Persian-Latin/BGN; Any-Latin"),
        HEBREW("Hebrew-Latin/BGN; Any-Latin"),
        GREEK("Greek-Latin/UNGEGN; Any-Latin"),
        GEORGIAN("Georgian-Latin/BGN; Any-Latin"),
        ARMENIAN("Armenian-Latin/BGN; Any-Latin"),
        HAN("Han-Latin/Names; Any-Latin"),
        HANGUL("Hangul-Latin"),
        KANA("Katakana-Latin/BGN; Any-Latin"),
        THAANA("Maldivian-Latin/BGN; Any-Latin"),
        ETHIOPIC("Amharic-Latin/BGN; Any-Latin"),
        OTHER("Any-Latin");

        private final String id;

        Transform(String id) {
            this.id = id;
        }
    }

    private static final String TO_ASCII = "Latin-ASCII";

    /** This thread's instances: one per transform it has used, and its Latin-ASCII. */
    private static final ThreadLocal<Instances> INSTANCES = ThreadLocal.withInitial(Instances::new);

    private static final class Instances {
        private final Map<Transform, Transliterator> byTransform = new EnumMap<>(Transform.class);
        private final Transliterator toAscii = Transliterator.getInstance(TO_ASCII);

        Transliterator of(Transform transform) {
            return byTransform.computeIfAbsent(transform, t -> Transliterator.getInstance(t.id));
        }
    }

    /** The result: Latin text, and whether the source script omits short vowels. */
    record Latin(String text, boolean unvocalised) {
    }

    private Transliteration() {
    }

    static Latin toLatin(String word) {
        if (isAscii(word)) {
            // most names a source holds: nothing to romanise and nothing Latin-ASCII would change, so no ICU
            // transform runs (it was the largest share of the service's own CPU per person answer, JFR)
            return new Latin(word, false);
        }
        int script = dominantScript(word);
        Transform transform = switch (script) {
            case UScript.LATIN, UScript.COMMON, UScript.INHERITED -> null;
            case UScript.CYRILLIC -> Transform.CYRILLIC;
            case UScript.ARABIC -> looksPersian(word) ? Transform.PERSIAN : Transform.ARABIC;
            case UScript.HEBREW -> Transform.HEBREW;
            case UScript.GREEK -> Transform.GREEK;
            case UScript.GEORGIAN -> Transform.GEORGIAN;
            case UScript.ARMENIAN -> Transform.ARMENIAN;
            case UScript.HAN -> Transform.HAN;
            case UScript.HANGUL -> Transform.HANGUL;
            case UScript.KATAKANA, UScript.HIRAGANA -> Transform.KANA;
            case UScript.THAANA -> Transform.THAANA;
            case UScript.ETHIOPIC -> Transform.ETHIOPIC;
            default -> Transform.OTHER;
        };
        Instances mine = INSTANCES.get();
        String latin = transform == null ? word : mine.of(transform).transliterate(word);
        latin = mine.toAscii.transliterate(latin);
        boolean unvocalised = transform == Transform.ARABIC || transform == Transform.PERSIAN
                || transform == Transform.HEBREW || transform == Transform.THAANA;
        return new Latin(latin, unvocalised);
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The script of most letters in the word; COMMON when it has none. */
    private static int dominantScript(String word) {
        int best = UScript.COMMON;
        int bestCount = 0;
        int[] counts = new int[UScript.CODE_LIMIT];
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            int s = UScript.getScript(cp);
            if (s == UScript.COMMON || s == UScript.INHERITED) {
                continue;
            }
            if (++counts[s] > bestCount) {
                bestCount = counts[s];
                best = s;
            }
        }
        return best;
    }

    /** Letters Persian uses and Arabic does not (pe, che, zhe, gaf, Persian kaf and yeh). */
    private static boolean looksPersian(String word) {
        for (int i = 0; i < word.length(); i++) {
            switch (word.charAt(i)) {
                case '\u067E', '\u0686', '\u0698', '\u06AF', '\u06A9', '\u06CC':
                    return true;
                default:
                    break;
            }
        }
        return false;
    }
}
