package org.frontline.match;

import com.ibm.icu.text.Transliterator;
import org.frontline.bench.BenchData;
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
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@link NameNormaliser#normalise} (what every query and every record name goes through: NFKC,
 * case folding, per-word script detection and name-specific ICU romanisation, Latin-ASCII,
 * honorifics, abd compounds) against two references on the same names, one name per operation,
 * cycling through 192 real names (64 each Cyrillic, Arabic script, Latin with diacritics):
 * <ul>
 * <li>{@code refIcuAnyLatin}: one ICU transliterator "Any-Latin; Latin-ASCII; Lower", built once,
 * applied to the whole name (the obvious way to romanise with ICU);</li>
 * <li>{@code refNfkdStripMarks}: java.text.Normalizer NFKD, combining marks removed, lower case
 * (no romanisation at all: the floor for any normaliser).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
// deep call trees (ICU, the matcher): on a busy 2-core machine C2 took up to 14 s to settle them
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class NormaliseBenchmark {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private String[] names;
    private int next;
    private Transliterator anyLatin;

    @Setup
    public void setUp() {
        names = BenchData.mixedScriptNames(64).toArray(String[]::new);
        anyLatin = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
        for (String name : names) {
            if (NameNormaliser.normalise(name).isEmpty() || anyLatin.transliterate(name).isBlank()) {
                throw new IllegalStateException("a benchmark name normalises to nothing");
            }
        }
    }

    private String nextName() {
        String name = names[next];
        next = next + 1 == names.length ? 0 : next + 1;
        return name;
    }

    @Benchmark
    public String normalise_ours() {
        return NameNormaliser.normalise(nextName());
    }

    @Benchmark
    public String normalise_refIcuAnyLatin() {
        return anyLatin.transliterate(nextName());
    }

    @Benchmark
    @Warmup(iterations = 3, time = 2) // small and flat: settled in a few seconds
    public String normalise_refNfkdStripMarks() {
        String decomposed = Normalizer.normalize(nextName(), Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
