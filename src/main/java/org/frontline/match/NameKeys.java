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
        Set<String> all = new LinkedHashSet<>();
        List<NamePart> keyed = keyedParts(parts);
        for (int i = 0; i < keyed.size(); i++) {
            String k = partKeys.get(i);
            if (k.length() >= 2) {
                all.add(k);
                if (keyed.size() == 1 || !equivalences.isCommon(keyed.get(i).text())) {
                    tokens.add(k);
                }
            }
        }
        return new Search(join(parts), full(partKeys), pairs(partKeys).toArray(String[]::new), tokens.toArray(String[]::new),
                all.toArray(String[]::new));
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
