package org.frontline.match.eval;

import org.frontline.match.NameKeys;
import org.frontline.match.PersonNameMatcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Issue #19's index side: do the name keys a search sends meet the keys stored for the spelling the
 * scorer accepts? On the Wikidata Arabic-variant triples (reporting half), for the true variant and
 * for the hard non-match of each query: whether the search's keys meet the other spelling's stored keys
 * by its full key alone (the exact look-up), and with the part keys and their romanisation variants
 * that the born-near look-up sends ({@link NameKeys.Search#parts}). A hard non-match that the keys
 * meet costs a candidate place, not an answer: the scorer still decides. The part variants are sent
 * only with a year of birth (the born-near look-up); without one, a name of one part is found by its
 * full key alone. {@code -Dcoverage.tuning=true} for the tuning half; {@code -Dcoverage.misses=true}
 * prints the true variants the scorer accepts that no key meets.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/answer-quality.cp) org.frontline.match.eval.IndexSideCoverage
 * </pre>
 */
public final class IndexSideCoverage {

    private IndexSideCoverage() {
    }

    /** [full key meets, any key meets] for a search for {@code asked} and a record holding {@code held}. */
    static boolean[] meets(String asked, String held) {
        NameKeys.Search search = NameKeys.forSearch(asked);
        Set<String> storedFull = stored(held, NameKeys.FULL);
        Set<String> storedParts = stored(held, NameKeys.TOKEN);
        boolean full = storedFull.contains(search.full());
        boolean any = full || List.of(search.parts()).stream().anyMatch(storedParts::contains)
                || List.of(search.pairs()).stream().anyMatch(stored(held, NameKeys.PAIR)::contains);
        return new boolean[] {full, any};
    }

    static Set<String> stored(String name, String kind) {
        return NameKeys.of(List.of(name)).stream().filter(k -> k.kind().equals(kind))
                .map(k -> k.text().substring(0, k.text().indexOf(NameKeys.SEPARATOR))).collect(Collectors.toSet());
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(System.getProperty("matching.data", "../shared/data/names"));
        boolean reporting = !Boolean.getBoolean("coverage.tuning");
        List<MatchingEvaluation.Triple> rows = new MatchingEvaluation(data, Path.of("target")).triples().stream()
                .filter(t -> t.report() == reporting).toList();
        PersonNameMatcher matcher = PersonNameMatcher.create();
        int n = rows.size();
        int trueFull = 0, trueAny = 0, hardFull = 0, hardAny = 0, accepted = 0, acceptedAny = 0;
        for (MatchingEvaluation.Triple t : rows) {
            boolean[] tm = meets(t.query(), t.truth());
            boolean[] hm = meets(t.query(), t.hard());
            trueFull += tm[0] ? 1 : 0;
            trueAny += tm[1] ? 1 : 0;
            hardFull += hm[0] ? 1 : 0;
            hardAny += hm[1] ? 1 : 0;
            if (matcher.nameSimilarity(t.query(), t.truth()) >= 0.75) {
                accepted++;
                acceptedAny += tm[1] ? 1 : 0;
                if (!tm[1] && Boolean.getBoolean("coverage.misses")) {
                    System.out.println("miss\t" + t.query() + "\t" + t.truth() + "\t" + List.of(NameKeys.forSearch(t.query()).parts())
                            + "\t" + stored(t.truth(), NameKeys.FULL));
                }
            }
        }
        System.out.printf(Locale.ROOT, "wikidata arabic triples, %s half: %d rows%n", reporting ? "reporting" : "tuning", n);
        System.out.printf(Locale.ROOT, "true variant met by the full key: %.3f; by any key sent (parts and variants): %.3f%n",
                trueFull / (double) n, trueAny / (double) n);
        System.out.printf(Locale.ROOT, "hard non-match met by the full key: %.3f; by any key sent: %.3f%n",
                hardFull / (double) n, hardAny / (double) n);
        System.out.printf(Locale.ROOT, "true variants the scorer accepts (>= POSSIBLE_MATCH 0.75): %d; of these met by a key: %.3f%n",
                accepted, acceptedAny / (double) Math.max(1, accepted));
    }
}
