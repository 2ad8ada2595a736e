package org.frontline.sourcedata;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command-line tooling for source databases: seed, load, ground-truth. The application's main class
 * dispatches to {@link #run}. Output names counts only, never personal data.
 */
public final class Tooling {

    static final String USAGE = """
            usage:
              seed --jdbc-url URL [--user U] [--password P] --schema SCHEMA [--seed N] [--persons N]
                  seeds a source database with the synthetic world (default seed 42, 10000 persons);
                  --schema aimc takes a MariaDB URL (jdbc:mariadb://host:3306/db, user root by default)
              load --jdbc-url URL [--user U] [--password P] --schema SCHEMA --file records.jsonl
                  loads common-model records (JSON Lines, see docs/loader-format.md) into a source
              ground-truth [--seed N] [--persons N] [--with aimc,eco] --out gt.csv
                  writes which canonical identity every synthetic record belongs to: the five PostgreSQL
                  sources', and AIMC's and ECO's when named
            SCHEMA is one of interpol, europol, ameripol, aseanapol, gccpol; aimc (MariaDB); eco (the partner
            API's PostgreSQL database)""";

    private Tooling() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> opts;
        try {
            opts = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            switch (args[0]) {
                case "seed" -> {
                    String schema = required(opts, "schema");
                    long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
                    int persons = Integer.parseInt(opts.getOrDefault("persons", "10000"));
                    // a MariaDB schema (AIMC) has its own seeder: another dialect, no COPY
                    SyntheticSeeder.Result r = org.frontline.source.SourceSchema.of(schema).type()
                            == org.frontline.source.SourceType.MARIADB
                            ? AimcSeeder.seed(required(opts, "jdbc-url"), opts.getOrDefault("user", "root"),
                                    opts.getOrDefault("password", ""), seed, persons)
                            : SyntheticSeeder.seed(required(opts, "jdbc-url"), opts.getOrDefault("user", "postgres"),
                                    opts.getOrDefault("password", ""), schema, seed, persons);
                    if (r.skipped()) {
                        out.println("already seeded with these parameters; nothing to do");
                    } else {
                        r.rowsPerTable().forEach((t, n) -> out.println(t + ": " + n + " rows"));
                        out.printf("total: %d rows in %.1f s (%.0f rows/s)%n", r.totalRows(), r.elapsed().toMillis() / 1000.0,
                                r.totalRows() / Math.max(0.001, r.elapsed().toMillis() / 1000.0));
                    }
                    return 0;
                }
                case "load" -> {
                    JsonLinesLoader.Report r = JsonLinesLoader.load(required(opts, "jdbc-url"),
                            opts.getOrDefault("user", "postgres"), opts.getOrDefault("password", ""), required(opts, "schema"),
                            Path.of(required(opts, "file")));
                    out.println("persons: " + r.persons() + ", documents: " + r.documents() + ", vehicles: " + r.vehicles()
                            + ", rejected lines: " + r.rejected().size());
                    r.rejected().forEach(x -> err.println("line " + x.line() + ": " + x.reason()));
                    return r.rejected().isEmpty() ? 0 : 1;
                }
                case "ground-truth" -> {
                    SyntheticWorld w = new SyntheticWorld(Long.parseLong(opts.getOrDefault("seed", "42")),
                            Integer.parseInt(opts.getOrDefault("persons", "10000")));
                    List<String> sources = new ArrayList<>(SourceSchemas.TYPES);
                    for (String extra : opts.getOrDefault("with", "").split(",")) {
                        if (!extra.isBlank()) {
                            sources.add(SourceProfile.of(extra.trim().toLowerCase(Locale.ROOT)).id);
                        }
                    }
                    long rows = w.writeGroundTruthCsv(Path.of(required(opts, "out")), sources);
                    out.println("ground truth: " + rows + " rows");
                    return 0;
                }
                default -> {
                    err.println("unknown command '" + args[0] + "'");
                    err.println(USAGE);
                    return 2;
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }
}
