package org.frontline.match.eval;

import org.frontline.match.PersonNameMatcher;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pair figure that the person-answer work must not lower (issue #13): the matcher's best F1 on
 * the reporting half of the nomenklatura person pairs, as {@link MatchingEvaluation} computes it for
 * loadtests/results/matching.json. The pairs are public labelled data in ../shared/data/names.
 */
class MatchingFloorsTest {

    static final double NOMENKLATURA_BEST_F1_FLOOR = 0.829;

    @Test
    void nomenklaturaBestF1DoesNotFall() throws Exception {
        Path data = Path.of(System.getProperty("matching.data", "../shared/data/names"));
        assertTrue(Files.isDirectory(data), "the labelled name data is missing at " + data.toAbsolutePath());
        MatchingEvaluation evaluation = new MatchingEvaluation(data, Path.of("target"));
        List<MatchingEvaluation.Pair> pairs = evaluation.pairs();
        PersonNameMatcher matcher = PersonNameMatcher.create();
        List<MatchingEvaluation.Pair> reporting = pairs.stream().filter(MatchingEvaluation.Pair::report).toList();
        double[] scores = reporting.stream().mapToDouble(p -> matcher.nameSimilarity(p.a(), p.b())).toArray();
        boolean[] labels = new boolean[reporting.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = reporting.get(i).match();
        }
        double bestF1 = MatchingEvaluation.bestF1(scores, labels)[0];
        assertTrue(bestF1 >= NOMENKLATURA_BEST_F1_FLOOR,
                "nomenklatura best F1 on the reporting half " + bestF1 + " fell below " + NOMENKLATURA_BEST_F1_FLOOR);
    }
}
