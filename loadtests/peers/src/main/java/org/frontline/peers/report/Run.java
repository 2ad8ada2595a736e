package org.frontline.peers.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.frontline.peers.Json;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What one comparison run left in its directory:
 * <ul>
 * <li>{@code <label>.json}: one per measured phase, as written by the driver (label, target, model,
 * concurrency, rate, seconds, requests, ok, errors, throughput_rps, mean_ms, p50_ms, p90_ms, p99_ms,
 * p999_ms, max_ms, percentiles [[pct, ms], ...], statuses, and cpu when measured); a JSON file without
 * {@code p50_ms} is not a phase;</li>
 * <li>{@code commands.tsv}: "label TAB command line" of each phase;</li>
 * <li>{@code meta.properties}: date, command, machine, commit, data note, rows per source, deadline,
 * which phases were skipped and why;</li>
 * <li>{@code rss-<service>.txt}: "epoch_ms kB" lines, the service's VmRSS every 250 ms, and
 * {@code hwm-<service>.txt}: its VmHWM in kB at the end;</li>
 * <li>{@code gatling.txt} (optional): "name|count|KO|p50|p95|p99|max" per request of the Gatling mix.</li>
 * </ul>
 */
final class Run {

    /** A service run's memory: its VmRSS samples and its VmHWM at the end (null when not written), in kB. */
    record Memory(String service, long[] samplesKb, Long hwmKb) {

        /** The highest sample, or -1 without one. */
        long peakSampleKb() {
            long m = -1;
            for (long x : samplesKb) {
                m = Math.max(m, x);
            }
            return m;
        }
    }

    /** A request line of the Gatling mix; each figure a number, or the text when it is not one. */
    record MixRow(String request, Object count, Object ko, Object p50Ms, Object p95Ms, Object p99Ms, Object maxMs) {
    }

    private final Map<String, Phase> phases;
    private final Properties meta;
    private final List<Memory> memory;
    private final List<MixRow> borderMix;

    Run(Map<String, Phase> phases, Properties meta, List<Memory> memory, List<MixRow> borderMix) {
        this.phases = phases;
        this.meta = meta;
        this.memory = memory;
        this.borderMix = borderMix;
    }

    static Run read(Path dir) throws IOException {
        Properties meta = new Properties();
        Path metaFile = dir.resolve("meta.properties");
        if (Files.exists(metaFile)) {
            try (Reader r = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
                meta.load(r);
            }
        }
        Map<String, Phase> phases = new TreeMap<>();
        for (Path f : list(dir, ".json")) {
            JsonNode parsed = Json.MAPPER.readTree(f.toFile());
            if (parsed instanceof ObjectNode o && o.has("p50_ms")) {
                String label = f.getFileName().toString().replaceFirst("\\.json$", "");
                JsonNode cpu = o.get("cpu");
                phases.put(label, new Phase(label, o,
                        cpu != null && cpu.isObject() ? Json.MAPPER.treeToValue(cpu, Phase.Cpu.class) : null));
            }
        }
        Path commands = dir.resolve("commands.tsv");
        if (Files.exists(commands)) {
            for (String line : Files.readAllLines(commands, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 2);
                if (f.length == 2 && phases.containsKey(f[0])) {
                    phases.get(f[0]).json().put("command", f[1]);
                }
            }
        }
        List<Memory> memory = new ArrayList<>();
        for (Path f : list(dir, ".txt")) {
            String name = f.getFileName().toString();
            if (name.startsWith("rss-")) {
                String service = name.substring(4, name.length() - 4);
                memory.add(new Memory(service, samples(f), hwm(dir.resolve("hwm-" + service + ".txt"))));
            }
        }
        List<MixRow> mix = null;
        Path gatling = dir.resolve("gatling.txt");
        if (Files.exists(gatling)) {
            mix = new ArrayList<>();
            for (String line : Files.readAllLines(gatling)) {
                String[] f = line.split("\\|");
                if (f.length == 7) {
                    mix.add(new MixRow(f[0], numberOrText(f[1]), numberOrText(f[2]), numberOrText(f[3]), numberOrText(f[4]),
                            numberOrText(f[5]), numberOrText(f[6])));
                }
            }
        }
        return new Run(phases, meta, memory, mix);
    }

    /** The phases by label, in label order. */
    Map<String, Phase> phases() {
        return phases;
    }

    /** The labels of the phases present: those of the scenarios in their order, then any other in label order. */
    List<String> labelsInReportOrder() {
        List<String> out = new ArrayList<>();
        for (Scenarios.Scenario scenario : Scenarios.ALL) {
            for (String label : scenario.labels()) {
                if (phases.containsKey(label)) {
                    out.add(label);
                }
            }
        }
        for (String label : phases.keySet()) {
            if (!out.contains(label)) {
                out.add(label);
            }
        }
        return out;
    }

    /** The phase, or null when it was not measured. */
    Phase phase(String label) {
        return phases.get(label);
    }

    /** {@link Phase#figure} of a phase; null when the phase is missing. */
    Double figure(String label, String key) {
        Phase p = phases.get(label);
        return p == null ? null : p.figure(key);
    }

    String meta(String key) {
        return meta.getProperty(key);
    }

    String meta(String key, String otherwise) {
        return meta.getProperty(key, otherwise);
    }

    /** One entry per service run that left an rss file, in service name order. */
    List<Memory> memory() {
        return memory;
    }

    /** The Gatling mix's request lines; null when the run has no gatling.txt. */
    List<MixRow> borderMix() {
        return borderMix;
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static long[] samples(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim)
                .filter(l -> l.matches("\\d+ \\d+")).mapToLong(l -> Long.parseLong(l.split(" ")[1])).toArray();
    }

    private static Long hwm(Path file) {
        try {
            String s = Files.readString(file).trim();
            return s.matches("\\d+") ? Long.valueOf(s) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** "1,234" as 1234 (a Long), "7.5" as a Double, anything else as its text. */
    private static Object numberOrText(String s) {
        String t = s.trim().replace(",", "");
        try {
            return Long.valueOf(t);
        } catch (NumberFormatException notWhole) {
            try {
                Double d = Double.valueOf(t);
                return d.isNaN() || d.isInfinite() ? t : d;
            } catch (NumberFormatException e) {
                return t;
            }
        }
    }
}
