package org.frontline.peers.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured phase: its {@code <label>.json} as the driver wrote it (plus {@code command} from
 * commands.tsv), kept as a tree so that summary.json's {@code raw} holds every key, known or not;
 * and its {@code cpu} object read as a record, null when the driver did not measure it.
 */
record Phase(String label, ObjectNode json, Cpu cpu) {

    /**
     * The CPU of the measured window (the driver's CpuMeter): the system under test's processes (the
     * service's JVM; nothing for postgres_fdw, where PostgreSQL is the system; the driver itself for the
     * naive JDBC fan-out), every postgres process, the whole machine's busy time, and the answers per
     * CPU-second of the first two. A figure is null when the driver could not give it.
     */
    record Cpu(Double systemUnderTestCpuS, Double postgresCpuS, Double machineBusyCpuS, Double answersPerCpuSecond,
               String counted) {
    }

    /** Answers per CPU-second (system under test + PostgreSQL); null when not measured or nothing was answered. */
    Double answersPerCpuSecond() {
        return answered() && cpu != null ? cpu.answersPerCpuSecond() : null;
    }

    /** At least one request answered: a phase that answered nothing gives no figure. */
    boolean answered() {
        JsonNode ok = json.get("ok");
        return ok != null && ok.isNumber() && ok.doubleValue() != 0;
    }

    /** A figure of the phase; null when absent or not a number, and when the phase answered nothing (except its errors). */
    Double figure(String key) {
        return answered() || key.equals("errors") ? number(key) : null;
    }

    /** The value as written (null when absent). */
    JsonNode value(String key) {
        return json.get(key);
    }

    /** [pct, ms] points of the latency distribution, pct in percent (fractions up to 1 are scaled), sorted, without 100. */
    List<double[]> percentiles() {
        List<double[]> out = new ArrayList<>();
        JsonNode list = json.get("percentiles");
        if (list == null || !list.isArray()) {
            return out;
        }
        boolean fractions = true;
        for (JsonNode pair : list) {
            if (isPair(pair) && pair.get(0).doubleValue() > 1) {
                fractions = false;
            }
        }
        for (JsonNode pair : list) {
            if (isPair(pair) && pair.get(1).isNumber()) {
                double pct = fractions ? pair.get(0).doubleValue() * 100 : pair.get(0).doubleValue();
                if (pct < 100) {   // the maximum has no place on a 1/(1 - p) axis; it is in the tables
                    out.add(new double[] {pct, pair.get(1).doubleValue()});
                }
            }
        }
        out.sort((u, v) -> Double.compare(u[0], v[0]));
        return out;
    }

    private static boolean isPair(JsonNode pair) {
        return pair.isArray() && pair.size() == 2 && pair.get(0).isNumber();
    }

    private Double number(String key) {
        JsonNode v = json.get(key);
        return v != null && v.isNumber() ? v.doubleValue() : null;
    }
}
