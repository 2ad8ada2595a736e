package org.frontline.match.eval;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.frontline.match.MatchThresholds;
import org.frontline.match.NameNormaliser;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.PersonQuery;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonRecord;
import org.frontline.model.Sex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * The matching benchmark (not a unit test): scores the labelled name data under
 * {@code matching.data} (default {@code ../shared/data/names}) with the shipped matcher and three
 * baselines, and writes {@code loadtests/results/matching.json} and {@code loadtests/MATCHING.md}.
 *
 * <p>Every row is assigned to the tuning half or the reporting half by the parity of the CRC-32
 * of its text (UN rows by the original's line, so a treated/original pair stays together).
 * Thresholds are chosen on the tuning half; every figure reported is from the reporting half.
 *
 * <pre>
 * ./mvnw -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
 *     -Dexec.mainClass=org.frontline.match.eval.MatchingEvaluation -Dexec.classpathScope=test \
 *     [-Dmatching.data=../shared/data/names] [-Dmatching.out=loadtests]
 * </pre>
 */
public final class MatchingEvaluation {

    /** A whole-name scorer under evaluation. */
    public interface NameScorer {
        double name(String a, String b);
    }

    private final Path data;
    private final Path out;
    private final PersonNameMatcher matcher = PersonNameMatcher.create();
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final StringBuilder md = new StringBuilder();

    public MatchingEvaluation(Path data, Path out) {
        this.data = data;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(System.getProperty("matching.data", "../shared/data/names"));
        Path out = Path.of(System.getProperty("matching.out", "loadtests"));
        new MatchingEvaluation(data, out).run();
    }

    // ---------------------------------------------------------------- splitting

    public static boolean reporting(String rowText) {
        CRC32 crc = new CRC32();
        crc.update(rowText.getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() & 1L) == 1L;
    }

    // ---------------------------------------------------------------- data

    public record Pair(String group, String a, String b, boolean match, boolean report) {
    }

    public record Triple(String query, String truth, String random, String hard, boolean report) {
    }

    record Person(String name, String given, String family, PartialDate dob, String nationality, Sex sex,
                  boolean report) {
    }

    public List<Pair> pairs() throws IOException {
        List<Pair> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(data.resolve("nomenklatura/person_pairs.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            out.add(new Pair(f[0], f[1], f[2], Boolean.parseBoolean(f[3]), reporting(line)));
        }
        return out;
    }

    public List<Triple> triples() throws IOException {
        List<Triple> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(data.resolve("wikidata/arabic_variant_triples.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            out.add(new Triple(f[1], f[2], f[3], f[4], reporting(line)));
        }
        return out;
    }

    List<Person> persons(String file, boolean alpha2) throws IOException {
        List<Person> out = new ArrayList<>();
        List<List<String>> rows = Csv.parse(Files.readString(data.resolve(file)));
        for (List<String> r : rows.subList(1, rows.size())) {
            String nat = r.get(7).isBlank() ? null
                    : alpha2 ? org.frontline.model.Countries.alpha2ToAlpha3(r.get(7)) : Countries.byName(r.get(7));
            Sex sex = switch (r.get(4)) {
                case "male" -> Sex.MALE;
                case "female" -> Sex.FEMALE;
                default -> Sex.UNKNOWN;
            };
            String given = (r.get(1) + " " + r.get(2)).trim();
            out.add(new Person(r.get(0), given.isEmpty() ? null : given, r.get(3).isEmpty() ? null : r.get(3),
                    lenientDate(r.get(5)), nat, sex, reporting(String.join(",", r))));
        }
        return out;
    }

    /** YYYY, YYYY-MM-DD, or the treated file's damaged forms (1981-3-05, 1974-01-32: the year is kept). */
    public static PartialDate lenientDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String[] f = s.trim().split("-");
        try {
            int year = Integer.parseInt(f[0]);
            if (f.length == 3) {
                try {
                    return new PartialDate(year, Integer.parseInt(f[1]), Integer.parseInt(f[2]));
                } catch (IllegalArgumentException e) {
                    return PartialDate.ofYear(year);
                }
            }
            return PartialDate.ofYear(year);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static PersonRecord record(String id, Person p) {
        return new PersonRecord(id, p.given(), p.family(), p.name(), List.of(), p.dob(), p.sex(), p.nationality(),
                List.of());
    }

    static PersonQuery query(Person p) {
        return new PersonQuery(p.name(), p.dob(), p.nationality(), p.sex());
    }

    // ---------------------------------------------------------------- metrics

    public static double auc(double[] scores, boolean[] labels) {
        Integer[] idx = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, (x, y) -> Double.compare(scores[x], scores[y]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && scores[idx[j + 1]] == scores[idx[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[idx[k]]) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = scores.length - pos;
        return pos == 0 || neg == 0 ? Double.NaN : (rankSumPos - pos * (pos + 1) / 2.0) / (pos * (double) neg);
    }

    /** [precision, recall, f1] when predicting a match for score >= threshold. */
    static double[] prf(double[] scores, boolean[] labels, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            if (predicted && labels[i]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (labels[i]) {
                fn++;
            }
        }
        double p = tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        double r = tp + fn == 0 ? 0.0 : tp / (double) (tp + fn);
        return new double[] {p, r, p + r == 0 ? 0.0 : 2 * p * r / (p + r)};
    }

    /** [best f1, its threshold]; a threshold is placed midway between consecutive distinct scores. */
    public static double[] bestF1(double[] scores, boolean[] labels) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (double s : scores) {
            distinct.add(s);
        }
        List<Double> cuts = new ArrayList<>();
        Double prev = null;
        for (double s : distinct) {
            cuts.add(prev == null ? s : (prev + s) / 2.0);
            prev = s;
        }
        double best = -1;
        double at = 1.0;
        for (double t : cuts) {
            double f = prf(scores, labels, t)[2];
            if (f > best) {
                best = f;
                at = t;
            }
        }
        return new double[] {best, round(at)};
    }

    static double round(double x) {
        return Math.round(x * 1000.0) / 1000.0;
    }

    // ---------------------------------------------------------------- the run

    void run() throws IOException {
        long started = System.nanoTime();
        List<Pair> pairs = pairs();
        List<Triple> triples = triples();
        List<Person> originals = persons("yente/un_positives_untreated.csv", true);
        List<Person> treated = persons("yente/un_positives_treated.csv", true);
        List<Person> negatives = persons("yente/negatives_global.csv", false);
        // a UN pair belongs to the half of its original
        for (int i = 0; i < treated.size(); i++) {
            Person t = treated.get(i);
            treated.set(i, new Person(t.name(), t.given(), t.family(), t.dob(), t.nationality(), t.sex(),
                    originals.get(i).report()));
        }
        Map<String, NameScorer> scorers = new LinkedHashMap<>();
        scorers.put("matcher", matcher::nameSimilarity);
        scorers.put("jaro_winkler", Baselines::jaroWinkler);
        scorers.put("double_metaphone", Baselines::doubleMetaphoneEqual);
        scorers.put("beider_morse", Baselines::beiderMorseEqual);
        scorers.put("pg_trgm", Baselines::trigram);

        json.put("data", data.toString());
        json.put("split", "CRC-32 of the row text: even = tuning half, odd = reporting half");
        json.put("shipped_hit_threshold", MatchThresholds.HIT);
        json.put("shipped_possible_match_threshold", MatchThresholds.POSSIBLE_MATCH);

        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        Map<String, Double> tunedThreshold = new HashMap<>();
        for (var e : scorers.entrySet()) {
            Map<String, Object> r = new LinkedHashMap<>();
            results.put(e.getKey(), r);
            evaluatePairs(e.getKey(), e.getValue(), pairs, r, tunedThreshold);
            evaluateTriples(e.getValue(), triples, r);
        }
        if (Boolean.getBoolean("matching.skipSearch")) {
            results.forEach((k, v) -> System.out.println(k + " " + v));
            return;
        }
        // the matcher in full (with date of birth, nationality, sex) on the UN search task
        evaluateSearch(originals, treated, negatives, results.get("matcher"));
        for (String b : List.of("jaro_winkler", "double_metaphone", "pg_trgm")) {
            evaluateSearchBaseline(scorers.get(b), originals, treated, negatives, results.get(b), tunedThreshold.get(b));
        }
        results.forEach((k, v) -> {
            if (k.equals("matcher")) {
                json.putAll(v);
            } else {
                json.put("baseline_" + k, v);
            }
        });
        json.put("seconds", round((System.nanoTime() - started) / 1e9));
        Files.createDirectories(out.resolve("results"));
        Files.writeString(out.resolve("results/matching.json"), Json.write(json) + "\n");
        Files.writeString(out.resolve("MATCHING.md"), Report.markdown(json, results));
        System.out.println(Json.write(json));
    }

    void evaluatePairs(String name, NameScorer scorer, List<Pair> pairs, Map<String, Object> r,
                       Map<String, Double> tuned) {
        double[] all = pairs.parallelStream().mapToDouble(p -> scorer.name(p.a(), p.b())).toArray();
        double[] tuneS = pick(all, pairs, p -> !p.report());
        boolean[] tuneL = labels(pairs, p -> !p.report());
        double[] tuneBest = bestF1(tuneS, tuneL);
        tuned.put(name, tuneBest[1]);
        r.put("nomenklatura_tuning_best_f1", round(tuneBest[0]));
        r.put("nomenklatura_tuning_best_f1_threshold", tuneBest[1]);
        if (name.equals("matcher")) {
            r.put("nomenklatura_tuning_roc_auc", round(auc(tuneS, tuneL)));
            r.put("nomenklatura_tuning_precision_at_hit", round(prf(tuneS, tuneL, MatchThresholds.HIT)[0]));
            r.put("nomenklatura_tuning_recall_at_possible",
                    round(prf(tuneS, tuneL, MatchThresholds.POSSIBLE_MATCH)[1]));
            Map<String, String> curve = new LinkedHashMap<>();
            for (double t = 0.6; t <= 0.951; t += 0.05) {
                double[] x = prf(tuneS, tuneL, t);
                curve.put(String.format(Locale.ROOT, "%.2f", t),
                        String.format(Locale.ROOT, "P %.3f R %.3f", x[0], x[1]));
            }
            r.put("nomenklatura_tuning_precision_recall_curve", curve);
        }
        for (String subset : List.of("person", "person_handwritten", "person_synth")) {
            java.util.function.Predicate<Pair> in = switch (subset) {
                case "person" -> Pair::report;
                case "person_handwritten" -> p -> p.report() && !p.group().equals("synth_people");
                default -> p -> p.report() && p.group().equals("synth_people");
            };
            double[] s = pick(all, pairs, in);
            boolean[] l = labels(pairs, in);
            double[] best = bestF1(s, l);
            String k = "nomenklatura_" + subset;
            r.put(k + "_rows", s.length);
            r.put(k + "_roc_auc", round(auc(s, l)));
            r.put(k + "_best_f1", round(best[0]));
            r.put(k + "_best_f1_threshold_on_reporting_half", best[1]);
            if (name.equals("matcher")) {
                double[] hit = prf(s, l, MatchThresholds.HIT);
                double[] pos = prf(s, l, MatchThresholds.POSSIBLE_MATCH);
                r.put(k + "_precision_at_hit", round(hit[0]));
                r.put(k + "_recall_at_hit", round(hit[1]));
                r.put(k + "_f1_at_hit", round(hit[2]));
                r.put(k + "_precision_at_possible", round(pos[0]));
                r.put(k + "_recall_at_possible", round(pos[1]));
                r.put(k + "_f1_at_possible", round(pos[2]));
            } else {
                double[] at = prf(s, l, tuneBest[1]);
                r.put("threshold", tuneBest[1]);
                r.put(k + "_precision_at_threshold", round(at[0]));
                r.put(k + "_recall_at_threshold", round(at[1]));
                r.put(k + "_f1_at_threshold", round(at[2]));
            }
        }
    }

    static double[] pick(double[] all, List<Pair> pairs, java.util.function.Predicate<Pair> in) {
        return IntStream.range(0, all.length).filter(i -> in.test(pairs.get(i))).mapToDouble(i -> all[i]).toArray();
    }

    static boolean[] labels(List<Pair> pairs, java.util.function.Predicate<Pair> in) {
        List<Pair> kept = pairs.stream().filter(in).toList();
        boolean[] l = new boolean[kept.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = kept.get(i).match();
        }
        return l;
    }

    public void evaluateTriples(NameScorer scorer, List<Triple> triples, Map<String, Object> r) {
        List<Triple> rep = triples.stream().filter(Triple::report).toList();
        double[] truth = rep.parallelStream().mapToDouble(t -> scorer.name(t.query(), t.truth())).toArray();
        double[] hardScores = rep.parallelStream().mapToDouble(t -> scorer.name(t.query(), t.hard())).toArray();
        double[] randomScores = rep.parallelStream().mapToDouble(t -> scorer.name(t.query(), t.random())).toArray();
        long hard = IntStream.range(0, rep.size()).filter(i -> truth[i] > hardScores[i]).count();
        long random = IntStream.range(0, rep.size()).filter(i -> truth[i] > randomScores[i]).count();
        // ROC AUC of the true variants against the hard non-matches, all rows pooled
        double[] pooled = new double[2 * rep.size()];
        boolean[] labels = new boolean[2 * rep.size()];
        for (int i = 0; i < rep.size(); i++) {
            pooled[2 * i] = truth[i];
            labels[2 * i] = true;
            pooled[2 * i + 1] = hardScores[i];
        }
        r.put("wikidata_arabic_rows", rep.size());
        r.put("wikidata_arabic_accuracy_hard", round(hard / (double) rep.size()));
        r.put("wikidata_arabic_roc_auc_hard", round(auc(pooled, labels)));
        r.put("wikidata_arabic_true_at_possible",
                round(Arrays.stream(truth).filter(x -> x >= MatchThresholds.POSSIBLE_MATCH).count() / (double) rep.size()));
        r.put("wikidata_arabic_hard_at_hit",
                round(Arrays.stream(hardScores).filter(x -> x >= MatchThresholds.HIT).count() / (double) rep.size()));
        r.put("wikidata_arabic_accuracy_random", round(random / (double) rep.size()));
    }

    /**
     * Recall@10: each treated query (reporting half) ranks the 683 originals plus the 50,000
     * negatives; its original counts as found when fewer than 10 other records score at least as
     * high (ties go against us). False alerts: each negative (reporting half) queried against the
     * 683 originals; an alert when any scores at or above the threshold.
     */
    void evaluateSearch(List<Person> originals, List<Person> treated, List<Person> negatives, Map<String, Object> r) {
        List<PersonRecord> haystack = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            haystack.add(record("un-" + i, originals.get(i)));
        }
        for (int i = 0; i < negatives.size(); i++) {
            haystack.add(record("neg-" + i, negatives.get(i)));
        }
        int[] reportQueries = IntStream.range(0, treated.size()).filter(i -> treated.get(i).report()).toArray();
        int[] tuningQueries = IntStream.range(0, treated.size()).filter(i -> !treated.get(i).report()).toArray();
        int[] found = Arrays.stream(reportQueries).parallel().map(qi -> {
            PersonQuery q = query(treated.get(qi));
            double truth = matcher.score(q, haystack.get(qi)).score();
            int better = 0;
            for (int j = 0; j < haystack.size() && better < 10; j++) {
                if (j != qi && matcher.score(q, haystack.get(j)).score() >= truth) {
                    better++;
                }
            }
            return better < 10 ? 1 : 0;
        }).toArray();
        r.put("un_queries", reportQueries.length);
        r.put("un_recall_at_10", round(Arrays.stream(found).sum() / (double) reportQueries.length));
        for (var half : Map.of("un", reportQueries, "un_tuning", tuningQueries).entrySet()) {
            double[] truth = Arrays.stream(half.getValue())
                    .mapToDouble(qi -> matcher.score(query(treated.get(qi)), haystack.get(qi)).score()).toArray();
            r.put(half.getKey() + "_recall_at_hit", round(share(truth, MatchThresholds.HIT)));
            r.put(half.getKey() + "_recall_at_possible", round(share(truth, MatchThresholds.POSSIBLE_MATCH)));
        }
        for (boolean report : new boolean[] {true, false}) {
            double[] max = negatives.parallelStream().filter(n -> n.report() == report).mapToDouble(n -> {
                PersonQuery q = query(n);
                double m = 0;
                for (int j = 0; j < originals.size(); j++) {
                    m = Math.max(m, matcher.score(q, haystack.get(j)).score());
                }
                return m;
            }).toArray();
            String k = report ? "un" : "un_tuning";
            r.put(k + "_negative_queries", max.length);
            r.put(k + "_false_alert_rate_at_hit", round4(share(max, MatchThresholds.HIT)));
            r.put(k + "_false_alert_rate_at_possible", round4(share(max, MatchThresholds.POSSIBLE_MATCH)));
            if (report) {
                r.put("un_false_alert_rate", round4(share(max, MatchThresholds.HIT)));
                r.put("un_false_alert_rate_threshold", "HIT");
            } else {
                // what the tuning half says about thresholds: the false-alert rate at each cut
                Map<String, Double> curve = new LinkedHashMap<>();
                for (double t = 0.5; t <= 0.951; t += 0.05) {
                    curve.put(String.format(Locale.ROOT, "%.2f", t), round4(share(max, t)));
                }
                r.put("un_tuning_false_alert_curve", curve);
            }
        }
    }

    void evaluateSearchBaseline(NameScorer scorer, List<Person> originals, List<Person> treated,
                                List<Person> negatives, Map<String, Object> r, double threshold) {
        List<String> hay = new ArrayList<>();
        originals.forEach(p -> hay.add(p.name()));
        negatives.forEach(p -> hay.add(p.name()));
        int[] reportQueries = IntStream.range(0, treated.size()).filter(i -> treated.get(i).report()).toArray();
        int found = Arrays.stream(reportQueries).parallel().map(qi -> {
            String q = treated.get(qi).name();
            double truth = scorer.name(q, hay.get(qi));
            int better = 0;
            for (int j = 0; j < hay.size() && better < 10; j++) {
                if (j != qi && scorer.name(q, hay.get(j)) >= truth) {
                    better++;
                }
            }
            return better < 10 ? 1 : 0;
        }).sum();
        r.put("un_recall_at_10", round(found / (double) reportQueries.length));
        double[] max = negatives.parallelStream().filter(Person::report).mapToDouble(n -> {
            double m = 0;
            for (Person o : originals) {
                m = Math.max(m, scorer.name(n.name(), o.name()));
            }
            return m;
        }).toArray();
        r.put("un_false_alert_rate", round4(share(max, threshold)));
    }

    static double share(double[] xs, double threshold) {
        return xs.length == 0 ? 0 : Arrays.stream(xs).filter(x -> x >= threshold).count() / (double) xs.length;
    }

    static double round4(double x) {
        return Math.round(x * 10000.0) / 10000.0;
    }

    // ---------------------------------------------------------------- baselines

    /** Baselines as a plain implementation would do them: lower case after NFKC, no transliteration. */
    static final class Baselines {
        private static final DoubleMetaphone DM = new DoubleMetaphone();
        private static final Map<String, String[]> DM_CACHE = new java.util.concurrent.ConcurrentHashMap<>();
        private static final Map<String, long[]> TRGM_CACHE = new java.util.concurrent.ConcurrentHashMap<>();
        private static final Map<String, java.util.Set<String>> BM_CACHE = new java.util.concurrent.ConcurrentHashMap<>();
        private static final org.apache.commons.codec.language.bm.BeiderMorseEncoder BM =
                new org.apache.commons.codec.language.bm.BeiderMorseEncoder();

        static {
            BM.setNameType(org.apache.commons.codec.language.bm.NameType.GENERIC);
            BM.setRuleType(org.apache.commons.codec.language.bm.RuleType.APPROX);
            BM.setConcat(true);
        }

        static {
            DM.setMaxCodeLen(64);
        }

        static String lower(String s) {
            return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        }

        static double jaroWinkler(String a, String b) {
            return JaroWinkler.similarity(lower(a), lower(b));
        }

        static double doubleMetaphoneEqual(String a, String b) {
            String[] x = DM_CACHE.computeIfAbsent(a, Baselines::codes);
            String[] y = DM_CACHE.computeIfAbsent(b, Baselines::codes);
            if (x[0].isEmpty() || y[0].isEmpty()) {
                return 0.0;
            }
            return x[0].equals(y[0]) || x[0].equals(y[1]) || x[1].equals(y[0]) ? 1.0 : 0.0;
        }

        /**
         * commons-codec's Beider–Morse phonetic matching (generic names, approximate rules): 1 when
         * the two names' sets of phonetic keys share a key, else 0.
         */
        static double beiderMorseEqual(String a, String b) {
            java.util.Set<String> x = BM_CACHE.computeIfAbsent(a, Baselines::beiderMorse);
            java.util.Set<String> y = BM_CACHE.computeIfAbsent(b, Baselines::beiderMorse);
            for (String k : x) {
                if (y.contains(k)) {
                    return 1.0;
                }
            }
            return 0.0;
        }

        private static java.util.Set<String> beiderMorse(String s) {
            String letters = lower(s).replaceAll("[^\\p{L} ]", " ").trim();
            if (letters.isEmpty()) {
                return java.util.Set.of();
            }
            String encoded;
            synchronized (BM) {
                try {
                    encoded = BM.encode(letters);
                } catch (org.apache.commons.codec.EncoderException e) {
                    throw new IllegalStateException(e);
                }
            }
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (String k : encoded.split("[|\\s()-]+")) {
                if (!k.isEmpty()) {
                    keys.add(k);
                }
            }
            return keys;
        }

        private static String[] codes(String s) {
            String letters = lower(s).replaceAll("[^a-z]", "");
            String p = DM.doubleMetaphone(letters, false);
            String q = DM.doubleMetaphone(letters, true);
            return new String[] {p == null ? "" : p, q == null ? "" : q};
        }

        /** pg_trgm similarity(): words of alphanumerics, padded "  w ", the set of 3-grams, |A∩B| / |A∪B|. */
        static double trigram(String a, String b) {
            long[] x = TRGM_CACHE.computeIfAbsent(a, Baselines::trigrams);
            long[] y = TRGM_CACHE.computeIfAbsent(b, Baselines::trigrams);
            if (x.length == 0 || y.length == 0) {
                return 0.0;
            }
            int i = 0;
            int j = 0;
            int common = 0;
            while (i < x.length && j < y.length) {
                if (x[i] == y[j]) {
                    common++;
                    i++;
                    j++;
                } else if (x[i] < y[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return common / (double) (x.length + y.length - common);
        }

        static long[] trigrams(String s) {
            TreeSet<Long> set = new TreeSet<>();
            StringBuilder word = new StringBuilder();
            String low = lower(s);
            for (int i = 0; i <= low.length(); i++) {
                char c = i < low.length() ? low.charAt(i) : ' ';
                if (Character.isLetterOrDigit(c)) {
                    word.append(c);
                } else if (!word.isEmpty()) {
                    String padded = "  " + word + " ";
                    for (int k = 0; k + 3 <= padded.length(); k++) {
                        set.add(((long) padded.charAt(k) << 32) | ((long) padded.charAt(k + 1) << 16)
                                | padded.charAt(k + 2));
                    }
                    word.setLength(0);
                }
            }
            return set.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
