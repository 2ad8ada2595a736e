package org.frontline.match.eval;

import org.frontline.match.DateAgreement;
import org.frontline.match.NameAgreement;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.Sex;
import org.frontline.sourcedata.SourceSchemas;
import org.frontline.sourcedata.SyntheticWorld;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Estimates the m and u probabilities of every comparison level of the person evidence
 * ({@code org.frontline.match.EvidenceWeights}) from the synthetic world's ground truth, tuning half
 * only (identities whose id hashes even; the answer-quality benchmark reports on the other half).
 *
 * <p>m: a record of an identity in source A taken as the query (its name as A writes it, its date of
 * birth, nationality and sex) against the record of the same identity in source B, for every pair of
 * sources. u: the same comparison between records of different identities, drawn at random.
 *
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *   org.frontline.match.eval.EvidenceWeightsEstimation 42 10000 3000000 > loadtests/results/evidence-weights.txt
 * </pre>
 * (about 3 minutes on 2 cores). Prints one table per comparison.
 */
public final class EvidenceWeightsEstimation {

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int randomPairs = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        SyntheticWorld world = new SyntheticWorld(seed, persons);
        PersonNameMatcher matcher = PersonNameMatcher.create();
        Map<String, List<PersonRecord>> records = new HashMap<>();
        Map<String, List<Long>> identities = new HashMap<>();
        personRecords(world, records, identities);
        Tally m = new Tally();
        Tally u = new Tally();
        List<String> sources = List.copyOf(SourceSchemas.TYPES);
        for (String a : sources) {
            Map<Long, Integer> indexA = index(identities.get(a));
            for (String b : sources) {
                if (a.equals(b)) {
                    continue;
                }
                List<Long> idsB = identities.get(b);
                for (int j = 0; j < idsB.size(); j++) {
                    long id = idsB.get(j);
                    Integer i = indexA.get(id);
                    if (i == null || id < 0 || !tuning(id)) {
                        continue;
                    }
                    m.add(matcher, records.get(a).get(i), records.get(b).get(j));
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < randomPairs; n++) {
            String a = sources.get(random.nextInt(sources.size()));
            String b = sources.get(random.nextInt(sources.size()));
            int i = random.nextInt(records.get(a).size());
            int j = random.nextInt(records.get(b).size());
            if (identities.get(a).get(i).equals(identities.get(b).get(j))) {
                continue;
            }
            u.add(matcher, records.get(a).get(i), records.get(b).get(j));
        }
        System.out.printf(Locale.ROOT, "seed %d, %d persons per source; m over %d true pairs, u over %d random pairs%n",
                seed, persons, m.total, u.total);
        for (String comparison : m.levels.keySet()) {
            System.out.println("\n" + comparison);
            Map<String, long[]> mm = m.levels.get(comparison);
            Map<String, long[]> uu = u.levels.getOrDefault(comparison, Map.of());
            for (String level : mm.keySet()) {
                double mp = mm.get(level)[0] / (double) m.total;
                double up = (uu.containsKey(level) ? uu.get(level)[0] : 0) / (double) u.total;
                System.out.printf(Locale.ROOT, "  %-22s m %.5f (%d)  u %.7f (%d)  bits %.2f%n", level, mp, mm.get(level)[0], up,
                        uu.containsKey(level) ? uu.get(level)[0] : 0, up == 0 ? Double.NaN : Math.log(mp / up) / Math.log(2));
            }
            for (String level : uu.keySet()) {
                if (!mm.containsKey(level)) {
                    System.out.printf(Locale.ROOT, "  %-22s m 0 (0)  u %.7f (%d)%n", level, uu.get(level)[0] / (double) u.total, uu.get(level)[0]);
                }
            }
        }
    }

    /**
     * Every source's person records as the generator writes them, and beside each the identity it
     * belongs to (the ground truth, in the same order).
     */
    static void personRecords(SyntheticWorld world, Map<String, List<PersonRecord>> records,
                              Map<String, List<Long>> identities) {
        for (String source : SourceSchemas.TYPES) {
            List<PersonRecord> rs = new ArrayList<>();
            world.forEachRecord(source, r -> {
                if (r.kind() == QueryKind.PERSON) {
                    rs.add((PersonRecord) r);
                }
            });
            List<Long> ids = new ArrayList<>();
            world.forEachGroundTruth(source, g -> {
                if (g.kind() == QueryKind.PERSON) {
                    ids.add(g.identityId());
                }
            });
            records.put(source, rs);
            identities.put(source, ids);
        }
    }

    /** The tuning half: identities whose mixed id is even. */
    public static boolean tuning(long identity) {
        return ((identity * 0x9E3779B97F4A7C15L) >>> 63) == 0;
    }

    private static Map<Long, Integer> index(List<Long> ids) {
        Map<Long, Integer> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.putIfAbsent(ids.get(i), i);
        }
        return out;
    }

    private static final class Tally {
        final Map<String, Map<String, long[]>> levels = new TreeMap<>();
        long total;

        void add(PersonNameMatcher matcher, PersonRecord query, PersonRecord record) {
            total++;
            NameAgreement name = matcher.compareNames(query.fullName(), record);
            double s = name.score();
            String bucket = s >= 0.95 ? "0.95-1" : s >= 0.90 ? "0.90-0.95" : s >= 0.85 ? "0.85-0.90" : s >= 0.80 ? "0.80-0.85"
                    : s >= 0.75 ? "0.75-0.80" : s >= 0.65 ? "0.65-0.75" : "<0.65";
            count("name", bucket + (name.givenNameMet() ? "" : " given-not-met"));
            count("name-fully-paired", bucket + (name.fullyPaired() ? " full" : " partial"));
            count("dob", DateAgreement.of(query.dateOfBirth(), record.dateOfBirth()).name());
            String nat = query.nationality() == null || record.nationality() == null ? "UNKNOWN"
                    : query.nationality().equals(record.nationality()) ? "EQUAL" : "DIFFERENT";
            count("nationality", nat);
            String sex = query.sex() == Sex.UNKNOWN || record.sex() == Sex.UNKNOWN ? "UNKNOWN"
                    : query.sex() == record.sex() ? "EQUAL" : "DIFFERENT";
            count("sex", sex);
            if (s >= 0.75) {
                // among pairs whose names already agree: names correlate with nationality and sex, so
                // agreement on them says less once the name agrees (u conditional on the name)
                count("nationality | name >= 0.75", nat);
                count("sex | name >= 0.75", sex);
                count("dob | name >= 0.75", DateAgreement.of(query.dateOfBirth(), record.dateOfBirth()).name());
                count("name >= 0.75", "all");
            }
        }

        void count(String comparison, String level) {
            levels.computeIfAbsent(comparison, k -> new TreeMap<>()).computeIfAbsent(level, k -> new long[1])[0]++;
        }
    }
}
