package org.frontline.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The keys a source's person names are found by, computed in Java beside each source (table
 * {@code frontline_name_key}) because no database can romanise names the way {@link NameNormaliser}
 * does.
 *
 * <h2>Why these keys</h2>
 * A trigram search over the raw stored names misses a name stored in another script or another
 * romanisation (Юрий Щербаков / Iouri Chtcherbakov, محمد الراشد / Mohammed Al-Rashid), and at a
 * million persons a trigram search for a common name (Mohammed Ali) walks posting lists of hundreds
 * of thousands of rows. So each name of a record (its name, its aliases, its name in original
 * script) is written as:
 * <ul>
 * <li>{@code n}: the normalised name ({@link NameNormaliser#normalise}), searched by trigram
 * similarity, for typos and joins that no exact key catches;</li>
 * <li>{@code p}: each unordered pair of its parts, each part reduced to its consonant key (the
 * transliteration skeleton of {@link Token} without vowels: Mohammed, Muhammad and the unvocalised
 * Arabic mhmd all give {@code mhmd}), looked up by B-tree equality. Two parts agreeing is the
 * match evidence the scorer needs anyway, and a pair is far more selective than either part, so a
 * common name costs an index range of the people who carry both parts, in any order (family name
 * first or last) and with middle names in between;</li>
 * <li>{@code f}: all its part keys, sorted: the whole name whatever the order and script of its
 * parts, so that among the many holders of pairs of common parts the ones with exactly the
 * parts asked for come first;</li>
 * <li>{@code t}: each part's consonant key alone, looked up only for query parts that are not
 * common ({@link Equivalences#isCommon}), so that a record sharing one rare part still comes back.</li>
 * </ul>
 * Each f, p and t row carries the normalised name after its key ({@link #SEPARATOR}), so that the
 * rows of a key come back already ranked by how like the query their names are. Particles (al,
 * bin, van...) and initials make no keys. The query side ({@link #forSearch})
 * computes the same keys from the search key the engine already sends to every source.
 */
public final class NameKeys {

    /** Key kinds as stored in {@code frontline_name_key.key_kind}. */
    public static final String NORMALISED = "n";
    public static final String PAIR = "p";
    public static final String TOKEN = "t";
    public static final String FULL = "f";

    /**
     * Between a key and the normalised name it was made from, in every f, p and t row: the search
     * reads the row by the key's range ({@code key || '='} to {@code key || '>'}, byte order) and ranks
     * it by the similarity of the name to the query without visiting the record.
     */
    public static final char SEPARATOR = '=';

    /** At most this many part keys, variants included, in a search's {@link Search#parts}. */
    static final int MAX_PART_VARIANTS = 16;

    /** At most this many pair keys, variants included, in a search's {@link Search#pairs}. */
    static final int MAX_PAIRS = 24;

    /** Parts beyond this many in one name make no pair keys (a name of 6 parts already makes 15). */
    static final int MAX_PARTS = 6;

    /** One key of a record. */
    public record Key(String kind, String text) {
    }

    /**
     * The keys a search looks up: its normalised name, its full key, its pair keys, its rare part
     * keys ({@code tokens}, looked up among all holders) and all its part keys ({@code parts},
     * looked up only among the holders born near a year asked).
     */
    public record Search(String normalised, String full, String[] pairs, String[] tokens, String[] parts) {
    }

    private NameKeys() {
    }

    /** The distinct keys of every name of one record (blank and null names are skipped). */
    public static Set<Key> of(Collection<String> names) {
        Set<Key> keys = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            List<NamePart> parts = NameNormaliser.parts(name);
            if (parts.isEmpty()) {
                continue;
            }
            String normalised = join(parts);
            String suffix = SEPARATOR + normalised;
            keys.add(new Key(NORMALISED, normalised));
            List<String> partKeys = partKeys(parts);
            if (!partKeys.isEmpty()) {
                keys.add(new Key(FULL, full(partKeys) + suffix));
            }
            for (String p : pairs(partKeys)) {
                keys.add(new Key(PAIR, p + suffix));
            }
            for (String k : partKeys) {
                if (k.length() >= 2) {
                    keys.add(new Key(TOKEN, k + suffix));
                }
            }
        }
        return keys;
    }

    /** The keys for a search key ({@link PersonNameMatcher#searchKey}, or any typed name). */
    public static Search forSearch(String searchKey) {
        List<NamePart> parts = NameNormaliser.parts(searchKey);
        Equivalences equivalences = Equivalences.defaults();
        List<String> partKeys = partKeys(parts);
        Set<String> tokens = new LinkedHashSet<>();
        List<NamePart> keyed = keyedParts(parts);
        for (int i = 0; i < keyed.size(); i++) {
            String k = partKeys.get(i);
            if (k.length() >= 2 && (keyed.size() == 1 || !equivalences.isCommon(keyed.get(i).text()))) {
                tokens.add(k);
            }
        }
        return new Search(join(parts), full(partKeys), pairsWithVariants(parts, equivalences).toArray(String[]::new),
                tokens.toArray(String[]::new),
                partsWithVariants(parts, equivalences).toArray(String[]::new));
    }

    /**
     * Every part key of a search and the keys the same part may have been stored under in another
     * romanisation or layout, for the look-up among the holders born near a year asked (issue #18):
     * the stored keys stay as they are, the question asks for their neighbours. Per part: its key;
     * k and g exchanged (Sadeqi and Sadeghi, q already k: sdk, sdg); the two ch sounds exchanged
     * (Chevtchenko and Shevchenko: C, $); an article written onto the name dropped or added (Alqahtani
     * and Al Qahtani: lkhtn, khtn); a final j of a Slavic name in German or French romanisation
     * dropped (Sergej, Serguei: srgj, srg); a final t after a consonant dropped, the feminine ending
     * of a name romanised from Arabic script that Latin spellings write as a or ah (فاطمة fatmt, Fatima
     * ftm). And
     * each two neighbouring parts written as one (Li Na and Lina, Ali Reza and Alireza: ln, lrz). Only
     * keys of two letters or more; at most {@link #MAX_PART_VARIANTS} in all.
     */
    static List<String> partsWithVariants(List<NamePart> parts, Equivalences equivalences) {
        Set<String> out = new LinkedHashSet<>();
        List<List<String>> perPart = variantsPerPart(parts, equivalences);
        // every part's own key and the neighbours written as one first, then the variants, one of each part
        // in turn: a long name's last part never loses its own key to the first part's variants
        String last = null;
        for (List<String> variants : perPart) {
            addKey(out, variants.get(0));
            if (last != null) {
                addKey(out, last + variants.get(0));
            }
            last = variants.get(0);
        }
        int most = perPart.stream().mapToInt(List::size).max().orElse(0);
        for (int x = 1; x < most; x++) {
            for (List<String> variants : perPart) {
                if (x < variants.size()) {
                    addKey(out, variants.get(x));
                }
            }
        }
        return List.copyOf(out);
    }

    private static void addKey(Set<String> out, String key) {
        if (key.length() >= 2 && out.size() < MAX_PART_VARIANTS) {
            out.add(key);
        }
    }

    /**
     * The pair keys of a search: those of its own part keys first, then those where one part or both
     * take a variant of {@link #variantsPerPart} (Amir Sadeghi also asks for the pair of Sadeqi, which a
     * source that romanised it so holds under mr sdk), at most {@link #MAX_PAIRS} in all.
     */
    static List<String> pairsWithVariants(List<NamePart> parts, Equivalences equivalences) {
        List<List<String>> perPart = variantsPerPart(parts, equivalences);
        List<String> primary = perPart.stream().map(v -> v.get(0)).toList();
        Set<String> out = new LinkedHashSet<>(pairs(primary));
        // one part a variant first, then both
        for (int changed = 1; changed <= 2; changed++) {
            for (int i = 0; i < perPart.size(); i++) {
                for (int j = i + 1; j < perPart.size(); j++) {
                    List<String> as = perPart.get(i);
                    List<String> bs = perPart.get(j);
                    for (int x = 0; x < as.size(); x++) {
                        for (int y = 0; y < bs.size(); y++) {
                            if ((x > 0 ? 1 : 0) + (y > 0 ? 1 : 0) != changed) {
                                continue;
                            }
                            if (out.size() >= MAX_PAIRS) {
                                return List.copyOf(out);
                            }
                            String a = as.get(x);
                            String b = bs.get(y);
                            if (!a.equals(b)) {
                                out.add(a.compareTo(b) <= 0 ? a + " " + b : b + " " + a);
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * For each part that makes keys ({@link #keyedParts}), its key first and then the keys the same
     * part may have been stored under in another romanisation: see {@link #partsWithVariants}.
     */
    static List<List<String>> variantsPerPart(List<NamePart> parts, Equivalences equivalences) {
        List<List<String>> out = new ArrayList<>();
        boolean afterArticle = false;
        for (NamePart p : parts) {
            if (p.particle()) {
                afterArticle = p.text().equalsIgnoreCase("al") || p.text().equalsIgnoreCase("el");
                continue;
            }
            if (p.text().length() < 2 || out.size() >= MAX_PARTS) {
                afterArticle = false;
                continue;
            }
            String key = partKey(Token.of(p, equivalences));
            String text = p.text().toLowerCase(Locale.ROOT);
            Set<String> variants = new LinkedHashSet<>();
            variants.add(key);
            exchange(variants, key, 'k', 'g');
            // g before e or i sounds as j in Spanish and Slavic names (Gimenez, Jimenez)
            if (key.indexOf('g') >= 0 && (text.contains("ge") || text.contains("gi"))) {
                variants.add(key.replaceFirst("g", "j"));
            }
            if (key.indexOf('j') >= 0 && (text.contains("je") || text.contains("ji"))) {
                variants.add(key.replaceFirst("j", "g"));
            }
            if (key.indexOf('C') >= 0) {
                variants.add(key.replaceFirst("C", "\\$"));
                variants.add(key.replace('C', '$'));
            }
            if (key.indexOf('$') >= 0) {
                variants.add(key.replaceFirst("\\$", "C"));
                variants.add(key.replace('$', 'C'));
            }
            // letters Arabic does not tell apart, or that one romanisation hears as the other: b/p (Robert,
            // Rupert), b/v (Yaakov, Yaqub), d/z (Rida, Reza), a final d/t (Mahmoud, Mahmut; Ahmed, Ahmet)
            if (key.indexOf('b') >= 0) {
                variants.add(key.replace('b', 'p'));
                variants.add(key.replace('b', 'v'));
            }
            if (key.indexOf('p') >= 0) {
                variants.add(key.replace('p', 'b'));
            }
            if (key.indexOf('v') >= 0) {
                variants.add(key.replace('v', 'b'));
            }
            exchange(variants, key, 'z', 'd');
            if (key.endsWith("d")) {
                variants.add(key.substring(0, key.length() - 1) + "t");
            }
            // spellings the key reads one way and another romanisation the other: a soft c (Youcef, Yusuf;
            // Hocine, Hussein), ch as k before r (Christie, Kristi), ij as i (Meijer, Meyer)
            for (String respelt : List.of(text.replaceAll("c(?=[eiy])", "s"), text.replaceAll("^chr", "kr"),
                    text.replace("ij", "i"))) {
                if (!respelt.equals(text)) {
                    variants.add(partKey(Token.of(new NamePart(respelt, false, p.unvocalised()), equivalences)));
                }
            }
            if ((text.startsWith("al") || text.startsWith("el")) && text.length() >= 6 && key.startsWith("l")) {
                variants.add(key.substring(1));
            }
            if (afterArticle) {
                variants.add("l" + key);
            }
            if (key.length() > 3 && key.endsWith("j")) {
                variants.add(key.substring(0, key.length() - 1));
            }
            // the search key is already romanised (فاطمة arrives as fatmt): any part ending in a consonant and t
            if (key.length() > 2 && text.endsWith("t") && text.length() > 2
                    && "aeiouy".indexOf(text.charAt(text.length() - 2)) < 0) {
                variants.add(key.substring(0, key.length() - 1));
            }
            // letters that romanisations exchange outright (issue #19's index side, read from the Wikidata
            // tuning half's misses): s/z (Teresa, Tereza; Haynes, Heinz), g/j anywhere (Gamal, Jamal; Farag,
            // Faraj; Naguib, Najib: Egyptian g is Arabic j), f/v (Steffen, Steven; Tevfik, Tawfiq), ch/k
            // (Erich, Erick; Ricci, Richey), a silent h (Johnny, Jonny; Ohlsson, Olsson; Lehmann, Lyman),
            // an initial j or y (Jasmin, Yasmeen: y makes no key), a final s (Nicolas, Nicola; Georges, Georg)
            exchange(variants, key, 's', 'z');
            exchange(variants, key, 'g', 'j');
            exchange(variants, key, 'f', 'v');
            exchange(variants, key, 'C', 'k');
            if (key.indexOf('h') >= 0 && key.replace("h", "").length() >= 2) {
                variants.add(key.replace("h", ""));
            }
            if (key.startsWith("j") && key.length() >= 3) {
                variants.add(key.substring(1));
            }
            if (text.startsWith("y") && !key.startsWith("j") && key.length() >= 2) {
                variants.add("j" + key);
            }
            if (key.endsWith("s") && key.length() >= 3) {
                variants.add(key.substring(0, key.length() - 1));
            }
            if (key.endsWith("t")) {
                variants.add(key.substring(0, key.length() - 1) + "d");
            }
            // from the tuning half's misses too: Mohd and Md, the abbreviations of Muhammad written in Malaysia,
            // Singapore and Bangladesh (mhd, md: mhmd)
            if (key.equals("mhd") || key.equals("md")) {
                variants.add("mhmd");
            }
            if (key.equals("mhmd")) {
                variants.add("mhd");
            }
            // from the 1M candidate recall's misses: ch in Wade-Giles and Cantonese romanisation is pinyin's zh
            // or j (Chang, Cheung: Zhang), and in German or French romanisation of Russian the kh of English
            // (Michail: Mikhail)
            if (key.indexOf('C') >= 0 && text.contains("ch")) {
                variants.add(key.replace('C', 'j'));
                variants.add(key.replace('C', 'h'));
            }
            // from the tuning half's misses: the Polish -usz of Dariusz, Mariusz, Tadeusz (drsz: drs)
            if (text.endsWith("usz") && key.endsWith("sz")) {
                variants.add(key.substring(0, key.length() - 1));
            } else if (text.endsWith("us") && key.endsWith("s") && key.length() >= 3) {
                variants.add(key + "z");
            }
            out.add(List.copyOf(variants));
            afterArticle = false;
        }
        return out;
    }

    /** Both ways: every {@code a} of the key read as {@code b}, and every {@code b} as {@code a}. */
    private static void exchange(Set<String> variants, String key, char a, char b) {
        if (key.indexOf(a) >= 0) {
            variants.add(key.replace(a, b));
        }
        if (key.indexOf(b) >= 0) {
            variants.add(key.replace(b, a));
        }
    }

    /**
     * The part keys of one name, in the name's order (particles and initials make none): the keys
     * under which a source counts the holders of each part ({@code NameStatistics#partHolders}).
     */
    public static List<String> partKeys(String name) {
        return name == null ? List.of() : partKeys(NameNormaliser.parts(name));
    }

    /**
     * The order-free full key of one name (its part keys sorted, as in its {@code f} row before the
     * {@link #SEPARATOR}); empty for a name without keyed parts.
     */
    public static String fullKey(String name) {
        return full(partKeys(name));
    }

    private static String join(List<NamePart> parts) {
        StringBuilder sb = new StringBuilder();
        for (NamePart p : parts) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(p.text());
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** The parts that make keys: no particles, no initials, at most {@link #MAX_PARTS}. */
    private static List<NamePart> keyedParts(List<NamePart> parts) {
        List<NamePart> out = new ArrayList<>();
        for (NamePart p : parts) {
            if (!p.particle() && p.text().length() >= 2 && out.size() < MAX_PARTS) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> partKeys(List<NamePart> parts) {
        Equivalences equivalences = Equivalences.defaults();
        List<String> out = new ArrayList<>();
        for (NamePart p : keyedParts(parts)) {
            out.add(partKey(Token.of(p, equivalences)));
        }
        return out;
    }

    /** The consonant key of a part; its skeleton when it has no consonants (ai, ou). */
    static String partKey(Token t) {
        return t.consonants.isEmpty() ? t.skeleton : t.consonants;
    }

    /** The part keys sorted and joined by spaces; empty for a name without keyed parts. */
    private static String full(List<String> keys) {
        return String.join(" ", keys.stream().sorted().toList());
    }

    /** Unordered pairs of distinct part keys, each written "smaller larger". */
    private static List<String> pairs(List<String> keys) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                String a = keys.get(i);
                String b = keys.get(j);
                out.add(a.compareTo(b) <= 0 ? a + " " + b : b + " " + a);
            }
        }
        return List.copyOf(out);
    }
}
