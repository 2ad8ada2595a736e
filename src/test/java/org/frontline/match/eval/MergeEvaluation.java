package org.frontline.match.eval;

import org.frontline.match.DateAgreement;
import org.frontline.match.NameKeys;
import org.frontline.match.PersonEvidence;
import org.frontline.match.PersonMatch;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.NameStatistics;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonRecord;
import org.frontline.sourcedata.SyntheticWorld;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How well {@link PersonEvidence#linked} tells two sources' records of one person from records of two
 * namesakes, pair by pair, on the synthetic world (in memory: the records as the generator writes them,
 * each with the name statistics its source would give, counted here the way
 * {@code V4__name_frequencies.sql} counts them). The answer's split and glued rates
 * ({@code loadtests/answer-quality.sh}) come from these two numbers: a true pair not linked splits a
 * person, a false pair linked glues two.
 *
 * <ul>
 *   <li>true pairs: every two records of one identity in two sources (evaluation half of the
 *       identities, as the answer-quality benchmark);</li>
 *   <li>false pairs: records of different identities in two sources that share a name part and a
 *       compatible date of birth (the namesakes an answer can hold together), compatible otherwise
 *       too ({@link PersonEvidence#compatible}).</li>
 * </ul>
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.frontline.match.eval.MergeEvaluation 42 10000 0.9
 * </pre>
 */
public final class MergeEvaluation {

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        double threshold = args.length > 2 ? Double.parseDouble(args[2]) : 0.9;
        int examples = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        SyntheticWorld world = new SyntheticWorld(seed, persons);
        PersonEvidence evidence = new PersonEvidence(PersonNameMatcher.create());
        Map<String, List<PersonRecord>> records = new LinkedHashMap<>();
        Map<String, List<Long>> identities = new LinkedHashMap<>();
        EvidenceWeightsEstimation.personRecords(world, records, identities);
        records.replaceAll((source, rs) -> withStatistics(rs));
        List<String> sources = List.copyOf(records.keySet());

        // ------------------------------------------------------------------ true pairs
        Map<String, int[]> trueByDate = new TreeMap<>();
        Map<String, TreeMap<Integer, int[]>> histograms = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        for (int x = 0; x < sources.size(); x++) {
            for (int y = x + 1; y < sources.size(); y++) {
                String a = sources.get(x);
                String b = sources.get(y);
                Map<Long, Integer> inB = index(identities.get(b));
                List<Long> idsA = identities.get(a);
                for (int i = 0; i < idsA.size(); i++) {
                    long id = idsA.get(i);
                    Integer j = inB.get(id);
                    if (j == null || id < 0 || EvidenceWeightsEstimation.tuning(id)) {
                        continue;
                    }
                    PersonRecord ra = records.get(a).get(i);
                    PersonRecord rb = records.get(b).get(j);
                    boolean linked = PersonEvidence.compatible(ra, rb) && evidence.linked(ra, rb, threshold);
                    String level = DateAgreement.of(ra.dateOfBirth(), rb.dateOfBirth()).name();
                    int[] t = trueByDate.computeIfAbsent(level, k -> new int[2]);
                    t[0]++;
                    if (PersonEvidence.compatible(ra, rb)) {
                        histogram(histograms, level, evidence.between(ra, rb), 0);
                    }
                    if (linked) {
                        t[1]++;
                    } else if (missed.size() < examples * 4) {
                        missed.add(describe(evidence, a, ra, b, rb));
                    }
                }
            }
        }

        // ------------------------------------------------------------------ false pairs (namesakes)
        Map<String, int[]> falseByDate = new TreeMap<>();
        List<String> glued = new ArrayList<>();
        for (int x = 0; x < sources.size(); x++) {
            for (int y = x + 1; y < sources.size(); y++) {
                String a = sources.get(x);
                String b = sources.get(y);
                Map<String, List<Integer>> byPartB = new HashMap<>();
                List<PersonRecord> rb = records.get(b);
                for (int j = 0; j < rb.size(); j++) {
                    for (String p : parts(rb.get(j))) {
                        byPartB.computeIfAbsent(p, k -> new ArrayList<>()).add(j);
                    }
                }
                List<PersonRecord> ra = records.get(a);
                for (int i = 0; i < ra.size(); i++) {
                    long id = identities.get(a).get(i);
                    if (EvidenceWeightsEstimation.tuning(id)) {
                        continue;
                    }
                    Set<Integer> seen = new HashSet<>();
                    for (String p : parts(ra.get(i))) {
                        for (int j : byPartB.getOrDefault(p, List.of())) {
                            if (!seen.add(j) || identities.get(b).get(j) == id) {
                                continue;
                            }
                            PersonRecord r1 = ra.get(i);
                            PersonRecord r2 = rb.get(j);
                            if (!PersonEvidence.compatible(r1, r2) || !closeYears(r1.dateOfBirth(), r2.dateOfBirth())) {
                                continue;
                            }
                            String level = DateAgreement.of(r1.dateOfBirth(), r2.dateOfBirth()).name();
                            int[] t = falseByDate.computeIfAbsent(level, k -> new int[2]);
                            t[0]++;
                            histogram(histograms, level, evidence.between(r1, r2), 1);
                            if (evidence.linked(r1, r2, threshold)) {
                                t[1]++;
                                if (glued.size() < examples * 4) {
                                    glued.add(describe(evidence, a, r1, b, r2));
                                }
                            }
                        }
                    }
                }
            }
        }

        System.out.printf(Locale.ROOT, "seed %d, %d persons per source, merge threshold %.2f (evaluation half)%n", seed, persons, threshold);
        System.out.println("\ntrue pairs (two sources' records of one person): linked / all, by date-of-birth agreement");
        int[] tt = new int[2];
        trueByDate.forEach((k, v) -> {
            System.out.printf(Locale.ROOT, "  %-16s %6d / %6d  (%.3f)%n", k, v[1], v[0], v[1] / (double) v[0]);
            tt[0] += v[0];
            tt[1] += v[1];
        });
        System.out.printf(Locale.ROOT, "  %-16s %6d / %6d  (%.3f)  NOT linked: %d%n", "all", tt[1], tt[0], tt[1] / (double) tt[0], tt[0] - tt[1]);
        System.out.println("\nfalse pairs (namesakes: a shared name part, compatible, years within one): linked / all");
        int[] ff = new int[2];
        falseByDate.forEach((k, v) -> {
            System.out.printf(Locale.ROOT, "  %-16s %6d / %8d%n", k, v[1], v[0]);
            ff[0] += v[0];
            ff[1] += v[1];
        });
        System.out.printf(Locale.ROOT, "  %-16s %6d / %8d   GLUED: %d%n", "all", ff[1], ff[0], ff[1]);
        System.out.println("\nbits of the weaker side (between), by date agreement: true / false pairs (names fully paired both ways: T/F)");
        histograms.forEach((level, h) -> {
            System.out.println("  " + level);
            h.descendingMap().forEach((bin, c) -> System.out.printf(Locale.ROOT, "    >= %3d bits  %5d / %6d   full names %5d / %6d%n", bin, c[0], c[1], c[2], c[3]));
        });
        System.out.println("\ntrue pairs not linked (first " + missed.size() + "):");
        missed.stream().limit(examples * 4L).forEach(System.out::println);
        System.out.println("\nfalse pairs linked (first " + glued.size() + "):");
        glued.forEach(System.out::println);
    }

    private static void histogram(Map<String, TreeMap<Integer, int[]>> histograms, String level, PersonMatch m, int side) {
        int bin = (int) Math.floor(m.bits());
        int[] c = histograms.computeIfAbsent(level, k -> new TreeMap<>()).computeIfAbsent(Math.max(-10, Math.min(20, bin)), k -> new int[4]);
        c[side]++;
        if (m.name().fullyPaired() && m.name().score() >= 0.95) {
            c[2 + side]++;
        }
    }

    private static boolean closeYears(PartialDate a, PartialDate b) {
        return a == null || b == null || Math.abs(a.year() - b.year()) <= 1;
    }

    private static String describe(PersonEvidence evidence, String a, PersonRecord ra, String b, PersonRecord rb) {
        PersonMatch m = evidence.between(ra, rb);
        return String.format(Locale.ROOT, "  %s %s | %s %s | %s %s | %s %s  -> p %.3f %s %s%n      %s",
                a, ra.fullName(), ra.dateOfBirth(), ra.nationality(), b, rb.fullName(), rb.dateOfBirth(), rb.nationality(),
                m.probability(), m.dateOfBirth(), m.corroborated() ? "corroborated" : "", String.join("; ", m.reasons()));
    }

    private static Set<String> parts(PersonRecord r) {
        Set<String> out = new HashSet<>();
        for (NameKeys.Key k : NameKeys.of(names(r))) {
            if (k.kind().equals(NameKeys.TOKEN)) {
                out.add(k.text().substring(0, k.text().indexOf(NameKeys.SEPARATOR)));
            }
        }
        return out;
    }

    private static List<String> names(PersonRecord r) {
        List<String> names = new ArrayList<>();
        names.add(r.fullName());
        names.addAll(r.aliases());
        return names;
    }

    /** Each record with the statistics its source would give with it (V4__name_frequencies.sql, SqlSupport.nameStatistics). */
    private static List<PersonRecord> withStatistics(List<PersonRecord> rs) {
        Map<String, Long> full = new HashMap<>();
        Map<String, Long> part = new HashMap<>();
        List<Set<String>> fullKeys = new ArrayList<>();
        for (PersonRecord r : rs) {
            Set<String> fks = new HashSet<>();
            for (NameKeys.Key k : NameKeys.of(names(r))) {
                if (k.kind().equals(NameKeys.FULL)) {
                    fks.add(k.text().substring(0, k.text().indexOf(NameKeys.SEPARATOR)));
                }
            }
            fullKeys.add(fks);
            Set<String> ps = new HashSet<>();
            for (String f : fks) {
                full.merge(f, 1L, Long::sum);
                for (String p : f.split(" ")) {
                    ps.add(p);
                }
            }
            ps.forEach(p -> part.merge(p, 1L, Long::sum));
        }
        List<PersonRecord> out = new ArrayList<>(rs.size());
        for (int i = 0; i < rs.size(); i++) {
            PersonRecord r = rs.get(i);
            long mostHeld = 0;
            Map<String, Long> parts = new HashMap<>();
            for (String f : fullKeys.get(i)) {
                mostHeld = Math.max(mostHeld, full.get(f));
                for (String p : f.split(" ")) {
                    parts.put(p, part.get(p));
                }
            }
            Long own = full.get(NameKeys.fullKey(r.fullName()));
            NameStatistics stats = new NameStatistics(rs.size(), own != null ? own : mostHeld, parts);
            out.add(new PersonRecord(r.recordId(), r.givenNames(), r.familyName(), r.fullName(), r.aliases(),
                    r.dateOfBirth(), r.sex(), r.nationality(), r.alerts(), stats));
        }
        return out;
    }

    private static Map<Long, Integer> index(List<Long> ids) {
        Map<Long, Integer> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.putIfAbsent(ids.get(i), i);
        }
        return out;
    }
}
