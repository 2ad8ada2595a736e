package org.frontline.match.eval;

import org.frontline.bench.BenchData;
import org.frontline.match.MatchResult;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.PersonQuery;
import org.frontline.model.PersonRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Person name scoring, one labelled pair per operation, cycling through the 548 pairs of
 * nomenklatura/person_pairs.tsv (name1 as the officer's query, name2 as the record's full name):
 * <ul>
 * <li>{@code score_oursUncached}: {@link PersonNameMatcher#score} on a fresh matcher, so both names
 * are normalised and tokenised in the operation (a record name the service has not seen before);</li>
 * <li>{@code score_oursCached}: the same on one long-lived matcher whose per-string token cache
 * already holds both names (the query name on every candidate after the first; repeated records);</li>
 * <li>{@code score_refJaroWinkler}: the whole-string baseline of the matching evaluation, textbook
 * Jaro-Winkler of the NFKC lower-cased full strings (eval.JaroWinkler).</li>
 * </ul>
 * The shipped service sits between the two "ours" figures.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
// deep call trees (ICU, the matcher): on a busy 2-core machine C2 took up to 14 s to settle them
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ScoreBenchmark {

    private PersonQuery[] queries;
    private PersonRecord[] records;
    private String[] left;
    private String[] right;
    private PersonNameMatcher cached;
    private int next;

    @Setup
    public void setUp() {
        List<String[]> pairs = BenchData.tsv("nomenklatura/person_pairs.tsv");
        int n = pairs.size();
        queries = new PersonQuery[n];
        records = new PersonRecord[n];
        left = new String[n];
        right = new String[n];
        for (int i = 0; i < n; i++) {
            left[i] = pairs.get(i)[1];
            right[i] = pairs.get(i)[2];
            queries[i] = PersonQuery.ofName(left[i]);
            records[i] = new PersonRecord("R" + i, null, null, right[i], List.of(), null, null, null, List.of());
        }
        cached = PersonNameMatcher.create();
        for (int i = 0; i < n; i++) {
            cached.score(queries[i], records[i]);
        }
    }

    private int nextPair() {
        int i = next;
        next = i + 1 == queries.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public MatchResult score_oursUncached() {
        int i = nextPair();
        return PersonNameMatcher.create().score(queries[i], records[i]);
    }

    @Benchmark
    public MatchResult score_oursCached() {
        int i = nextPair();
        return cached.score(queries[i], records[i]);
    }

    @Benchmark
    @Warmup(iterations = 3, time = 2) // small and flat: settled in a few seconds
    public double score_refJaroWinkler() {
        int i = nextPair();
        return JaroWinkler.similarity(lower(left[i]), lower(right[i]));
    }

    private static String lower(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
