package org.frontline.peers.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The phases compare.sh runs, grouped as the report shows them, and what each one is. */
final class Scenarios {

    /** A table of the section and a plot of compare.html. */
    record Scenario(String title, List<String> labels) {
    }

    static final List<String> SCHEMAS = List.of("interpol", "europol", "ameripol", "aseanapol", "gccpol");

    static final List<Scenario> ALL = List.of(
            new Scenario("Floors (caches off service; c=1, closed loop)", List.of("floor-http", "source-interpol",
                    "source-europol", "source-ameripol", "source-aseanapol", "source-gccpol")),
            new Scenario("Our service, cold (caches off)", List.of("cold-c1", "cold-c32", "cold-open50")),
            new Scenario("Our service, cold, audit off (measurement only: what the audit commit adds)",
                    List.of("unaudited-c1", "unaudited-c32")),
            new Scenario("Our service, warm (L1) and the trivial endpoint beside it (caches on, c=32)",
                    List.of("warm-trivial-before", "warm-c32", "warm-trivial-after")),
            new Scenario("Our service, L2 only (L1 off, Redis on)", List.of("l2-c1", "l2-c32")),
            new Scenario("The peers (same query file as the cold path)", List.of("fdw-c1", "fdw-c8", "fdw-c32", "trino-c1",
                    "trino-c8", "naive-c1", "naive-c8")),
            new Scenario("One source delayed 2 s by a TCP proxy (caches off, open model)", List.of("slow-open")));

    private static final Map<String, String> DESCRIPTION = new LinkedHashMap<>();

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

    private Scenarios() {
    }

    /** What the phase is, in words; its label when the report does not know it. */
    static String description(String label) {
        return DESCRIPTION.getOrDefault(label, label);
    }
}
