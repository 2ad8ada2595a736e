package org.frontline.match;

import org.frontline.match.eval.MatchingEvaluation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Fits the weights of {@link VariantEvidence} (issue #19): a logistic regression on the <b>tuning
 * half only</b> (even CRC-32 of the row, as {@link MatchingEvaluation#reporting} splits) of
 * {@code ../shared/data/names/wikidata/arabic_variant_triples.tsv}. Each tuning row gives three
 * examples of one-part names: query against true variant (same name), query against the hard
 * non-match and query against the random non-match (not). Pairs that the tables decide before the
 * model (equal, known equivalents, initials) are left out; shared variant groups are not, since the
 * groups were derived from these very rows.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.frontline.match.VariantEvidenceTraining \
 *     ../shared/data/names src/main/resources/org/frontline/match/variant-evidence-weights.txt
 * </pre>
 * {@code -Dfold=0|1} fits on the tuning rows of the other fold only (bit 1 of the CRC-32), for a
 * cross-validation inside the tuning half.
 */
public final class VariantEvidenceTraining {

    private static final double L2 = 1e-3;

    private VariantEvidenceTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/names");
        Path out = Path.of(args.length > 1 ? args[1] : "src/main/resources/org/frontline/match/variant-evidence-weights.txt");
        String fold = System.getProperty("fold");
        double hardWeight = Double.parseDouble(System.getProperty("hardWeight", "2"));
        Equivalences equivalences = Equivalences.defaults();
        List<String> lines = Files.readAllLines(data.resolve("wikidata/arabic_variant_triples.tsv"), StandardCharsets.UTF_8);
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        int rows = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || MatchingEvaluation.reporting(line)) {
                continue;
            }
            CRC32 crc = new CRC32();
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            if (fold != null && ((crc.getValue() >> 1) & 1L) == Long.parseLong(fold)) {
                continue;
            }
            rows++;
            String[] f = line.split("\t", -1);
            Token q = single(f[1], equivalences);
            add(q, single(f[2], equivalences), 1.0, 1.0, x, y, w);
            add(q, single(f[4], equivalences), 0.0, hardWeight, x, y, w);
            add(q, single(f[3], equivalences), 0.0, 1.0, x, y, w);
        }
        double[] weights = fit(x, y, w);
        List<String> text = new ArrayList<>();
        text.add("# Weights of org.frontline.match.VariantEvidence, one a line, in its FEATURES order.");
        text.add("# Fitted by org.frontline.match.VariantEvidenceTraining (src/test/java): logistic regression on the");
        text.add("# tuning half only (even CRC-32 of the row) of ../shared/data/names/wikidata/arabic_variant_triples.tsv");
        text.add("# (Wikidata, CC0 1.0): " + rows + " rows, " + x.size() + " examples, hard non-matches weighted "
                + hardWeight + ", L2 " + L2 + ". Do not edit by hand; fit again.");
        for (int i = 0; i < weights.length; i++) {
            text.add(String.format(Locale.ROOT, "%.4f\t# %s", weights[i], VariantEvidence.FEATURES[i]));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, text, StandardCharsets.UTF_8);
        text.forEach(System.out::println);
    }

    private static Token single(String name, Equivalences equivalences) {
        List<NamePart> parts = NameNormaliser.parts(name);
        return parts.size() == 1 ? Token.of(parts.get(0), equivalences) : null;
    }

    private static void add(Token a, Token b, double label, double weight, List<double[]> x, List<Double> y, List<Double> w) {
        if (a == null || b == null || a.unvocalised || b.unvocalised || a.text.equals(b.text)
                || a.text.length() < 2 || b.text.length() < 2
                || (a.equivalenceClass >= 0 && a.equivalenceClass == b.equivalenceClass)) {
            return;
        }
        x.add(VariantEvidence.features(a, b, TokenSimilarity.rules(a, b)));
        y.add(label);
        w.add(weight);
    }

    /** Weighted logistic regression by gradient descent (convex; a few thousand steps suffice). */
    static double[] fit(List<double[]> x, List<Double> y, List<Double> w) {
        int d = x.get(0).length;
        double[] beta = new double[d];
        double total = w.stream().mapToDouble(Double::doubleValue).sum();
        for (int step = 0; step < 20_000; step++) {
            double[] grad = new double[d];
            for (int n = 0; n < x.size(); n++) {
                double p = VariantEvidence.probability(x.get(n), beta);
                double e = (p - y.get(n)) * w.get(n);
                double[] xn = x.get(n);
                for (int i = 0; i < d; i++) {
                    grad[i] += e * xn[i];
                }
            }
            for (int i = 0; i < d; i++) {
                beta[i] -= 1.0 * (grad[i] / total + (i == 0 ? 0.0 : L2 * beta[i]));
                // the sign of each kind of evidence is fixed beforehand: an agreement never counts against
                // a pair, a difference never for it (else the model would learn the data's own selection:
                // hard non-matches were picked for their close spelling, so closeness would count against)
                beta[i] = VariantEvidence.SIGNS[i] > 0 ? Math.max(0.0, beta[i])
                        : VariantEvidence.SIGNS[i] < 0 ? Math.min(0.0, beta[i]) : beta[i];
            }
        }
        return beta;
    }
}
