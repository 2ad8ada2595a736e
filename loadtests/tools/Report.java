import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The comparison report of loadtests/compare.sh, from the files one run left in its directory:
 * <ul>
 * <li>{@code <label>.json}: one per measured phase, as written by the peers driver
 * (loadtests/peers: label, target, model, concurrency, rate, seconds, requests, ok, errors,
 * throughput_rps, mean_ms, p50_ms, p90_ms, p99_ms, p999_ms, max_ms, percentiles [[pct, ms], ...],
 * statuses);</li>
 * <li>{@code meta.properties}: date, command, machine, commit, data note, rows per source, deadline,
 * which phases were skipped and why;</li>
 * <li>{@code rss-<service>.txt}: "epoch_ms kB" lines, the service's VmRSS every 250 ms, and
 * {@code hwm-<service>.txt}: its VmHWM in kB at the end;</li>
 * <li>{@code gatling.txt} (optional): "name|count|KO|p50|p95|p99|max" per request of the Gatling mix.</li>
 * </ul>
 * Writes summary.json (the ratios, each with the figures it came from, and "raw": every phase),
 * compare.html (one latency plot per scenario, inline SVG, no script) and the RESULTS.md section.
 * Every figure comes from those files; a phase that is missing gives null and "not measured".
 *
 * <pre>
 * java loadtests/tools/Report.java --dir loadtests/work/compare --summary loadtests/results/summary.json \
 *     --html loadtests/results/compare.html --section loadtests/work/compare/section.md
 * </pre>
 */
public class Report {

    static final String[] SCHEMAS = {"interpol", "europol", "ameripol", "aseanapol", "gccpol"};

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path dir = Path.of(need(a, "dir"));
        Properties meta = new Properties();
        Path metaFile = dir.resolve("meta.properties");
        if (Files.exists(metaFile)) {
            try (Reader r = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
                meta.load(r);
            }
        }
        Map<String, Map<String, Object>> phases = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                Object parsed = new Json(Files.readString(f)).parse();
                if (parsed instanceof Map<?, ?> m && m.containsKey("p50_ms")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> phase = new LinkedHashMap<>((Map<String, Object>) m);
                    String label = f.getFileName().toString().replaceFirst("\\.json$", "");
                    phases.put(label, phase);
                }
            }
        }
        Path commands = dir.resolve("commands.tsv");
        if (Files.exists(commands)) {
            for (String line : Files.readAllLines(commands, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 2);
                if (f.length == 2 && phases.containsKey(f[0])) {
                    phases.get(f[0]).put("command", f[1]);
                }
            }
        }
        Report r = new Report(phases, meta, dir);
        Map<String, Object> summary = r.summary();
        write(Path.of(need(a, "summary")), Json.write(summary, 0) + "\n");
        write(Path.of(need(a, "html")), r.html(summary));
        write(Path.of(need(a, "section")), r.section(summary));
        System.err.println("report: " + phases.size() + " phases: " + phases.keySet());
    }

    private final Map<String, Map<String, Object>> phases;
    private final Properties meta;
    private final Path dir;
    private final List<String[]> targets = new ArrayList<>();   // key, target text, verdict, value text

    Report(Map<String, Map<String, Object>> phases, Properties meta, Path dir) {
        this.phases = phases;
        this.meta = meta;
        this.dir = dir;
    }

    // ------------------------------------------------------------------ summary.json

    Map<String, Object> summary() throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        Double http = num("floor-http", "p50_ms");
        String slowest = null;
        Double slowestP50 = null;
        Map<String, Object> direct = new LinkedHashMap<>();
        for (String schema : SCHEMAS) {
            Double p = num("source-" + schema, "p50_ms");
            direct.put(schema, p);
            if (p != null && (slowestP50 == null || p > slowestP50)) {
                slowestP50 = p;
                slowest = schema;
            }
        }
        Double floor = http == null || slowestP50 == null ? null : http + slowestP50;
        Double coldLow = num("cold-c1", "p50_ms");
        Double coldHalf = num("cold-open50", "p50_ms");
        Double coldSat = num("cold-c32", "throughput_rps");
        Double fdwP50 = num("fdw-c1", "p50_ms");
        Double fdw8 = num("fdw-c8", "throughput_rps");
        Double fdw32 = num("fdw-c32", "throughput_rps");
        Double warm = num("warm-c32", "throughput_rps");
        Double trivBefore = num("warm-trivial-before", "throughput_rps");
        Double trivAfter = num("warm-trivial-after", "throughput_rps");
        Double trivial = trivBefore == null ? trivAfter : trivAfter == null ? trivBefore : (trivBefore + trivAfter) / 2;
        Double slowP99 = num("slow-open", "p99_ms");
        Double deadline = meta.getProperty("deadline_ms") == null ? null : Double.valueOf(meta.getProperty("deadline_ms"));
        Double rss = peakRssMb();

        s.put("cold_p50_over_floor_p50", ratio(coldLow, floor));
        s.put("cold_p50_over_floor_p50_at_50pct_saturation", ratio(coldHalf, floor));
        s.put("warm_throughput_over_trivial_throughput", ratio(warm, trivial));
        s.put("postgres_fdw_p50_over_cold_p50", ratio(fdwP50, coldLow));
        s.put("cold_saturation_over_fdw_throughput", ratio(coldSat, fdw8));
        s.put("cold_saturation_over_fdw_c32_throughput", ratio(coldSat, fdw32));
        // measurement only: the same cold path with the audit off, to show what the audit commit adds
        Double unaudited = num("unaudited-c1", "p50_ms");
        s.put("cold_unaudited_p50_over_floor_p50", ratio(unaudited, floor));
        s.put("audit_added_p50_ms", coldLow == null || unaudited == null ? null : Math.round((coldLow - unaudited) * 1000) / 1000.0);
        s.put("trino_p50_over_cold_p50", ratio(num("trino-c1", "p50_ms"), coldLow));
        s.put("jdbc_naive_p50_over_cold_p50", ratio(num("naive-c1", "p50_ms"), coldLow));
        s.put("slow_source_p99_ms", slowP99);
        s.put("deadline_ms", deadline);
        s.put("service_peak_rss_mb", rss);

        target("cold_p50_over_floor_p50", "cold fan-out p50 (c=1) <= 1.5 x floor (HTTP floor p50 + slowest direct source p50)",
                s.get("cold_p50_over_floor_p50"), v -> v <= 1.5, "x", List.of("cold-c1", "floor-http"));
        target("cold_p50_over_floor_p50_at_50pct_saturation", "cold fan-out p50 at 50 % of saturation (open model) <= 1.5 x floor",
                s.get("cold_p50_over_floor_p50_at_50pct_saturation"), v -> v <= 1.5, "x", List.of("cold-open50", "floor-http"));
        target("postgres_fdw_p50_over_cold_p50", "postgres_fdw p50 >= 3 x our cold p50 (c=1, same queries)",
                s.get("postgres_fdw_p50_over_cold_p50"), v -> v >= 3, "x", List.of("fdw-c1", "cold-c1"));
        target("cold_saturation_over_fdw_throughput", "our cold saturation throughput (c=32) >= 5 x postgres_fdw's at 8 clients",
                s.get("cold_saturation_over_fdw_throughput"), v -> v >= 5, "x", List.of("cold-c32", "fdw-c8"));
        target("warm_throughput_over_trivial_throughput", "warm (L1) throughput >= 50 % of the trivial endpoint's (c=32)",
                s.get("warm_throughput_over_trivial_throughput"), v -> v >= 0.5, "x", List.of("warm-c32", "warm-trivial-before"));
        target("slow_source_p99_ms", "one source 2 s late: p99 <= the deadline (" + fmt(deadline) + " ms)",
                slowP99, v -> deadline != null && v <= deadline, " ms", List.of("slow-open"));

        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("http_floor_p50_ms", http);
        inputs.put("direct_source_p50_ms", direct);
        inputs.put("slowest_direct_source", slowest);
        inputs.put("slowest_direct_source_p50_ms", slowestP50);
        inputs.put("floor_p50_ms", floor);
        inputs.put("cold_p50_ms_low_load", coldLow);
        inputs.put("cold_saturation_rps", coldSat);
        inputs.put("cold_p50_ms_at_50pct_saturation", coldHalf);
        inputs.put("cold_open_rate_rps", num("cold-open50", "rate"));
        inputs.put("postgres_fdw_p50_ms", fdwP50);
        inputs.put("postgres_fdw_c8_rps", fdw8);
        inputs.put("postgres_fdw_c32_rps", fdw32);
        inputs.put("warm_rps", warm);
        inputs.put("trivial_rps_before", trivBefore);
        inputs.put("trivial_rps_after", trivAfter);
        inputs.put("trivial_rps_mean", trivial);
        inputs.put("l2_only_p50_ms", num("l2-c1", "p50_ms"));
        inputs.put("l2_only_c32_rps", num("l2-c32", "throughput_rps"));
        s.put("inputs", inputs);

        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (String[] t : targets) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("key", t[0]);
            v.put("target", t[1]);
            v.put("verdict", t[2]);
            v.put("value", t[3]);
            v.put("note", t[4]);
            verdicts.add(v);
        }
        s.put("targets", verdicts);

        Map<String, Object> raw = new LinkedHashMap<>();
        phases.forEach((label, p) -> {
            Map<String, Object> copy = new LinkedHashMap<>(p);
            raw.put(label, copy);
        });
        s.put("raw", raw);
        Map<String, Object> rssMap = new LinkedHashMap<>();
        for (String service : services()) {
            Map<String, Object> m = new LinkedHashMap<>();
            long[] samples = rssSamples(service);
            m.put("samples", samples.length);
            m.put("peak_vmrss_mb", samples.length == 0 ? null : round(max(samples) / 1024.0));
            m.put("vmhwm_mb", hwm(service) == null ? null : round(hwm(service) / 1024.0));
            rssMap.put(service, m);
        }
        s.put("rss", rssMap);
        if (Files.exists(dir.resolve("gatling.txt"))) {
            List<Map<String, Object>> g = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("gatling.txt"))) {
                String[] f = line.split("\\|");
                if (f.length == 7) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("request", f[0]);
                    m.put("count", parseOrText(f[1]));
                    m.put("ko", parseOrText(f[2]));
                    m.put("p50_ms", parseOrText(f[3]));
                    m.put("p95_ms", parseOrText(f[4]));
                    m.put("p99_ms", parseOrText(f[5]));
                    m.put("max_ms", parseOrText(f[6]));
                    g.add(m);
                }
            }
            s.put("gatling_border_mix", g);
        }
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("nproc", meta.getProperty("nproc"));
        machine.put("memory", meta.getProperty("memory"));
        machine.put("load_average_at_start", meta.getProperty("loadavg_start"));
        machine.put("load_average_at_end", meta.getProperty("loadavg_end"));
        machine.put("date", meta.getProperty("date"));
        machine.put("git_commit", meta.getProperty("commit"));
        machine.put("note", meta.getProperty("note"));
        s.put("machine", machine);
        s.put("command", meta.getProperty("command"));
        s.put("data", meta.getProperty("data"));
        s.put("rows_per_source", meta.getProperty("rows"));
        s.put("skipped", meta.getProperty("skipped"));
        return s;
    }

    private void target(String key, String text, Object value, java.util.function.DoublePredicate ok, String unit,
                        List<String> from) {
        String verdict;
        String shown;
        String note = "";
        if (!(value instanceof Double v)) {
            verdict = "NOT MEASURED";
            shown = "-";
            List<String> why = new ArrayList<>();
            for (String label : from) {
                Map<String, Object> p = phases.get(label);
                if (p == null) {
                    why.add(label + " missing");
                } else if (!(p.get("ok") instanceof Double answered) || answered == 0) {
                    why.add(label + " failed: no answer, " + fmtO(p.get("errors")) + " errors (" + fmtO(p.get("statuses")) + ")");
                }
            }
            note = String.join("; ", why);
        } else {
            verdict = ok.test(v) ? "PASS" : "FAIL";
            shown = unit.equals("x") ? fmt(v) + "x" : fmt(v) + unit;
            List<String> bad = new ArrayList<>();
            for (String label : from) {
                Double errors = num(label, "errors");
                if (errors != null && errors > 0) {
                    bad.add(label + ": " + fmt(errors) + " errors");
                }
            }
            if (!bad.isEmpty()) {
                note = "errors in " + String.join(", ", bad);
            }
        }
        targets.add(new String[] {key, text, verdict, shown, note});
    }

    private Double peakRssMb() {
        long peak = -1;
        for (String service : services()) {
            long[] samples = rssSamples(service);
            if (samples.length > 0) {
                peak = Math.max(peak, max(samples));
            }
            Long h = hwm(service);
            if (h != null) {
                peak = Math.max(peak, h);
            }
        }
        return peak < 0 ? null : round(peak / 1024.0);
    }

    private List<String> services() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("rss-") && n.endsWith(".txt")).sorted()
                    .forEach(n -> out.add(n.substring(4, n.length() - 4)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private long[] rssSamples(String service) {
        try {
            return Files.readAllLines(dir.resolve("rss-" + service + ".txt")).stream().map(String::trim)
                    .filter(l -> l.matches("\\d+ \\d+")).mapToLong(l -> Long.parseLong(l.split(" ")[1])).toArray();
        } catch (IOException e) {
            return new long[0];
        }
    }

    private Long hwm(String service) {
        try {
            String s = Files.readString(dir.resolve("hwm-" + service + ".txt")).trim();
            return s.matches("\\d+") ? Long.valueOf(s) : null;
        } catch (IOException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ RESULTS.md section

    static final String[][] SCENARIOS = {
            {"Floors (caches off service; c=1, closed loop)", "floor-http", "source-interpol", "source-europol",
                    "source-ameripol", "source-aseanapol", "source-gccpol"},
            {"Our service, cold (caches off)", "cold-c1", "cold-c32", "cold-open50"},
            {"Our service, cold, audit off (measurement only: what the audit commit adds)", "unaudited-c1", "unaudited-c32"},
            {"Our service, warm (L1) and the trivial endpoint beside it (caches on, c=32)", "warm-trivial-before",
                    "warm-c32", "warm-trivial-after"},
            {"Our service, L2 only (L1 off, Redis on)", "l2-c1", "l2-c32"},
            {"The peers (same query file as the cold path)", "fdw-c1", "fdw-c8", "fdw-c32", "trino-c1", "trino-c8",
                    "naive-c1", "naive-c8"},
            {"One source delayed 2 s by a TCP proxy (caches off, open model)", "slow-open"},
    };

    static final Map<String, String> DESCRIPTION = new LinkedHashMap<>();

    static {
        DESCRIPTION.put("floor-http", "HTTP floor: GET /v1/ping, c=1");
        for (String s : SCHEMAS) {
            DESCRIPTION.put("source-" + s, s + " queried directly (reactive PG client), c=1");
        }
        DESCRIPTION.put("cold-c1", "cold fan-out, c=1 (low load)");
        DESCRIPTION.put("cold-c32", "cold fan-out, c=32 (saturation)");
        DESCRIPTION.put("cold-open50", "cold fan-out, open model at 50 % of saturation");
        DESCRIPTION.put("unaudited-c1", "cold fan-out, audit off, c=1");
        DESCRIPTION.put("unaudited-c32", "cold fan-out, audit off, c=32");
        DESCRIPTION.put("warm-trivial-before", "trivial GET /v1/ping, c=32 (before)");
        DESCRIPTION.put("warm-c32", "warm: repeated queries, warmed into L1, c=32");
        DESCRIPTION.put("warm-trivial-after", "trivial GET /v1/ping, c=32 (after)");
        DESCRIPTION.put("l2-c1", "L2 only: repeated queries, c=1");
        DESCRIPTION.put("l2-c32", "L2 only: repeated queries, c=32");
        DESCRIPTION.put("fdw-c1", "postgres_fdw (async_capable, UNION ALL), c=1");
        DESCRIPTION.put("fdw-c8", "postgres_fdw, c=8");
        DESCRIPTION.put("fdw-c32", "postgres_fdw, c=32");
        DESCRIPTION.put("trino-c1", "Trino (5 PostgreSQL catalogs), c=1");
        DESCRIPTION.put("trino-c8", "Trino, c=8");
        DESCRIPTION.put("naive-c1", "naive sequential blocking JDBC, c=1");
        DESCRIPTION.put("naive-c8", "naive sequential blocking JDBC, c=8");
        DESCRIPTION.put("slow-open", "one source 2 s late, open model");
    }

    String section(Map<String, Object> summary) {
        StringBuilder b = new StringBuilder();
        b.append("## Comparison: floors, our service, the peers\n\n");
        b.append(meta.getProperty("date", "?")).append(". Machine: ").append(meta.getProperty("nproc", "?"))
                .append(" vCPU, ").append(meta.getProperty("memory", "?")).append(", load average at start ")
                .append(meta.getProperty("loadavg_start", "?")).append(", at end ").append(meta.getProperty("loadavg_end", "?"))
                .append(". Commit ").append(meta.getProperty("commit", "?")).append(".\n");
        if (meta.getProperty("note") != null) {
            b.append("**").append(meta.getProperty("note")).append("**\n");
        }
        b.append("\nData: ").append(meta.getProperty("data", "?")).append(". Rows per source (pg_class.reltuples, ")
                .append("after ANALYZE): ").append(meta.getProperty("rows", "?")).append(".\n");
        b.append("Queries: ").append(meta.getProperty("queries", "?")).append(".\n");
        if (meta.getProperty("skipped") != null && !meta.getProperty("skipped").isBlank()) {
            b.append("Not measured in this run: ").append(meta.getProperty("skipped")).append(".\n");
        }
        b.append("\nCommand (the whole comparison, one run; every phase below is one `peers.jar` run, its arguments in ")
                .append("`summary.json` → `raw`):\n\n```\n").append(meta.getProperty("command", "?")).append("\n```\n\n");
        b.append("Plots: `loadtests/results/compare.html` (latency by percentile per scenario). Figures: ")
                .append("`loadtests/results/summary.json`.\n\n");

        b.append("### Against the issue's targets\n\n| target | measured | verdict | note |\n|---|---:|---|---|\n");
        for (String[] t : targets) {
            b.append("| ").append(t[1]).append(" | ").append(t[3]).append(" | ")
                    .append(t[2].equals("PASS") ? "PASS" : "**" + t[2] + "**").append(" | ").append(t[4]).append(" |\n");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> in = (Map<String, Object>) summary.get("inputs");
        b.append("\nFloor = HTTP floor p50 ").append(fmtO(in.get("http_floor_p50_ms"))).append(" ms + slowest direct source (")
                .append(in.get("slowest_direct_source")).append(") p50 ").append(fmtO(in.get("slowest_direct_source_p50_ms")))
                .append(" ms = ").append(fmtO(in.get("floor_p50_ms"))).append(" ms. Cold saturation (c=32): ")
                .append(fmtO(in.get("cold_saturation_rps"))).append(" answers/s; the open-model phase ran at ")
                .append(fmtO(in.get("cold_open_rate_rps"))).append("/s. Trivial endpoint beside the warm run: ")
                .append(fmtO(in.get("trivial_rps_before"))).append(" before, ").append(fmtO(in.get("trivial_rps_after")))
                .append(" after (mean used). Other ratios: postgres_fdw at 32 clients: cold saturation / fdw = ")
                .append(times(summary.get("cold_saturation_over_fdw_c32_throughput"))).append("; Trino p50 / cold p50 = ")
                .append(times(summary.get("trino_p50_over_cold_p50"))).append("; naive JDBC p50 / cold p50 = ")
                .append(times(summary.get("jdbc_naive_p50_over_cold_p50"))).append(". Service peak RSS (VmRSS every 250 ms and VmHWM, ")
                .append("all service runs): ").append(fmtO(summary.get("service_peak_rss_mb"))).append(" MB.\n");

        for (String[] scenario : SCENARIOS) {
            b.append("\n### ").append(scenario[0]).append("\n\n")
                    .append("| phase | load | requests | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | answers/s |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (int i = 1; i < scenario.length; i++) {
                String label = scenario[i];
                Map<String, Object> p = phases.get(label);
                if (p == null) {
                    b.append("| ").append(DESCRIPTION.get(label)).append(" | not measured | | | | | | | | |\n");
                    continue;
                }
                b.append("| ").append(DESCRIPTION.getOrDefault(label, label)).append(" | ").append(load(p)).append(" | ")
                        .append(fmtO(p.get("requests"))).append(" | ").append(fmtO(p.get("errors"))).append(" | ")
                        .append(fmtO(p.get("p50_ms"))).append(" | ").append(fmtO(p.get("p90_ms"))).append(" | ")
                        .append(fmtO(p.get("p99_ms"))).append(" | ").append(fmtO(p.get("p999_ms"))).append(" | ")
                        .append(fmtO(p.get("max_ms"))).append(" | ").append(fmtO(p.get("throughput_rps"))).append(" |\n");
            }
        }
        if (summary.get("gatling_border_mix") instanceof List<?> g && !g.isEmpty()) {
            b.append("\n### Realistic border mix (Gatling BorderMixSimulation, open model)\n\n")
                    .append(meta.getProperty("gatling", "")).append("\n\n")
                    .append("| request | count | KO | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|\n");
            for (Object o : g) {
                Map<?, ?> m = (Map<?, ?>) o;
                b.append("| ").append(m.get("request")).append(" | ").append(fmtO(m.get("count"))).append(" | ")
                        .append(fmtO(m.get("ko"))).append(" | ").append(fmtO(m.get("p50_ms"))).append(" | ")
                        .append(fmtO(m.get("p95_ms"))).append(" | ").append(fmtO(m.get("p99_ms"))).append(" | ")
                        .append(fmtO(m.get("max_ms"))).append(" |\n");
            }
        }
        b.append("\nLatencies are of the answered requests (HTTP 200, or a database answer), whole requests as the driver saw them (send to last byte); errors are counted apart; closed-loop phases send ")
                .append("the next request when the previous answer is in, open-model phases at a fixed arrival rate ")
                .append("whatever the answers (no coordinated omission). Each phase: ")
                .append(meta.getProperty("warmup_seconds", "?")).append(" s unmeasured warm-up, then ")
                .append(meta.getProperty("seconds", "?")).append(" s measured. Before its first phase, every freshly started JVM under test ")
                .append("(the service after each start, Trino) ran its phases' requests at full load for ")
                .append(meta.getProperty("jit_warmup_seconds", "0")).append(" s, unmeasured (JIT warm-up).\n");
        return b.toString();
    }

    private static String load(Map<String, Object> p) {
        if ("open".equals(p.get("model"))) {
            return "open " + fmtO(p.get("rate")) + "/s";
        }
        return "closed c=" + fmtO(p.get("concurrency"));
    }

    // ------------------------------------------------------------------ compare.html

    String html(Map<String, Object> summary) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Frontline Query: comparison</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1100px;margin:1em auto;color:#222}")
                .append("table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}")
                .append("td:first-child,th:first-child{text-align:left}.fail{color:#b00;font-weight:bold}.pass{color:#070}")
                .append("figure{display:inline-block;margin:8px}</style></head><body>\n");
        b.append("<h1>Comparison: floors, our service, the peers</h1>\n<p>")
                .append(esc(meta.getProperty("date", "?"))).append(" &middot; commit ").append(esc(meta.getProperty("commit", "?")))
                .append(" &middot; ").append(esc(meta.getProperty("nproc", "?"))).append(" vCPU")
                .append(meta.getProperty("note") == null ? "" : " &middot; <b>" + esc(meta.getProperty("note")) + "</b>")
                .append("</p>\n<p><code>").append(esc(meta.getProperty("command", "?"))).append("</code></p>\n");
        b.append("<table><tr><th>target</th><th>measured</th><th>verdict</th><th>note</th></tr>\n");
        for (String[] t : targets) {
            b.append("<tr><td>").append(esc(t[1])).append("</td><td>").append(esc(t[3])).append("</td><td class=\"")
                    .append(t[2].equals("PASS") ? "pass" : "fail").append("\">").append(t[2]).append("</td><td>")
                    .append(esc(t[4])).append("</td></tr>\n");
        }
        b.append("</table>\n");
        // one plot per scenario with each of its phases as a line, then one plot per phase
        for (String[] scenario : SCENARIOS) {
            List<String> present = new ArrayList<>();
            for (int i = 1; i < scenario.length; i++) {
                if (phases.containsKey(scenario[i]) && !points(phases.get(scenario[i])).isEmpty()) {
                    present.add(scenario[i]);
                }
            }
            if (present.isEmpty()) {
                continue;
            }
            b.append("<h2>").append(esc(scenario[0])).append("</h2>\n");
            b.append(svg(scenario[0], present, 900, 380));
            for (String label : present) {
                b.append("<figure>").append(svg(DESCRIPTION.getOrDefault(label, label), List.of(label), 420, 260))
                        .append("</figure>\n");
            }
        }
        b.append("<p>x: percentile on a log scale of 1/(1 - p) (50, 90, 99, 99.9, ...); y: latency in ms. ")
                .append("Data: <code>summary.json</code> &rarr; <code>raw</code>.</p>\n</body></html>\n");
        return b.toString();
    }

    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};

    private String svg(String title, List<String> labels, int w, int h) {
        int left = 60, right = 10, top = 24, bottom = 40 + 14 * (labels.size() > 1 ? (labels.size() + 1) / 2 : 0);
        int pw = w - left - right, ph = h - top - bottom;
        double maxX = 1, maxY = 0;
        for (String l : labels) {
            for (double[] p : points(phases.get(l))) {
                maxX = Math.max(maxX, x(p[0]));
                maxY = Math.max(maxY, p[1]);
            }
        }
        maxX = Math.ceil(maxX);
        maxY = niceCeil(maxY);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">", w, h));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" font-weight=\"bold\">%s</text>", left, esc(title)));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>", left, top, pw, ph));
        for (int d = 0; d <= (int) maxX; d++) {
            double px = left + pw * d / maxX;
            String lab = d == 0 ? "0" : pctLabel(d);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>", px, top, px, top + ph));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px, top + ph + 13, lab));
        }
        // 50th percentile: x = log10(2)
        double p50 = left + pw * Math.log10(2) / maxX;
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>", p50, top, p50, top + ph));
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">50</text>", p50, top + ph + 13));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>", left + pw / 2, top + ph + 27));
        for (int i = 0; i <= 4; i++) {
            double v = maxY * i / 4;
            double py = top + ph - ph * i / 4.0;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>", left, py, left + pw, py));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left - 4, py + 4, fmt(v)));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">ms</text>",
                top + ph / 2, top + ph / 2));
        for (int i = 0; i < labels.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (double[] p : points(phases.get(labels.get(i)))) {
                double px = left + pw * x(p[0]) / maxX;
                double py = top + ph - (maxY == 0 ? 0 : ph * p[1] / maxY);
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
            }
            b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"/>");
            if (labels.size() > 1) {
                int lx = left + (i % 2) * (pw / 2), ly = top + ph + 40 + 14 * (i / 2);
                b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"3\" fill=\"%s\"/>", lx, ly - 4, colour));
                b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", lx + 14, ly,
                        esc(DESCRIPTION.getOrDefault(labels.get(i), labels.get(i)))));
            }
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /** x position of a percentile (0-100): log10(1 / (1 - p)). */
    private static double x(double pct) {
        double q = Math.min(pct / 100.0, 0.999999);
        return Math.log10(1 / (1 - q));
    }

    private static String pctLabel(int decades) {
        // 1 -> 90, 2 -> 99, 3 -> 99.9, 4 -> 99.99 ...
        return decades == 1 ? "90" : decades == 2 ? "99" : "99." + "9".repeat(decades - 2);
    }

    /** [[pct, ms], ...] of a phase, pct in percent (fractions up to 1 are scaled), sorted. */
    static List<double[]> points(Map<String, Object> phase) {
        List<double[]> out = new ArrayList<>();
        if (phase == null || !(phase.get("percentiles") instanceof List<?> list)) {
            return out;
        }
        boolean fractions = true;
        for (Object o : list) {
            if (o instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof Double p && p > 1) {
                fractions = false;
            }
        }
        for (Object o : list) {
            if (o instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof Double p && pair.get(1) instanceof Double ms) {
                double pct = fractions ? p * 100 : p;
                if (pct < 100) {   // the maximum has no place on a 1/(1 - p) axis; it is in the tables
                    out.add(new double[] {pct, ms});
                }
            }
        }
        out.sort((u, v) -> Double.compare(u[0], v[0]));
        return out;
    }

    private static double niceCeil(double v) {
        if (v <= 0) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * mag >= v) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    // ------------------------------------------------------------------ helpers

    /** A figure of a phase; null when the phase is missing or failed (not one request answered). */
    private Double num(String label, String key) {
        Map<String, Object> p = phases.get(label);
        if (p == null || !(p.get("ok") instanceof Double ok) || ok == 0) {
            return key.equals("errors") && p != null && p.get(key) instanceof Double e ? e : null;
        }
        return p.get(key) instanceof Double d ? d : null;
    }

    private static Double ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : round(a / b);
    }

    private static Double round(double v) {
        double scale = Math.abs(v) >= 100 ? 10 : 1000;
        return Math.round(v * scale) / scale;
    }

    private static long max(long[] v) {
        long m = Long.MIN_VALUE;
        for (long x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static Object parseOrText(String s) {
        String t = s.trim().replace(",", "");
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            return t;
        }
    }

    static String fmt(Double v) {
        if (v == null) {
            return "-";
        }
        double a = Math.abs(v);
        if (a == Math.rint(a) && a < 1e15) {
            return String.format(Locale.ROOT, "%,d", v.longValue());
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.2g", v);
    }

    static String times(Object o) {
        return o instanceof Double d ? fmt(d) + "x" : "not measured";
    }

    static String fmtO(Object o) {
        if (o instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder();
            m.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(fmtO(v)));
            return b.toString();
        }
        return o instanceof Double d ? fmt(d) : o == null ? "-" : String.valueOf(o);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String need(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return v;
    }

    private static void write(Path file, String text) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text);
    }

    /** A minimal JSON reader (objects, arrays, strings, numbers as Double, true/false/null) and writer. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object parse() {
            Object v = value();
            ws();
            if (i != s.length()) {
                throw new IllegalArgumentException("trailing text at " + i);
            }
            return v;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    i++;
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return m;
                        }
                    }
                }
                case '[' -> {
                    List<Object> l = new ArrayList<>();
                    i++;
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return l;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    if (start == i) {
                        throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
                    }
                    return Double.valueOf(s.substring(start, i));
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }

        static String write(Object o, int indent) {
            String pad = "  ".repeat(indent + 1), end = "  ".repeat(indent);
            if (o == null) {
                return "null";
            }
            if (o instanceof Double d) {
                if (d.isNaN() || d.isInfinite()) {
                    return "null";
                }
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
            }
            if (o instanceof Number || o instanceof Boolean) {
                return o.toString();
            }
            if (o instanceof Map<?, ?> m) {
                if (m.isEmpty()) {
                    return "{}";
                }
                StringBuilder b = new StringBuilder("{\n");
                int n = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    b.append(pad).append(quote(String.valueOf(e.getKey()))).append(": ").append(write(e.getValue(), indent + 1))
                            .append(++n < m.size() ? ",\n" : "\n");
                }
                return b.append(end).append('}').toString();
            }
            if (o instanceof List<?> l) {
                if (l.isEmpty()) {
                    return "[]";
                }
                boolean flat = l.stream().noneMatch(x -> x instanceof Map<?, ?> || x instanceof List<?> y && y.size() > 2);
                StringBuilder b = new StringBuilder(flat ? "[" : "[\n");
                for (int k = 0; k < l.size(); k++) {
                    b.append(flat ? "" : pad).append(write(l.get(k), indent + 1))
                            .append(k + 1 < l.size() ? (flat ? ", " : ",\n") : (flat ? "" : "\n"));
                }
                return b.append(flat ? "" : end).append(']').toString();
            }
            return quote(String.valueOf(o));
        }

        private static String quote(String v) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\t' -> b.append("\\t");
                    case '\r' -> b.append("\\r");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
