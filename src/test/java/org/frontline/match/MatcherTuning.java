package org.frontline.match;

import org.frontline.match.eval.MatchingEvaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Grid search of {@link ScoringParameters} on the TUNING half only (pairs and Wikidata triples);
 * prints the best settings. Not a test. Run like MatchingEvaluation with
 * {@code -Dexec.mainClass=org.frontline.match.MatcherTuning}.
 */
public final class MatcherTuning {

    private MatcherTuning() {
    }

    public static void main(String[] args) throws Exception {
        MatchingEvaluation eval = new MatchingEvaluation(
                Path.of(System.getProperty("matching.data", "../shared/data/names")), Path.of("loadtests"));
        List<MatchingEvaluation.Pair> pairs = eval.pairs().stream().filter(p -> !p.report()).toList();
        List<MatchingEvaluation.Triple> triples = eval.triples().stream().filter(t -> !t.report()).toList();
        boolean[] labels = new boolean[pairs.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = pairs.get(i).match();
        }
        double bestObjective = -1;
        for (double cutoff : new double[] {0.5, 0.6, 0.7, 0.75, 0.8}) {
            for (double floor : new double[] {0.3, 0.5, 0.6, 0.7}) {
                if (floor > cutoff) {
                    continue;
                }
                for (double qMiss : new double[] {0.3, 0.5, 0.7}) {
                    for (double rMiss : new double[] {0.15, 0.3, 0.5}) {
                        for (double conflict : new double[] {1.0, 1.5}) {
                            ScoringParameters p = new ScoringParameters(cutoff, conflict, qMiss, rMiss, 1.3, floor);
                            DefaultPersonNameMatcher m = new DefaultPersonNameMatcher(p);
                            double[] s = pairs.parallelStream().mapToDouble(x -> m.nameSimilarity(x.a(), x.b()))
                                    .toArray();
                            double f1 = MatchingEvaluation.bestF1(s, labels)[0];
                            double auc = MatchingEvaluation.auc(s, labels);
                            double hard = triples.parallelStream().filter(t -> m.nameSimilarity(t.query(), t.truth())
                                    > m.nameSimilarity(t.query(), t.hard())).count() / (double) triples.size();
                            double random = triples.parallelStream().filter(t -> m.nameSimilarity(t.query(),
                                    t.truth()) > m.nameSimilarity(t.query(), t.random())).count()
                                    / (double) triples.size();
                            double objective = f1 + auc + 0.5 * hard + 0.5 * random;
                            if (objective > bestObjective) {
                                bestObjective = objective;
                                System.out.printf(Locale.ROOT, "%.4f f1=%.3f auc=%.3f hard=%.3f random=%.3f %s%n",
                                        objective, f1, auc, hard, random, p);
                            }
                        }
                    }
                }
            }
        }
    }
}
