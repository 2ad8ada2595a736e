package org.frontline.match;

import org.frontline.match.eval.MatchingEvaluation;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast loop of issue #19: the Wikidata triple figures of both halves and the nomenklatura best F1,
 * and the <b>tuning-half</b> triples the matcher gets wrong (the true variant not above the hard
 * non-match, a true variant below POSSIBLE_MATCH, a hard non-match at HIT), with the part-by-part
 * reasons. It never prints a reporting-half row.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.frontline.match.TripleFailures [max rows]
 * </pre>
 */
public final class TripleFailures {

    private TripleFailures() {
    }

    public static void main(String[] args) throws Exception {
        int max = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path data = Path.of(System.getProperty("matching.data", "../shared/data/names"));
        MatchingEvaluation evaluation = new MatchingEvaluation(data, Path.of("target"));
        DefaultPersonNameMatcher matcher = new DefaultPersonNameMatcher(ScoringParameters.DEFAULTS);
        List<MatchingEvaluation.Triple> triples = evaluation.triples();
        // -Dfold=0|1: look only at the tuning rows of that fold (bit 1 of the CRC-32), for a run whose
        // variant-group table was derived from the other fold (cross-validation inside the tuning half)
        String fold = System.getProperty("fold");
        if (fold != null) {
            List<String> lines = java.nio.file.Files.readAllLines(data.resolve("wikidata/arabic_variant_triples.tsv"));
            List<MatchingEvaluation.Triple> inFold = new java.util.ArrayList<>();
            for (int i = 0; i < triples.size(); i++) {
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(lines.get(i + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if ((crc.getValue() & 1L) == 0L && ((crc.getValue() >> 1) & 1L) == Long.parseLong(fold)) {
                    inFold.add(triples.get(i));
                }
            }
            triples = inFold;
        }
        int shown = 0;
        for (MatchingEvaluation.Triple t : triples) {
            if (t.report()) {
                continue;
            }
            double truth = matcher.nameSimilarity(t.query(), t.truth());
            double hard = matcher.nameSimilarity(t.query(), t.hard());
            double random = matcher.nameSimilarity(t.query(), t.random());
            StringBuilder why = new StringBuilder();
            if (truth <= hard) {
                why.append(" RANK");
            }
            if (truth < MatchThresholds.POSSIBLE_MATCH) {
                why.append(" TRUE<POSSIBLE");
            }
            if (hard >= MatchThresholds.HIT) {
                why.append(" HARD>=HIT");
            }
            if (truth <= random) {
                why.append(" RANDOM");
            }
            if (why.length() > 0 && shown++ < max) {
                System.out.printf("%-14s true %-14s %.3f %-40s hard %-14s %.3f %s |%s%n", t.query(), t.truth(), truth,
                        reason(matcher, t.query(), t.truth()), t.hard(), hard, reason(matcher, t.query(), t.hard()), why);
            }
        }
        for (boolean report : fold != null ? new boolean[] {false} : new boolean[] {false, true}) {
            // evaluateTriples measures the rows flagged report: flip the flags to measure the tuning half
            List<MatchingEvaluation.Triple> half = report ? triples : triples.stream()
                    .map(t -> new MatchingEvaluation.Triple(t.query(), t.truth(), t.random(), t.hard(), !t.report()))
                    .toList();
            Map<String, Object> r = new LinkedHashMap<>();
            evaluation.evaluateTriples(matcher::nameSimilarity, half, r);
            System.out.println((report ? "reporting " : "tuning    ") + r);
        }
        List<MatchingEvaluation.Pair> pairs = evaluation.pairs();
        for (boolean report : new boolean[] {false, true}) {
            List<MatchingEvaluation.Pair> half = pairs.stream().filter(p -> p.report() == report).toList();
            double[] s = half.stream().mapToDouble(p -> matcher.nameSimilarity(p.a(), p.b())).toArray();
            boolean[] l = new boolean[half.size()];
            for (int i = 0; i < l.length; i++) {
                l[i] = half.get(i).match();
            }
            System.out.printf("%s nomenklatura best F1 %.4f%n", report ? "reporting" : "tuning   ",
                    MatchingEvaluation.bestF1(s, l)[0]);
        }
    }

    private static String reason(DefaultPersonNameMatcher m, String a, String b) {
        Token[] ta = m.tokens(a);
        Token[] tb = m.tokens(b);
        if (ta.length == 1 && tb.length == 1) {
            double s = TokenSimilarity.similarity(ta[0], tb[0]);
            return TokenSimilarity.kind(ta[0], tb[0], s).name() + " " + ta[0].abjad + "/" + tb[0].abjad;
        }
        return ta.length + "x" + tb.length + " parts";
    }
}
