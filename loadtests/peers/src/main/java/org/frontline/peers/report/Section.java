package org.frontline.peers.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.frontline.peers.report.Format.measured;
import static org.frontline.peers.report.Format.times;
import static org.frontline.peers.report.Format.value;

/**
 * The RESULTS.md section "Comparison: floors, our service, the peers": what the run was, the targets
 * with their verdicts, answers per CPU-second, then one table per scenario and the Gatling mix.
 */
final class Section {

    private final Run run;
    private final Summary summary;

    Section(Run run, Summary summary) {
        this.run = run;
        this.summary = summary;
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("## Comparison: floors, our service, the peers\n\n");
        b.append(run.meta("date", "?")).append(". Machine: ").append(run.meta("nproc", "?"))
                .append(" vCPU, ").append(run.meta("memory", "?")).append(", load average at start ")
                .append(run.meta("loadavg_start", "?")).append(", at end ").append(run.meta("loadavg_end", "?"))
                .append(". Commit ").append(run.meta("commit", "?")).append(".\n");
        if (run.meta("note") != null) {
            b.append("**").append(run.meta("note")).append("**\n");
        }
        b.append("\nData: ").append(run.meta("data", "?")).append(". Rows per source (pg_class.reltuples, ")
                .append("after ANALYZE): ").append(run.meta("rows", "?")).append(".\n");
        b.append("Queries: ").append(run.meta("queries", "?")).append(".\n");
        if (run.meta("skipped") != null && !run.meta("skipped").isBlank()) {
            b.append("Not measured in this run: ").append(run.meta("skipped")).append(".\n");
        }
        b.append("\nCommand (the whole comparison, one run; every phase below is one `peers.jar` run, its arguments in ")
                .append("`summary.json` → `raw`):\n\n```\n").append(run.meta("command", "?")).append("\n```\n\n");
        b.append("Plots: `loadtests/results/compare.html` (latency by percentile per scenario). Figures: ")
                .append("`loadtests/results/summary.json`.\n\n");
        targets(b);
        perCpuSecond(b);
        for (Scenarios.Scenario scenario : Scenarios.ALL) {
            phases(b, scenario);
        }
        borderMix(b);
        b.append("\nLatencies are of the answered requests (HTTP 200, or a database answer), whole requests as the driver saw them (send to last byte); errors are counted apart; closed-loop phases send ")
                .append("the next request when the previous answer is in, open-model phases at a fixed arrival rate ")
                .append("whatever the answers (no coordinated omission). Each phase: ")
                .append(run.meta("warmup_seconds", "?")).append(" s unmeasured warm-up, then ")
                .append(run.meta("seconds", "?")).append(" s measured. Before its first phase, every freshly started JVM under test ")
                .append("(the service after each start, Trino) ran its phases' requests at full load for ")
                .append(run.meta("jit_warmup_seconds", "0")).append(" s, unmeasured (JIT warm-up).\n");
        return b.toString();
    }

    private void targets(StringBuilder b) {
        b.append("### Against the issue's targets\n\n| target | measured | verdict | note |\n|---|---:|---|---|\n");
        for (Summary.Verdict t : summary.targets()) {
            b.append("| ").append(t.target()).append(" | ").append(t.value()).append(" | ")
                    .append(t.passed() ? "PASS" : "**" + t.verdict() + "**").append(" | ").append(t.note()).append(" |\n");
        }
        JsonNode in = summary.get("inputs");
        b.append("\nFloor = HTTP floor p50 ").append(value(in.get("http_floor_p50_ms"))).append(" ms + slowest direct source (")
                .append(text(in.get("slowest_direct_source"))).append(") p50 ").append(value(in.get("slowest_direct_source_p50_ms")))
                .append(" ms = ").append(value(in.get("floor_p50_ms"))).append(" ms. Cold saturation (c=32): ")
                .append(value(in.get("cold_saturation_rps"))).append(" answers/s; the open-model phase ran at ")
                .append(value(in.get("cold_open_rate_rps"))).append("/s. Trivial endpoint beside the warm run: ")
                .append(value(in.get("trivial_rps_before"))).append(" before, ").append(value(in.get("trivial_rps_after")))
                .append(" after (mean used). Other ratios: cold saturation / postgres_fdw throughput = ")
                .append(times(summary.get("cold_saturation_over_fdw_throughput"))).append(" at 8 fdw clients, ")
                .append(times(summary.get("cold_saturation_over_fdw_c32_throughput"))).append(" at 32; Trino p50 / cold p50 = ")
                .append(times(summary.get("trino_p50_over_cold_p50"))).append("; naive JDBC p50 / cold p50 = ")
                .append(times(summary.get("jdbc_naive_p50_over_cold_p50"))).append(". Service peak RSS (VmRSS every 250 ms and VmHWM, ")
                .append("all service runs): ").append(value(summary.get("service_peak_rss_mb"))).append(" MB.\n");
    }

    private void perCpuSecond(StringBuilder b) {
        b.append("\n### Answers per CPU-second (system under test + PostgreSQL, measured window)\n\n")
                .append(Summary.THROUGHPUT_TARGET_WITHDRAWN).append(" Cold fan-out at saturation (c=32): ")
                .append(measured(summary.get("cold_answers_per_cpu_second"))).append("; postgres_fdw (the better of c=8 and c=32");
        JsonNode fdwPhase = summary.get("inputs").get("fdw_answers_per_cpu_second_phase");
        if (fdwPhase != null && fdwPhase.isTextual()) {
            b.append(": ").append(fdwPhase.asText());
        }
        b.append("): ").append(measured(summary.get("fdw_answers_per_cpu_second")))
                .append("; naive JDBC (c=8): ").append(measured(summary.get("jdbc_naive_answers_per_cpu_second")))
                .append(". Ours / postgres_fdw = ").append(times(summary.get("cold_answers_per_cpu_second_over_fdw")))
                .append("; ours / naive JDBC = ").append(times(summary.get("cold_answers_per_cpu_second_over_jdbc_naive")))
                .append(". Cold fan-out at one client (c=1): ").append(measured(summary.get("cold_c1_answers_per_cpu_second")))
                .append(".\n");
        List<Phase> measured = new ArrayList<>();
        for (String label : run.labelsInReportOrder()) {
            if (run.phase(label).cpu() != null) {
                measured.add(run.phase(label));
            }
        }
        if (measured.isEmpty()) {
            b.append("\nNo phase of this run has CPU figures (the driver's `cpu`): not measured.\n");
            return;
        }
        b.append("\n| phase | what | answers/s | system under test CPU s | PostgreSQL CPU s | machine busy CPU s | answers per CPU-second |\n")
                .append("|---|---|---:|---:|---:|---:|---:|\n");
        Map<String, List<String>> counted = new LinkedHashMap<>();
        for (Phase p : measured) {
            Phase.Cpu cpu = p.cpu();
            b.append("| ").append(p.label()).append(" | ").append(Scenarios.description(p.label())).append(" | ")
                    .append(value(p.value("throughput_rps"))).append(" | ").append(value(cpu.systemUnderTestCpuS())).append(" | ")
                    .append(value(cpu.postgresCpuS())).append(" | ").append(value(cpu.machineBusyCpuS())).append(" | ")
                    .append(value(cpu.answersPerCpuSecond())).append(" |\n");
            counted.computeIfAbsent(cpu.counted() == null ? "?" : cpu.counted(), k -> new ArrayList<>()).add(p.label());
        }
        b.append("\nCounted as system under test + PostgreSQL: ");
        List<String> groups = new ArrayList<>();
        counted.forEach((what, labels) -> groups.add(String.join(", ", labels) + ": " + what));
        b.append(String.join("; ", groups)).append(". Machine busy: all cores, the driver and anything else included.\n");
    }

    private void phases(StringBuilder b, Scenarios.Scenario scenario) {
        b.append("\n### ").append(scenario.title()).append("\n\n")
                .append("| phase | load | requests | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | answers/s |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String label : scenario.labels()) {
            Phase p = run.phase(label);
            if (p == null) {
                b.append("| ").append(Scenarios.description(label)).append(" | not measured | | | | | | | | |\n");
                continue;
            }
            b.append("| ").append(Scenarios.description(label)).append(" | ").append(load(p)).append(" | ")
                    .append(value(p.value("requests"))).append(" | ").append(value(p.value("errors"))).append(" | ")
                    .append(value(p.value("p50_ms"))).append(" | ").append(value(p.value("p90_ms"))).append(" | ")
                    .append(value(p.value("p99_ms"))).append(" | ").append(value(p.value("p999_ms"))).append(" | ")
                    .append(value(p.value("max_ms"))).append(" | ").append(value(p.value("throughput_rps"))).append(" |\n");
        }
    }

    private void borderMix(StringBuilder b) {
        List<Run.MixRow> mix = run.borderMix();
        if (mix == null || mix.isEmpty()) {
            return;
        }
        b.append("\n### Realistic border mix (Gatling BorderMixSimulation, open model)\n\n")
                .append(run.meta("gatling", "")).append("\n\n")
                .append("| request | count | KO | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Run.MixRow m : mix) {
            b.append("| ").append(m.request()).append(" | ").append(value(m.count())).append(" | ")
                    .append(value(m.ko())).append(" | ").append(value(m.p50Ms())).append(" | ")
                    .append(value(m.p95Ms())).append(" | ").append(value(m.p99Ms())).append(" | ")
                    .append(value(m.maxMs())).append(" |\n");
        }
    }

    private static String load(Phase p) {
        if ("open".equals(p.json().path("model").asText(null))) {
            return "open " + value(p.value("rate")) + "/s";
        }
        return "closed c=" + value(p.value("concurrency"));
    }

    /** A text value as it is, "null" when there is none. */
    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "null" : n.asText();
    }
}
