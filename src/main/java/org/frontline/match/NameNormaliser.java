package org.frontline.match;

import com.ibm.icu.lang.UCharacter;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a person name as typed, printed or recorded into comparable parts.
 *
 * <p>Steps, in order: Unicode NFKC and full case folding; per word, romanisation with the ICU
 * transform suited to names in its script (BGN/PCGN for Cyrillic, Persian, Greek..., the surname
 * readings of {@code Han-Latin/Names} for Chinese characters, {@code Any-Latin} only as a last
 * resort), then {@code Latin-ASCII} and removal of any remaining diacritics; apostrophes and ayn/hamza
 * signs vanish ({@code MU'TASSIM} = {@code mutassim}); hyphens, dots and commas separate parts;
 * honorifics are dropped (Mr, Dr, Sheikh, Hajji...) unless nothing else is left; the Arabic
 * {@code abd} compounds are joined into one canonical part ({@code Abdel Rahman}, {@code Abd
 * al-Rahman}, {@code Abdurrahman} and {@code Abdirahman} all become {@code abdulrahman}); and
 * connectors and articles (al, bin, ibn, abu, van, der, de, la, dos...) are kept but flagged as
 * particles. The result is deterministic and has no state.
 */
public final class NameNormaliser {

    private static final Set<String> PARTICLES = Set.of(
            "al", "el", "ul", "ur", "ud", "ad", "ar", "as", "an", "az", "ash", "at", "bin", "ibn", "ben", "bint",
            "bn", "abu", "abou", "abo", "ould", "wuld", "ag", "van", "von", "der", "den", "de", "la", "le", "da",
            "das", "dos", "do", "du", "di", "del", "della", "dela", "des", "zu", "ter", "ten", "y", "e", "mac");

    private static final Set<String> HONORIFICS = Set.of(
            "mr", "mrs", "ms", "miss", "mme", "mlle", "dr", "prof", "sir", "lord", "lady", "sheikh", "shaikh",
            "sheik", "shaykh", "cheikh", "haji", "hajji", "hadji", "hajj", "alhaj", "alhaji", "alhajji", "mullah",
            "mulla", "maulana", "maulvi", "mawlawi", "mawlavi", "moulvi", "qari", "president", "gen", "general",
            "col", "colonel", "capt", "captain", "herr", "frau", "senor", "sra", "sr", "dona", "gospodin");

    /** Words that begin an abd compound when written apart: abd / abdul / abdel ... + (article) + name. */
    private static final Set<String> ABD_HEADS = Set.of(
            "abd", "abdu", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdur", "abdar", "abder", "abdus",
            "abdas", "bd");

    private static final Set<String> ARTICLES = Set.of(
            "al", "el", "ul", "ol", "ar", "ur", "er", "as", "us", "es", "an", "un", "ad", "ud", "az", "uz", "ash",
            "at", "ut");

    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u2018\u02BC\u02BB\u02BF\u02BE`\u00B4\u02C8]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s,;:/()\\[\\]\"]+");

    private NameNormaliser() {
    }

    /** The parts of a name, in their written order; empty for null or a name without letters. */
    public static List<NamePart> parts(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String folded = UCharacter.foldCase(Normalizer.normalize(name, Normalizer.Form.NFKC), true);
        List<String> words = new ArrayList<>();
        List<Boolean> unvocalised = new ArrayList<>();
        for (String word : WORD_SEPARATORS.split(folded)) {
            if (word.isEmpty()) {
                continue;
            }
            Transliteration.Latin latin = Transliteration.toLatin(word);
            String ascii = MARKS.matcher(Normalizer.normalize(latin.text(), Normalizer.Form.NFD)).replaceAll("");
            ascii = APOSTROPHES.matcher(ascii.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
            for (String token : NOT_ALNUM.split(ascii)) {
                if (token.isEmpty()) {
                    continue;
                }
                if (latin.unvocalised() && token.startsWith("al") && token.length() >= 5) {
                    words.add("al");
                    unvocalised.add(true);
                    token = token.substring(2);
                }
                words.add(token);
                unvocalised.add(latin.unvocalised());
            }
        }
        dropHonorifics(words, unvocalised);
        joinAbdCompounds(words, unvocalised);
        List<NamePart> parts = new ArrayList<>(words.size());
        boolean allParticles = words.stream().allMatch(PARTICLES::contains);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            parts.add(new NamePart(w, !allParticles && PARTICLES.contains(w), unvocalised.get(i)));
        }
        return List.copyOf(parts);
    }

    /** The parts joined by single spaces: a canonical key for the name. */
    public static String normalise(String name) {
        StringBuilder sb = new StringBuilder();
        for (NamePart p : parts(name)) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(p.text());
        }
        return sb.toString();
    }

    /** True for connectors and articles such as al, bin, van, de. */
    static boolean isParticle(String token) {
        return PARTICLES.contains(token);
    }

    private static void dropHonorifics(List<String> words, List<Boolean> flags) {
        if (words.stream().allMatch(HONORIFICS::contains)) {
            return;
        }
        for (int i = words.size() - 1; i >= 0; i--) {
            // a word romanised from Arabic or Hebrew script is a name, not a Latin title: عمر (Omar) reads mr
            if (HONORIFICS.contains(words.get(i)) && !flags.get(i)) {
                words.remove(i);
                flags.remove(i);
            }
        }
    }

    private static void joinAbdCompounds(List<String> words, List<Boolean> flags) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (ABD_HEADS.contains(w) && i + 1 < words.size() && (!w.equals("bd") || flags.get(i))) {
                int j = i + 1;
                if (ARTICLES.contains(words.get(j)) && j + 1 < words.size()) {
                    j++;
                }
                String rest = words.get(j);
                if (PARTICLES.contains(rest) || HONORIFICS.contains(rest) || rest.length() < 2) {
                    continue;
                }
                boolean unvoc = flags.get(i) && flags.get(j);
                words.set(i, canonicalAbd("abdul" + rest));
                flags.set(i, unvoc);
                for (int k = j; k > i; k--) {
                    words.remove(k);
                    flags.remove(k);
                }
            } else if (w.startsWith("abd") && w.length() > 5) {
                words.set(i, canonicalAbd(w));
            }
        }
    }

    /**
     * abdelaziz, abdulaziz, abdalaziz -> abdulaziz; abdurrahman, abdirahman -> abdulrahman;
     * abdallah, abdullah -> abdullah. Leaves the word alone when too little follows abd.
     */
    static String canonicalAbd(String w) {
        String rest = w.substring(3);
        if (rest.length() >= 2 && isVowel(rest.charAt(0))) {
            char second = rest.charAt(1);
            if (second == 'l') {
                rest = rest.substring(2);
            } else if (rest.length() >= 3 && !isVowel(second) && rest.charAt(2) == second) {
                rest = rest.substring(2);
            } else if (!isVowel(second)) {
                rest = rest.substring(1);
            }
        }
        if (rest.startsWith("all")) {
            rest = rest.substring(2);
        }
        return rest.length() >= 3 ? "abdul" + rest : w;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
