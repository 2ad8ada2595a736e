package org.frontline.search;

import org.frontline.bench.BenchData;
import org.frontline.match.MatchResult;
import org.frontline.match.PersonEvidence;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.PersonQuery;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.SourceStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Consolidation of the five sources' answers to one person query, {@code records} records in all
 * (0, 5 or 20: the typical range), against a naive merge of the same answers.
 *
 * <p>The records come from the UN triples (yente/un_triples.tsv): for each triple, five records
 * spread over the five sources in turn: the listed person as listed, as the treated query spells
 * it, as listed again, and two records of the other listed person who shares a name part. So
 * records of one person reach several sources under different spellings and must be merged by
 * name, while look-alikes must not be. Each record carries the score the matcher gives it against
 * its triple's query, as the engine computes before consolidating.
 *
 * <ul>
 * <li>{@code consolidate_ours}: {@link Consolidator#consolidate} (merge into subjects by name with
 * the matcher at the merge threshold, outcome, action, warnings, message). The matcher is the same
 * long-lived one that scored the records, so its token cache holds their names, as in the service
 * where the records were scored a moment before;</li>
 * <li>{@code consolidate_refNaiveMerge}: concatenate the OK answers' records and sort them by score.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
// deep call trees (ICU, the matcher): on a busy 2-core machine C2 took up to 14 s to settle them
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ConsolidateBenchmark {

    static final List<String> SOURCES = List.of("interpol", "europol", "ameripol", "aseanapol", "gccpol");
    private static final Comparator<ScoredRecord> BY_SCORE =
            Comparator.comparingDouble(ScoredRecord::score).reversed();

    @Param({"0", "5", "20"})
    public int records;

    private Consolidator consolidator;
    private List<SourceAnswer> answers;

    @Setup
    public void setUp() {
        PersonNameMatcher matcher = PersonNameMatcher.create();
        consolidator = new Consolidator(new PersonEvidence(matcher), 0.9, 0.9, 10);
        // triples whose listed person has a full date of birth: records that know only the year are kept
        // apart by the merge rule (PersonEvidence#linked), and the first triple's do, so 5 records merged nothing
        List<String[]> triples = BenchData.tsv("yente/un_triples.tsv").stream()
                .filter(t -> t[4].length() == 10).toList();
        List<List<ScoredRecord>> perSource = new ArrayList<>();
        SOURCES.forEach(s -> perSource.add(new ArrayList<>()));
        for (int i = 0; i < records; i++) {
            String[] t = triples.get(i / 5);
            PersonQuery query = new PersonQuery(t[0], null, null, null);
            PersonRecord record = switch (i % 5) {
                case 0, 2 -> BenchData.person("P" + i, t[3], t[4], t[5], List.of(), true);
                case 1 -> BenchData.person("P" + i, t[0], t[1], t[2], List.of(t[3]), true);
                default -> BenchData.person("P" + i, t[6], t[7], t[8], List.of(), false);
            };
            MatchResult score = matcher.score(query, record);
            perSource.get(i % 5).add(new ScoredRecord(SOURCES.get(i % 5), record, score.score(), score.reasons()));
        }
        answers = new ArrayList<>();
        for (int s = 0; s < SOURCES.size(); s++) {
            answers.add(new SourceAnswer(SOURCES.get(s), SOURCES.get(s).toUpperCase(), "Duty desk " + s,
                    SourceStatus.OK, 20L + 7 * s, null, perSource.get(s)));
        }
        Answer answer = consolidator.consolidate("q", QueryKind.PERSON, answers, 120);
        if (records >= 5 && answer.subjects().size() >= records) {
            throw new IllegalStateException("no records were merged: the inputs do not exercise the merge");
        }
    }

    @Benchmark
    public Answer consolidate_ours() {
        return consolidator.consolidate("q", QueryKind.PERSON, answers, 120);
    }

    @Benchmark
    @Warmup(iterations = 3, time = 2) // small and flat: settled in a few seconds
    public List<ScoredRecord> consolidate_refNaiveMerge() {
        List<ScoredRecord> all = new ArrayList<>();
        for (SourceAnswer a : answers) {
            if (a.status() == SourceStatus.OK) {
                all.addAll(a.records());
            }
        }
        all.sort(BY_SCORE);
        return all;
    }
}
