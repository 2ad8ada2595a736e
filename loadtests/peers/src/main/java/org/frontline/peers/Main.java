package org.frontline.peers;

import org.HdrHistogram.Histogram;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The load driver for the floors and the peers (issue #8). See loadtests/peers/README.md.
 *
 * <pre>
 * java -jar peers.jar --target http|source|fdw|trino|jdbc-naive
 *      (--model closed --concurrency N | --model open --rate R [--concurrency POOL] [--max-in-flight 10000])
 *      [--warmup-seconds 5] [--seconds 20] --queries FILE --label NAME --out FILE.json
 *      [--cpu-pids PID,PID] [--cpu-self true]   (the system under test's processes, for "cpu": see CpuMeter)
 *      http:       --url http://127.0.0.1:P/v1/search/document --token JWT [--method POST|GET] [--timeout-ms 30000]
 *      source:     --pg-url postgresql://127.0.0.1:5432/fq_bench_SCHEMA --schema SCHEMA
 *      fdw:        --pg-url postgresql://127.0.0.1:5432/fq_peer_fdw
 *      trino:      --trino-url jdbc:trino://127.0.0.1:PORT
 *      jdbc-naive: --db-prefix fq_bench_ [--pg-host 127.0.0.1 --pg-port 5432]
 * java -jar peers.jar queries --db-prefix fq_bench_ --count 20000 --hit-share 0.001 --seed 42 --out FILE
 * </pre>
 */
public final class Main {

    private static final Set<String> FLAGS = Set.of("target", "model", "concurrency", "rate", "warmup-seconds", "seconds",
            "queries", "label", "out", "url", "token", "method", "timeout-ms", "pg-url", "schema", "trino-url",
            "db-prefix", "pg-host", "pg-port", "max-in-flight", "count", "hit-share", "seed", "cpu-pids", "cpu-self");

    /** ~30 points of the latency distribution, for plots. */
    private static final double[] PERCENTILES = {0, 5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 96,
            97, 97.5, 98, 99, 99.25, 99.5, 99.75, 99.9, 99.95, 99.99, 99.995, 99.999, 100};

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("peers: " + e.getMessage());
            System.exit(2);
        }
    }

    static Map<String, String> parse(String[] args, int from) {
        Map<String, String> o = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --flag value, got " + a);
            }
            String k = a.substring(2);
            if (!FLAGS.contains(k)) {
                throw new IllegalArgumentException("unknown flag --" + k);
            }
            o.put(k, args[++i]);
        }
        return o;
    }

    private static String need(Map<String, String> o, String k) {
        String v = o.get(k);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + k + " is required");
        }
        return v;
    }

    static int run(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("queries")) {
            Map<String, String> o = parse(args, 1);
            Path out = Path.of(need(o, "out"));
            int count = Integer.parseInt(o.getOrDefault("count", "20000"));
            int hits = QueryFile.write(o.getOrDefault("pg-host", "127.0.0.1"), Integer.parseInt(o.getOrDefault("pg-port", "5432")),
                    o.getOrDefault("db-prefix", "fq_bench_"), count, Double.parseDouble(o.getOrDefault("hit-share", "0.001")),
                    Long.parseLong(o.getOrDefault("seed", "42")), out);
            System.out.printf(Locale.ROOT, "queries: %d lines, %d real document numbers, -> %s%n", count, hits, out);
            return 0;
        }
        Map<String, String> o = parse(args, 0);
        String targetName = need(o, "target");
        String model = o.getOrDefault("model", "closed");
        boolean closed = switch (model) {
            case "closed" -> true;
            case "open" -> false;
            default -> throw new IllegalArgumentException("--model closed|open");
        };
        Integer concurrency = o.containsKey("concurrency") ? Integer.valueOf(o.get("concurrency")) : null;
        Double rate = o.containsKey("rate") ? Double.valueOf(o.get("rate")) : null;
        if (closed && (concurrency == null || concurrency < 1)) {
            throw new IllegalArgumentException("--model closed needs --concurrency N >= 1");
        }
        if (!closed && (rate == null || rate <= 0)) {
            throw new IllegalArgumentException("--model open needs --rate R > 0");
        }
        double warmup = Double.parseDouble(o.getOrDefault("warmup-seconds", "5"));
        double seconds = Double.parseDouble(o.getOrDefault("seconds", "20"));
        List<Query> queries = Query.load(Path.of(need(o, "queries")));
        String label = o.getOrDefault("label", targetName);
        Path out = Path.of(need(o, "out"));
        int maxInFlight = Integer.parseInt(o.getOrDefault("max-in-flight", "10000"));
        // the pool (closed model: one connection or thread per worker). Open model defaults: http 256,
        // source 16, the others 8: an fdw session holds 1 + 5 server connections, a jdbc-naive or trino
        // worker 5, and max_connections is 100 on this server.
        int connections = concurrency != null ? concurrency
                : targetName.equals("http") ? 256 : targetName.equals("source") ? 16 : 8;

        Target target = switch (targetName) {
            case "http" -> new HttpTarget(need(o, "url"), o.getOrDefault("method", "POST"), o.get("token"), connections,
                    Integer.parseInt(o.getOrDefault("timeout-ms", "30000")));
            case "source" -> PgTarget.source(need(o, "pg-url"), need(o, "schema"), connections);
            case "fdw" -> PgTarget.fdw(need(o, "pg-url"), connections);
            case "trino" -> BlockingTarget.trino(need(o, "trino-url"), connections);
            case "jdbc-naive" -> BlockingTarget.naive(o.getOrDefault("pg-host", "127.0.0.1"),
                    Integer.parseInt(o.getOrDefault("pg-port", "5432")), need(o, "db-prefix"), connections);
            default -> throw new IllegalArgumentException("--target http|source|fdw|trino|jdbc-naive");
        };
        Driver.Result r;
        CpuMeter cpu;
        try {
            target.prepare();
            Driver d = new Driver(target, queries);
            long w = (long) (warmup * 1e9);
            long m = (long) (seconds * 1e9);
            long drain = 30_000_000_000L;
            cpu = cpuMeter(o, System.nanoTime() + w, m);
            r = closed ? d.closed(concurrency, w, m, drain) : d.open(rate, maxInFlight, w, m, drain);
        } finally {
            target.close();
        }

        Histogram h = r.latencyMicros();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("label", label);
        j.put("target", targetName);
        j.put("model", model);
        j.put("concurrency", closed ? concurrency : null);
        j.put("rate", closed ? null : rate);
        j.put("seconds", seconds);
        j.put("requests", r.requests());
        j.put("ok", r.ok());
        j.put("errors", r.errors());
        j.put("throughput_rps", r.ok() / seconds);
        boolean any = h.getTotalCount() > 0;
        j.put("mean_ms", any ? h.getMean() / 1000.0 : null);
        j.put("p50_ms", any ? ms(h, 50) : null);
        j.put("p90_ms", any ? ms(h, 90) : null);
        j.put("p99_ms", any ? ms(h, 99) : null);
        j.put("p999_ms", any ? ms(h, 99.9) : null);
        j.put("max_ms", any ? h.getMaxValue() / 1000.0 : null);
        List<List<Double>> points = new java.util.ArrayList<>();
        if (any) {
            for (double p : PERCENTILES) {
                points.add(List.of(p, ms(h, p)));
            }
        }
        j.put("percentiles", points);
        j.put("statuses", r.statuses());
        // beyond the fixed keys: found-something count (database targets), pool size, left unanswered at the end
        j.put("hits", targetName.equals("http") ? null : r.hits());
        j.put("connections", connections);
        j.put("unfinished", r.unfinished());
        j.put("cpu", cpu.figures(r.ok()));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, Json.write(j), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT,
                "%s: %s %s %s | %d req, %d ok, %d err, %.1f ok/s | p50 %s p90 %s p99 %s p99.9 %s max %s ms | %s -> %s%n",
                label, targetName, model, closed ? "c=" + concurrency : "r=" + rate, r.requests(), r.ok(), r.errors(),
                r.ok() / seconds, fmt(j.get("p50_ms")), fmt(j.get("p90_ms")), fmt(j.get("p99_ms")), fmt(j.get("p999_ms")),
                fmt(j.get("max_ms")), r.statuses(), out);
        return 0;
    }

    /** The CPU meter of the measured window: the pids of --cpu-pids, this process with --cpu-self true, PostgreSQL. */
    private static CpuMeter cpuMeter(Map<String, String> o, long windowStart, long windowNanos) {
        List<Long> pids = new java.util.ArrayList<>();
        List<String> counted = new java.util.ArrayList<>();
        for (String p : o.getOrDefault("cpu-pids", "").split(",")) {
            if (!p.isBlank()) {
                pids.add(Long.parseLong(p.strip()));
                counted.add("pid " + p.strip());
            }
        }
        if (Boolean.parseBoolean(o.getOrDefault("cpu-self", "false"))) {
            pids.add(ProcessHandle.current().pid());
            counted.add("this driver (the system under test)");
        }
        counted.add("every postgres process");
        return CpuMeter.schedule(pids, String.join(" + ", counted), windowStart, windowStart + windowNanos);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String fmt(Object v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3f", (Double) v);
    }
}
