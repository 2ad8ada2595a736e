package org.frontline.peers.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.frontline.peers.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report of a small run directory written here: phase files in the driver's own format
 * ({@code Json.write} of what Main writes), meta.properties, commands.tsv, an RSS trace and a
 * Gatling line. The figures are chosen so that each ratio has one right value.
 */
class ReportTest {

    @TempDir
    Path dir;
    @TempDir
    Path out;

    @BeforeEach
    void run() throws IOException {
        phase("floor-http", "closed", 1, 3000, 0, 200.0, 0.4, 0.9);
        double[] sources = {0.1, 0.2, 0.15, 0.12, 0.3};   // gccpol the slowest: floor = 0.4 + 0.3
        for (int i = 0; i < sources.length; i++) {
            phase("source-" + Scenarios.SCHEMAS.get(i), "closed", 1, 9000, 0, 600.0, sources[i], 1.0);
        }
        phase("cold-c1", "closed", 1, 1000, 0, 66.7, 0.91, 4.0);          // 0.91 / 0.7 = 1.3
        phase("cold-c32", "closed", 32, 15000, 0, 1000.0, 17.0, 40.0);
        phase("cold-open50", "open", null, 7500, 0, 500.0, 2.1, 30.0);    // 2.1 / 0.7 = 3
        phase("unaudited-c1", "closed", 1, 1200, 0, 80.0, 0.61, 3.0);     // the audit adds 0.3 ms
        phase("fdw-c1", "closed", 1, 300, 0, 20.0, 3.64, 9.0);            // 3.64 / 0.91 = 4
        phase("fdw-c8", "closed", 8, 6000, 0, 400.0, 19.0, 50.0);         // 1000 / 400 = 2.5
        phase("fdw-c32", "closed", 32, 3750, 0, 250.0, 120.0, 300.0);     // 1000 / 250 = 4
        phase("warm-trivial-before", "closed", 32, 135000, 0, 9000.0, 3.0, 9.0);
        phase("warm-c32", "closed", 32, 75000, 0, 5000.0, 6.0, 14.0);     // 5000 / mean(9000, 11000) = 0.5
        phase("warm-trivial-after", "closed", 32, 165000, 0, 11000.0, 2.8, 8.0);
        phase("naive-c1", "closed", 1, 0, 7, 0.0, null, null);            // answered nothing
        phase("naive-c8", "closed", 8, 30000, 0, 2000.0, 3.0, 9.0);
        phase("slow-open", "open", null, 598, 2, 19.9, 400.0, 1200.0);
        Files.writeString(dir.resolve("meta.properties"), """
                date=2026-12-01 09:00 UTC
                command=SECONDS_PER_PHASE=15 loadtests/compare.sh
                nproc=2
                commit=abc1234
                deadline_ms=1500
                skipped=trino: SKIP_TRINO=1
                seconds=15
                warmup_seconds=10
                """);
        Files.writeString(dir.resolve("commands.tsv"), "cold-c1\tjava -jar peers.jar --target http --concurrency 1\n");
        Files.writeString(dir.resolve("rss-cold.txt"), "1 102400\n2 204800\nnot a sample\n");
        Files.writeString(dir.resolve("hwm-cold.txt"), "210022\n");
        Files.writeString(dir.resolve("gatling.txt"), "All Requests|1,200|0|7|218|819|839\n");
        Files.writeString(dir.resolve("queries.json"), "{\"not\": \"a phase\"}\n");
    }

    @Test
    void summaryHasTheRatiosTheirInputsAndTheTargets() throws IOException {
        JsonNode s = report();
        assertEquals(1.3, s.get("cold_p50_over_floor_p50").doubleValue());
        assertEquals(3.0, s.get("cold_p50_over_floor_p50_at_50pct_saturation").doubleValue());
        assertEquals(4.0, s.get("postgres_fdw_p50_over_cold_p50").doubleValue());
        assertEquals(2.5, s.get("cold_saturation_over_fdw_throughput").doubleValue());
        assertEquals(4.0, s.get("cold_saturation_over_fdw_c32_throughput").doubleValue());
        assertEquals(0.5, s.get("warm_throughput_over_trivial_throughput").doubleValue());
        assertEquals(0.3, s.get("audit_added_p50_ms").doubleValue());
        assertTrue(s.get("jdbc_naive_p50_over_cold_p50").isNull(), "naive-c1 answered nothing");
        assertTrue(s.get("trino_p50_over_cold_p50").isNull(), "no Trino phase");
        assertEquals(205.1, s.get("service_peak_rss_mb").doubleValue(), "VmHWM 210022 kB above the highest sample");
        assertEquals("gccpol", s.at("/inputs/slowest_direct_source").asText());
        assertEquals(0.7, s.at("/inputs/floor_p50_ms").doubleValue(), 1e-9);
        assertEquals(10000.0, s.at("/inputs/trivial_rps_mean").doubleValue());

        Map<String, String> verdicts = new LinkedHashMap<>();
        for (JsonNode t : s.get("targets")) {
            verdicts.put(t.get("key").asText(), t.get("verdict").asText() + " " + t.get("value").asText() + " " + t.get("note").asText());
        }
        assertEquals("PASS 1.30x ", verdicts.get("cold_p50_over_floor_p50"));
        assertEquals("FAIL 3x ", verdicts.get("cold_p50_over_floor_p50_at_50pct_saturation"));
        assertEquals("PASS 4x ", verdicts.get("postgres_fdw_p50_over_cold_p50"));
        assertEquals("PASS 0.50x ", verdicts.get("warm_throughput_over_trivial_throughput"));
        assertEquals("PASS 1,200 ms errors in slow-open: 2 errors", verdicts.get("slow_source_p99_ms"));
        assertEquals(5, verdicts.size(), "the throughput target against postgres_fdw is withdrawn: " + verdicts.keySet());

        assertEquals(19, s.get("raw").size(), "every phase file, and no other JSON file");
        assertEquals("java -jar peers.jar --target http --concurrency 1", s.at("/raw/cold-c1/command").asText());
        assertEquals(15.0, s.at("/raw/cold-c1/seconds").doubleValue(), "the phase as the driver wrote it");
        assertEquals(2, s.at("/rss/cold/samples").intValue());
        assertEquals(200.0, s.at("/rss/cold/peak_vmrss_mb").doubleValue());
        assertEquals(1200, s.at("/gatling_border_mix/0/count").intValue());
        assertEquals("abc1234", s.at("/machine/git_commit").asText());
        assertTrue(s.at("/machine/note").isNull());
        assertEquals("trino: SKIP_TRINO=1", s.get("skipped").asText());
    }

    @Test
    void sectionHasTheTargetsAndATablePerScenario() throws IOException {
        report();
        String md = Files.readString(out.resolve("section.md"));
        assertTrue(md.startsWith("## Comparison: floors, our service, the peers\n\n2026-12-01 09:00 UTC. Machine: 2 vCPU"), md);
        assertTrue(md.contains("Not measured in this run: trino: SKIP_TRINO=1.\n"), md);
        assertTrue(md.contains("| cold fan-out p50 (c=1) <= 1.5 x floor (HTTP floor p50 + slowest direct source p50) | 1.30x | PASS |  |\n"), md);
        assertTrue(md.contains("| cold fan-out p50 at 50 % of saturation (open model) <= 1.5 x floor | 3x | **FAIL** |  |\n"), md);
        assertTrue(md.contains("Floor = HTTP floor p50 0.40 ms + slowest direct source (gccpol) p50 0.30 ms = 0.70 ms."), md);
        for (Scenarios.Scenario scenario : Scenarios.ALL) {
            assertTrue(md.contains("\n### " + scenario.title() + "\n\n| phase | load | requests | errors | p50 ms |"), scenario.title());
        }
        assertTrue(md.contains("| cold fan-out, c=32 (saturation) | closed c=32 | 15,000 | 0 | 17 | "), md);
        assertTrue(md.contains("| cold fan-out, open model at 50 % of saturation | open 500/s | 7,500 | 0 | 2.10 | "), md);
        assertTrue(md.contains("| Trino (5 PostgreSQL catalogs), c=1 | not measured | | | | | | | | |\n"), md);
        assertTrue(md.contains("| naive sequential blocking JDBC, c=1 | closed c=1 | 7 | 7 | - | "), md);
        assertTrue(md.contains("| All Requests | 1,200 | 0 | 7 | 218 | 819 | 839 |\n"), md);
        assertTrue(md.contains("Each phase: 10 s unmeasured warm-up, then 15 s measured."), md);

        String html = Files.readString(out.resolve("compare.html"));
        assertTrue(html.contains("<td class=\"fail\">FAIL</td>"), "the FAIL verdict is marked");
        assertTrue(html.contains("<h2>The peers (same query file as the cold path)</h2>\n<svg"), "a plot per scenario");
        assertFalse(html.contains("naive sequential blocking JDBC, c=1</text>"), "no plot of a phase without latencies");
    }

    @Test
    void answersPerCpuSecondComparedWithPostgresFdwsBetterPhaseAndTheNaiveLoop() throws IOException {
        cpu("cold-c1", 10.0, 5.0, 16.0, 66.7, "pid 4242 + every postgres process");
        cpu("cold-c32", 10.0, 5.0, 29.0, 1000.0, "pid 4242 + every postgres process");
        cpu("fdw-c8", 0.0, 12.0, 28.0, 500.0, "every postgres process");    // the better of the two fdw phases
        cpu("fdw-c32", 0.0, 15.0, 29.0, 250.0, "every postgres process");
        cpu("naive-c8", 100.0, 50.0, 30.0, 200.0, "this driver (the system under test) + every postgres process");
        cpu("naive-c1", 1.0, 1.0, 2.0, 0.0, "this driver (the system under test) + every postgres process");
        cpu("warm-c32", null, null, null, null, null);                      // the window did not close: "cpu": null

        JsonNode s = report();
        assertEquals(1000.0, s.get("cold_answers_per_cpu_second").doubleValue());
        assertEquals(66.7, s.get("cold_c1_answers_per_cpu_second").doubleValue());
        assertEquals(500.0, s.get("fdw_answers_per_cpu_second").doubleValue());
        assertEquals("fdw-c8", s.at("/inputs/fdw_answers_per_cpu_second_phase").asText());
        assertEquals(200.0, s.get("jdbc_naive_answers_per_cpu_second").doubleValue());
        assertEquals(2.0, s.get("cold_answers_per_cpu_second_over_fdw").doubleValue());
        assertEquals(5.0, s.get("cold_answers_per_cpu_second_over_jdbc_naive").doubleValue());
        assertEquals(2.5, s.get("cold_saturation_over_fdw_throughput").doubleValue(), "kept as a figure");
        assertEquals(12.0, s.at("/raw/fdw-c8/cpu/postgres_cpu_s").doubleValue(), "the cpu object in raw as written");

        String md = Files.readString(out.resolve("section.md"));
        assertTrue(md.contains("\n### Answers per CPU-second (system under test + PostgreSQL, measured window)\n\n"
                + Summary.THROUGHPUT_TARGET_WITHDRAWN + " Cold fan-out at saturation (c=32): 1,000; postgres_fdw (the better of "
                + "c=8 and c=32: fdw-c8): 500; naive JDBC (c=8): 200. Ours / postgres_fdw = 2x; ours / naive JDBC = 5x. "
                + "Cold fan-out at one client (c=1): 66.7.\n"), md);
        assertTrue(md.contains("2 shared cores cannot carry 5 times postgres_fdw's database and HTTP work"), md);
        assertTrue(md.contains("""

                | phase | what | answers/s | system under test CPU s | PostgreSQL CPU s | machine busy CPU s | answers per CPU-second |
                |---|---|---:|---:|---:|---:|---:|
                | cold-c1 | cold fan-out, c=1 (low load) | 66.7 | 10 | 5 | 16 | 66.7 |
                | cold-c32 | cold fan-out, c=32 (saturation) | 1,000 | 10 | 5 | 29 | 1,000 |
                | fdw-c8 | postgres_fdw, c=8 | 400 | 0 | 12 | 28 | 500 |
                | fdw-c32 | postgres_fdw, c=32 | 250 | 0 | 15 | 29 | 250 |
                | naive-c1 | naive sequential blocking JDBC, c=1 | 0 | 1 | 1 | 2 | 0 |
                | naive-c8 | naive sequential blocking JDBC, c=8 | 2,000 | 100 | 50 | 30 | 200 |

                Counted as system under test + PostgreSQL: cold-c1, cold-c32: pid 4242 + every postgres process; \
                fdw-c8, fdw-c32: every postgres process; naive-c1, naive-c8: this driver (the system under test) + \
                every postgres process."""), md);
        assertFalse(md.contains("| warm-c32 |"), "no row without CPU figures");
        assertFalse(md.contains(">= 5 x postgres_fdw's at 8 clients | "), "not a target row any more");
    }

    @Test
    void withoutCpuFiguresTheComparisonIsNotMeasured() throws IOException {
        JsonNode s = report();
        for (String key : List.of("cold_answers_per_cpu_second", "cold_c1_answers_per_cpu_second", "fdw_answers_per_cpu_second",
                "jdbc_naive_answers_per_cpu_second", "cold_answers_per_cpu_second_over_fdw",
                "cold_answers_per_cpu_second_over_jdbc_naive")) {
            assertTrue(s.get(key).isNull(), key);
        }
        String md = Files.readString(out.resolve("section.md"));
        assertTrue(md.contains(Summary.THROUGHPUT_TARGET_WITHDRAWN + " Cold fan-out at saturation (c=32): not measured;"), md);
        assertTrue(md.contains("\nNo phase of this run has CPU figures (the driver's `cpu`): not measured.\n"), md);
        assertFalse(md.contains("| answers per CPU-second |"), md);
    }

    /** Adds the driver's "cpu" object to a phase file (all null: "cpu": null, as when the window did not close). */
    private void cpu(String label, Double system, Double postgres, Double machine, Double perCpuSecond, String counted)
            throws IOException {
        Path file = dir.resolve(label + ".json");
        @SuppressWarnings("unchecked")
        Map<String, Object> j = Json.MAPPER.readValue(file.toFile(), LinkedHashMap.class);
        Map<String, Object> cpu = null;
        if (system != null) {
            cpu = new LinkedHashMap<>();
            cpu.put("system_under_test_cpu_s", system);
            cpu.put("postgres_cpu_s", postgres);
            cpu.put("machine_busy_cpu_s", machine);
            cpu.put("answers_per_cpu_second", perCpuSecond);
            cpu.put("counted", counted);
        }
        j.put("cpu", cpu);
        Files.writeString(file, Json.write(j));
    }

    /** Runs the report as compare.sh does and reads back its summary.json. */
    private JsonNode report() throws IOException {
        Report.main(new String[] {"--dir", dir.toString(), "--summary", out.resolve("summary.json").toString(),
                "--html", out.resolve("compare.html").toString(), "--section", out.resolve("section.md").toString()});
        return Json.MAPPER.readTree(out.resolve("summary.json").toFile());
    }

    /** A phase file as Main writes it (the keys, their order and types; a flat latency curve up to p99). */
    private void phase(String label, String model, Integer concurrency, long ok, long errors, double rps, Double p50,
                       Double p99) throws IOException {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("label", label);
        j.put("target", label.startsWith("source-") ? "source" : "http");
        j.put("model", model);
        j.put("concurrency", concurrency);
        j.put("rate", concurrency == null ? rps : null);
        j.put("seconds", 15.0);
        j.put("requests", ok + errors);
        j.put("ok", ok);
        j.put("errors", errors);
        j.put("throughput_rps", rps);
        j.put("mean_ms", p50);
        j.put("p50_ms", p50);
        j.put("p90_ms", p50 == null ? null : (p50 + p99) / 2);
        j.put("p99_ms", p99);
        j.put("p999_ms", p99);
        j.put("max_ms", p99);
        List<List<Double>> points = new ArrayList<>();
        if (p50 != null) {
            points.add(List.of(0.0, p50 / 2));
            points.add(List.of(50.0, p50));
            points.add(List.of(99.0, p99));
            points.add(List.of(100.0, p99));
        }
        j.put("percentiles", points);
        j.put("statuses", errors == 0 ? Map.of("200", ok) : Map.of("error:timeout", errors));
        j.put("hits", null);
        j.put("connections", concurrency == null ? 256 : concurrency);
        j.put("unfinished", 0);
        Files.writeString(dir.resolve(label + ".json"), Json.write(j));
    }
}
