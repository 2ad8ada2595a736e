package org.frontline.match.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code src/main/resources/org/frontline/match/name-variant-groups.tsv}: the Latin spellings
 * that Wikidata maps to one Arabic-script name, from the <b>tuning half</b> of
 * {@code ../shared/data/names/wikidata/arabic_variant_triples.tsv} only (CC0; the reporting half is
 * what {@link MatchingEvaluation} measures on, and never feeds the table). Each tuning row says that
 * its query and its true variant are spellings of its script form; the spellings of one script form
 * are one group. A spelling may belong to several groups (Chu is written تشو and شو).
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.frontline.match.eval.VariantGroupsDerivation \
 *     ../shared/data/names src/main/resources/org/frontline/match/name-variant-groups.tsv
 * </pre>
 * {@code -Dfold=0|1} derives from the tuning rows of the other fold only, for a cross-validation inside
 * the tuning half: put the table written so ahead of target/classes on the class path.
 */
public final class VariantGroupsDerivation {

    private VariantGroupsDerivation() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/names");
        Path out = Path.of(args.length > 1 ? args[1] : "src/main/resources/org/frontline/match/name-variant-groups.tsv");
        List<String> lines = Files.readAllLines(data.resolve("wikidata/arabic_variant_triples.tsv"), StandardCharsets.UTF_8);
        // -Dfold=0|1: derive from the tuning rows of the other fold only (bit 1 of the CRC-32), for a
        // cross-validation inside the tuning half (TripleFailures -Dfold measures the fold left out)
        String fold = System.getProperty("fold");
        Map<String, TreeSet<String>> groups = new TreeMap<>();
        int tuningRows = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || MatchingEvaluation.reporting(line)) {
                continue;
            }
            if (fold != null) {
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                if (((crc.getValue() >> 1) & 1L) == Long.parseLong(fold)) {
                    continue; // the fold measured in a cross-validation never feeds its own table
                }
            }
            tuningRows++;
            String[] f = line.split("\t", -1);
            TreeSet<String> group = groups.computeIfAbsent(f[0], k -> new TreeSet<>());
            group.add(f[1].trim());
            group.add(f[2].trim());
        }
        List<String> text = new ArrayList<>();
        text.add("# Spellings of one name across transliterations: the Latin spellings that Wikidata maps to one");
        text.add("# Arabic-script name, one group a line: <script form> TAB <spellings, space-separated>.");
        text.add("# Derived by org.frontline.match.eval.VariantGroupsDerivation from the tuning half (even CRC-32 of");
        text.add("# the row) of ../shared/data/names/wikidata/arabic_variant_triples.tsv (Wikidata, CC0 1.0): "
                + tuningRows + " rows, " + groups.size() + " groups.");
        text.add("# Do not edit by hand; run the derivation again. A shared group is evidence of one name, not equality.");
        groups.forEach((form, spellings) -> text.add(form + "\t" + String.join(" ", spellings)));
        Files.write(out, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + groups.size() + " groups from " + tuningRows + " tuning rows to " + out);
    }
}
