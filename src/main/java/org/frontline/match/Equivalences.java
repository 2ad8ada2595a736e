package org.frontline.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small tables shipped as resources: classes of known spellings of one name part
 * ({@code name-equivalences.txt}, written by hand), groups of spellings that Wikidata maps to one
 * Arabic-script name ({@code name-variant-groups.tsv}, derived from the tuning half of the Wikidata
 * triples by {@code VariantGroupsDerivation}) and name parts too common to identify anyone on their
 * own ({@code common-name-parts.txt}). Entries are normalised like names, so the files may hold
 * diacritics.
 */
final class Equivalences {

    private static final Equivalences DEFAULT = load();

    private static final int[] NO_GROUPS = new int[0];

    private final Map<String, Integer> classes;
    private final Set<String> common;
    private final Map<String, int[]> variantGroups;

    private Equivalences(Map<String, Integer> classes, Set<String> common, Map<String, int[]> variantGroups) {
        this.classes = Map.copyOf(classes);
        this.common = Set.copyOf(common);
        this.variantGroups = Map.copyOf(variantGroups);
    }

    static Equivalences defaults() {
        return DEFAULT;
    }

    /** The class number of a normalised name part, or -1 when it belongs to no class. */
    int classOf(String part) {
        return classes.getOrDefault(part, -1);
    }

    boolean isCommon(String part) {
        return common.contains(part);
    }

    /**
     * The Wikidata variant groups ({@code name-variant-groups.tsv}) a normalised name part belongs
     * to, sorted; empty when it belongs to none.
     */
    int[] variantGroupsOf(String part) {
        return variantGroups.getOrDefault(part, NO_GROUPS);
    }

    private static Equivalences load() {
        Map<String, Integer> classes = new HashMap<>();
        int n = 0;
        for (String line : lines("name-equivalences.txt")) {
            for (String word : line.split("\\s+")) {
                String key = key(word);
                if (!key.isEmpty()) {
                    classes.putIfAbsent(key, n);
                }
            }
            n++;
        }
        Set<String> common = new HashSet<>();
        for (String line : lines("common-name-parts.txt")) {
            for (String word : line.split("\\s+")) {
                String key = key(word);
                if (!key.isEmpty()) {
                    common.add(key);
                }
            }
        }
        Map<String, java.util.TreeSet<Integer>> groups = new HashMap<>();
        int g = 0;
        for (String line : lines("name-variant-groups.tsv")) {
            String[] f = line.split("\t", 2);
            if (f.length < 2) {
                continue;
            }
            for (String word : f[1].split("\\s+")) {
                String key = key(word);
                if (!key.isEmpty()) {
                    groups.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(g);
                }
            }
            g++;
        }
        Map<String, int[]> variantGroups = new HashMap<>();
        groups.forEach((k, v) -> variantGroups.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return new Equivalences(classes, common, variantGroups);
    }

    private static String key(String word) {
        List<NamePart> parts = NameNormaliser.parts(word);
        StringBuilder sb = new StringBuilder();
        parts.forEach(p -> sb.append(p.text()));
        return sb.toString();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Equivalences.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
