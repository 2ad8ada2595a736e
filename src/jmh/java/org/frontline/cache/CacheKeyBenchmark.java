package org.frontline.cache;

import org.frontline.bench.BenchData;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.QueryKind;
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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cache keys of one person look-up at one source, one key per operation, cycling through the
 * search keys of the 683 UN query names (as {@link PersonNameMatcher#searchKey} makes them) and the
 * five sources:
 * <ul>
 * <li>{@code l1Key_ours}: {@link CacheKey#persons} then {@link CacheKey#at} and its hash code (what
 * the Caffeine tier computes on every look-up) against {@code l1Key_refConcat}: one string
 * concatenation of the same parts and its hash code;</li>
 * <li>{@code l2Key_ours}: the Redis key, the same expression as {@code SharedTier.key} (namespace,
 * format, source, kind, generation, then the query's SHA-256 in URL-safe Base64 from
 * {@link Hashing#sha256}) against {@code l2Key_refSha256Hex}: SHA-256 of the whole concatenated
 * key through MessageDigest, hex-encoded.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class CacheKeyBenchmark {

    private static final int LIMIT = 25;
    private static final String NAMESPACE = "fq";
    private static final List<String> SOURCES = List.of("interpol", "europol", "ameripol", "aseanapol", "gccpol");

    private String[] searchKeys;
    private long generation;
    private int next;

    @Setup
    public void setUp() {
        PersonNameMatcher matcher = PersonNameMatcher.create();
        searchKeys = BenchData.tsv("yente/un_triples.tsv").stream().map(t -> matcher.searchKey(t[0]))
                .toArray(String[]::new);
        generation = 17L + searchKeys.length;
        String key = CacheKey.persons("interpol", searchKeys[0], null, LIMIT).at(generation);
        if (!key.contains(searchKeys[0]) || !key.startsWith("interpol")) {
            throw new IllegalStateException("the L1 key no longer holds the query: update the reference");
        }
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == searchKeys.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public int l1Key_ours() {
        int i = nextIndex();
        return CacheKey.persons(SOURCES.get(i % 5), searchKeys[i], null, LIMIT).at(generation).hashCode();
    }

    @Benchmark
    public int l1Key_refConcat() {
        int i = nextIndex();
        return (SOURCES.get(i % 5) + ':' + QueryKind.PERSON + ':' + generation + ':' + LIMIT + ':' + searchKeys[i])
                .hashCode();
    }

    @Benchmark
    public String l2Key_ours() {
        int i = nextIndex();
        CacheKey<?> key = CacheKey.persons(SOURCES.get(i % 5), searchKeys[i], null, LIMIT);
        return NAMESPACE + ":a:" + RecordCodec.FORMAT + ':' + key.source() + ':' + key.kind() + ':' + generation + ':'
                + Hashing.sha256(key.query());
    }

    @Benchmark
    public String l2Key_refSha256Hex() throws NoSuchAlgorithmException {
        int i = nextIndex();
        String key = SOURCES.get(i % 5) + ':' + QueryKind.PERSON + ':' + generation + ':' + LIMIT + ':' + searchKeys[i];
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
