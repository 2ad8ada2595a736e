package org.frontline.peers.report;

import org.frontline.peers.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report of one loadtests/compare.sh run, from the files it left in its directory ({@link Run}):
 * summary.json ({@link Summary}: the ratios, each with the figures it came from, the targets, and
 * "raw": every phase), compare.html ({@link Plots}: latency by percentile per scenario, inline SVG)
 * and the RESULTS.md section ({@link Section}). Every figure comes from those files; a phase that is
 * missing gives null and "not measured".
 *
 * <pre>
 * java -cp loadtests/peers/target/peers.jar org.frontline.peers.report.Report --dir loadtests/work/compare \
 *     --summary loadtests/results/summary.json --html loadtests/results/compare.html \
 *     --section loadtests/work/compare/section.md
 * </pre>
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Run run = Run.read(Path.of(need(a, "dir")));
        Summary summary = Summary.of(run);
        write(Path.of(need(a, "summary")), Json.MAPPER.writeValueAsString(summary.json()) + "\n");
        write(Path.of(need(a, "html")), new Plots(run, summary).html());
        write(Path.of(need(a, "section")), new Section(run, summary).markdown());
        System.err.println("report: " + run.phases().size() + " phases: " + run.phases().keySet());
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
}
