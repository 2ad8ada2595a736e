package org.frontline.source;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import org.frontline.match.NameKeys;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.PersonRecord;
import org.frontline.quality.LabelledQuery;
import org.frontline.quality.QuerySet;
import org.frontline.quality.QueryTypes;
import org.frontline.sourcedata.WorldPersons;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Candidate recall of each source's person statement (issue #18, item 2): for labelled questions of
 * the answer-quality benchmark (the same generator, seed and sample as {@code loadtests/answer-quality.sh}),
 * every record the true person has in a source is looked for among the candidates that source's
 * connector returns for the question (its own SQL, the engine's search key, the year of birth asked,
 * 25 candidates, as {@code FederatedSearch} asks). A benchmark, not a test: it reads the
 * {@code fq_bench_<schema>} databases of {@code loadtests/bulk-load.sh}.
 *
 * <p>Prints, per question type and source, the true records held, how many came back, and the
 * recall; and overall per type. Also what the answer-quality benchmark cannot tell: whether a record
 * missing from an answer was never a candidate (this statement) or was dropped after it.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/answer-quality.cp) org.frontline.source.CandidateRecall \
 *     [persons 1000000] [per-type 100] [types name_dob,...] [out target/candidate-recall.md]
 * </pre>
 */
public final class CandidateRecall {

    /** A name fewer than this many persons of a source share: the "name-only queries whose name fewer than 25 persons share". */
    static final int RARE_NAME = 25;

    private CandidateRecall() {
    }

    private static int sourceIndex(String source) {
        for (int i = 0; i < PersonSearchBenchmark.SCHEMAS.size(); i++) {
            if (PersonSearchBenchmark.SCHEMAS.get(i).name().equals(source)) {
                return i;
            }
        }
        throw new IllegalArgumentException(source);
    }

    /**
     * Persons of the source who share the name: the most held of the record's full keys (its name and
     * aliases) and of the full key asked, whichever more persons hold.
     */
    private static long nameHolders(Pool pool, String recordId, String askedFullKey) {
        long asked = pool.preparedQuery("SELECT coalesce(max(holders), 0) AS holders FROM frontline_name_frequency"
                        + " WHERE key_kind = 'f' AND key = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(askedFullKey)).await().indefinitely()
                .iterator().next().getLong("holders");
        return Math.max(asked, recordNameHolders(pool, recordId));
    }

    private static long recordNameHolders(Pool pool, String recordId) {
        String type = pool.query("SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute"
                        + " WHERE attrelid = 'frontline_name_key'::regclass AND attname = 'record_ref'")
                .execute().await().indefinitely().iterator().next().getString("t");
        return pool.preparedQuery("""
                        SELECT coalesce(max(q.holders), 1) AS holders FROM frontline_name_key k
                          JOIN frontline_name_frequency q ON q.key_kind = 'f' AND q.key = split_part(k.key, '=', 1)
                         WHERE k.record_ref = $1::text::%s AND k.key_kind = 'f'""".formatted(type))
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(recordId)).await().indefinitely()
                .iterator().next().getLong("holders");
    }

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int perType = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<String> types = args.length > 2 ? List.of(args[2].split(","))
                : List.of(QueryTypes.NAME_DOB, "name_dob_nationality", "swapped_order_dob", "typo_dob",
                "native_script_dob", "dob_year_only", "dob_day_month_swapped", QueryTypes.NAME_ONLY);
        Path out = Path.of(args.length > 3 ? args[3] : "target/candidate-recall.md");
        String prefix = System.getProperty("bench.prefix", "fq_bench_");
        int limit = Integer.getInteger("bench.limit", 25);

        long t0 = System.nanoTime();
        QuerySet.Generated set = QuerySet.generate(new WorldPersons(42, persons), perType, 1, types);
        System.err.printf("%d questions in %d ms%n", set.queries().size(), (System.nanoTime() - t0) / 1_000_000);
        PersonNameMatcher matcher = PersonNameMatcher.create();
        Vertx vertx = Vertx.vertx();
        Map<String, SourceConnector> connectors = new LinkedHashMap<>();
        List<Pool> pools = new ArrayList<>();
        for (PersonSearchBenchmark.Schema s : PersonSearchBenchmark.SCHEMAS) {
            Pool pool = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(5432)
                    .setUser("postgres").setDatabase(prefix + s.name()).setCachePreparedStatements(true)
                    // -Dbench.plan-cache-mode=force_generic_plan: the sessions' plan cache mode, to weigh planning per execution
                    .setProperties(System.getProperty("bench.plan-cache-mode") == null ? Map.of()
                            : Map.of("plan_cache_mode", System.getProperty("bench.plan-cache-mode"))))
                    .using(vertx).build();
            pools.add(pool);
            connectors.put(s.name(), s.connector().apply(pool));
        }
        // type -> source -> [held, found]
        Map<String, Map<String, int[]>> counts = new LinkedHashMap<>();
        // name-only questions whose true record's name fewer than RARE_NAME persons of its source share: [held, found]
        int[] rareNameOnly = new int[2];
        List<String> misses = new ArrayList<>();
        Map<String, List<Double>> latencies = new TreeMap<>();
        Map<String, List<Double>> latenciesByType = new LinkedHashMap<>();
        try {
            // warm-up, not counted: the client's JIT and each connection's first plans
            for (LabelledQuery q : set.queries().subList(0, Math.min(60, set.queries().size()))) {
                Integer year = q.dateOfBirth() == null ? null : Integer.valueOf(q.dateOfBirth().substring(0, 4));
                for (SourceConnector c : connectors.values()) {
                    c.findPersonCandidates(matcher.searchKey(q.name()), year, limit).await().indefinitely();
                }
            }
            for (LabelledQuery q : set.queries()) {
                if (!q.hasTruth() || q.trueRecords().isEmpty()) {
                    continue;
                }
                String key = matcher.searchKey(q.name());
                Integer year = q.dateOfBirth() == null ? null : Integer.valueOf(q.dateOfBirth().substring(0, 4));
                Map<String, List<String>> bySource = new TreeMap<>();
                for (String r : q.trueRecords()) {
                    int slash = r.indexOf('/');
                    bySource.computeIfAbsent(r.substring(0, slash), x -> new ArrayList<>()).add(r.substring(slash + 1));
                }
                for (Map.Entry<String, List<String>> e : bySource.entrySet()) {
                    SourceConnector c = connectors.get(e.getKey());
                    long s0 = System.nanoTime();
                    List<String> ids = c.findPersonCandidates(key, year, limit).await().indefinitely().stream()
                            .map(PersonRecord::recordId).toList();
                    double ms = (System.nanoTime() - s0) / 1e6;
                    latencies.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(ms);
                    latenciesByType.computeIfAbsent(q.type(), x -> new ArrayList<>()).add(ms);
                    int[] n = counts.computeIfAbsent(q.type(), x -> new TreeMap<>())
                            .computeIfAbsent(e.getKey(), x -> new int[2]);
                    for (String id : e.getValue()) {
                        n[0]++;
                        boolean found = ids.contains(id);
                        if (found) {
                            n[1]++;
                        } else {
                            misses.add(q.type() + "\t" + e.getKey() + "\t" + id + "\t" + q.name() + "\t" + key + "\t" + year);
                        }
                        if (q.type().equals(QueryTypes.NAME_ONLY)
                                && nameHolders(pools.get(sourceIndex(e.getKey())), id, NameKeys.forSearch(key).full()) < RARE_NAME) {
                            rareNameOnly[0]++;
                            rareNameOnly[1] += found ? 1 : 0;
                        }
                    }
                }
            }
        } finally {
            for (Pool p : pools) {
                p.closeAndAwait();
            }
            vertx.closeAndAwait();
        }
        StringBuilder md = new StringBuilder("| question | ");
        List<String> sources = new ArrayList<>(connectors.keySet());
        sources.forEach(s -> md.append(s).append(" | "));
        md.append("all |\n|---|");
        sources.forEach(s -> md.append("---|"));
        md.append("---|\n");
        for (String type : types) {
            Map<String, int[]> bySource = counts.getOrDefault(type, Map.of());
            md.append("| `").append(type).append("` | ");
            int held = 0;
            int found = 0;
            for (String s : sources) {
                int[] n = bySource.get(s);
                if (n == null) {
                    md.append("- | ");
                    continue;
                }
                held += n[0];
                found += n[1];
                md.append(String.format(Locale.ROOT, "%.3f (%d/%d) | ", (double) n[1] / n[0], n[1], n[0]));
            }
            md.append(String.format(Locale.ROOT, "**%.3f** (%d/%d) |%n", held == 0 ? Double.NaN : (double) found / held,
                    found, held));
        }
        if (rareNameOnly[0] > 0) {
            md.append(String.format(Locale.ROOT, "%n`name_only` whose name (as asked and as held) fewer than %d persons of the source share: **%.3f** (%d/%d)%n",
                    RARE_NAME, (double) rareNameOnly[1] / rareNameOnly[0], rareNameOnly[1], rareNameOnly[0]));
        }
        md.append("\nStatement latency (client, one at a time, loaded machine): ");
        latencies.forEach((s, l) -> {
            double[] v = l.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            md.append(String.format(Locale.ROOT, "%s p50 %.1f / p95 %.1f ms; ", s, v[v.length / 2],
                    v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.95) - 1)]));
        });
        md.append("\nBy question: ");
        latenciesByType.forEach((t, l) -> {
            double[] v = l.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            md.append(String.format(Locale.ROOT, "%s p50 %.1f / p95 %.1f ms; ", t, v[v.length / 2],
                    v[(int) Math.min(v.length - 1, Math.ceil(v.length * 0.95) - 1)]));
        });
        md.append('\n');
        double[] all = latencies.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).sorted().toArray();
        md.append(String.format(Locale.ROOT, "all p50 %.1f / p95 %.1f / p99 %.1f ms (%d statements)%n", all[all.length / 2],
                all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.95) - 1)],
                all[(int) Math.min(all.length - 1, Math.ceil(all.length * 0.99) - 1)], all.length));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(Path.of(out.toString().replaceAll("\\.md$", "") + "-misses.tsv"), misses);
        Files.writeString(out, md.toString());
        System.out.println(md);
    }
}
