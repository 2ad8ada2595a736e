package org.frontline.source;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.PersonRecord;
import org.frontline.source.ameripol.AmeripolConnector;
import org.frontline.source.aseanapol.AseanapolConnector;
import org.frontline.source.europol.EuropolConnector;
import org.frontline.source.gccpol.GccpolConnector;
import org.frontline.source.interpol.InterpolConnector;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Person candidate search at scale (a benchmark, not a unit test): for each of the five sources
 * seeded with {@code loadtests/bulk-load.sh 1000000 42} (databases {@code <prefix><schema>}), runs
 * 200 person queries one at a time through the connector's own SQL (name keys, this version) and
 * through the previous SQL (trigram similarity over the raw name columns of the person and alias
 * tables), alternating, after a warm-up; prints per source p50/p95 of each and how often the record
 * a sampled query was taken from came back among the 25 candidates; writes EXPLAIN (ANALYZE,
 * BUFFERS) samples.
 *
 * <p>The queries: 20 fixed ones (walkthrough names, other scripts and romanisations, common and
 * rare names), then 180 names sampled from the source itself (by md5 of the record id), a third
 * as held, a third with the parts reversed, a third with one letter dropped.
 *
 * <pre>
 * ./mvnw -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
 *     -Dexec.mainClass=org.frontline.source.PersonSearchBenchmark -Dexec.classpathScope=test \
 *     [-Dbench.prefix=fq_bench_] [-Dbench.host=127.0.0.1 -Dbench.port=5432 -Dbench.user=postgres]
 *     [-Dbench.out=target/person-search] [-Dbench.sources=interpol,europol,...]
 * </pre>
 */
public final class PersonSearchBenchmark {

    static final int LIMIT = 25;
    static final int SAMPLED = 180;

    static final List<String> FIXED = List.of(
            "Mohammed Ali", "Muhammad Al Rasheed", "Mohammed Al-Rashid", "محمد الراشد", "Юрий Щербаков",
            "Yuriy Shcherbakov", "Iouri Chtcherbakov", "Khalid Saleh Ahmed Al-Dosari", "Abdel Rahman Al-Amin",
            "Abdulrahman Haddad", "Zhang Wei", "张伟", "Wei Zhang", "Nguyen Van An", "Maria Garcia",
            "José Luis Rodríguez", "Jürgen Müller", "Zebulon Quackenbush", "Ahmed Hassan Mahmoud", "Olga Ivanova");

    /** A source schema: its connector, its person key column, and its raw name expressions (the old search). */
    record Schema(String name, Function<Pool, SourceConnector> connector, Class<?> connectorClass, String id,
                  String personTable, String personName, String aliasTable, String aliasName) {

        String oldSql() {
            return """
                    WITH hits AS (
                        SELECT %1$s, similarity(%3$s, $1) AS sim FROM %2$s WHERE %3$s %% $1
                        UNION ALL
                        SELECT %1$s, similarity(%5$s, $1) AS sim FROM %4$s WHERE %5$s %% $1
                    ), best AS (
                        SELECT %1$s, max(sim) AS sim FROM hits GROUP BY %1$s ORDER BY sim DESC LIMIT $2
                    )
                    """.formatted(id, personTable, personName, aliasTable, aliasName) + tail();
        }

        String newSql() {
            try {
                Field f = connectorClass.getDeclaredField("PERSONS");
                f.setAccessible(true);
                return (String) f.get(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The connector's SELECT after its candidate CTE: the same for the old and the new search. */
        String tail() {
            return newSql().substring(SqlSupport.personCandidates(id).length());
        }
    }

    static final List<Schema> SCHEMAS = List.of(
            new Schema("interpol", InterpolConnector::new, InterpolConnector.class, "subject_id", "notice_subject",
                    "lower(coalesce(forename, '') || ' ' || family_name)", "subject_alias",
                    "lower(coalesce(forename, '') || ' ' || family_name)"),
            new Schema("europol", EuropolConnector::new, EuropolConnector.class, "person_ref", "eis_person",
                    "lower(full_name)", "eis_person_alias", "lower(alias_full_name)"),
            new Schema("ameripol", AmeripolConnector::new, AmeripolConnector.class, "id_persona", "persona",
                    "lower(nombres || ' ' || primer_apellido || coalesce(' ' || segundo_apellido, ''))", "persona_alias",
                    "lower(nombre_completo)"),
            new Schema("aseanapol", AseanapolConnector::new, AseanapolConnector.class, "subject_no", "subject",
                    "lower(full_name)", "subject_aka", "lower(aka_name)"),
            new Schema("gccpol", GccpolConnector::new, GccpolConnector.class, "individual_id", "gcc_individual",
                    "lower(first_name || coalesce(' ' || father_name, '') || coalesce(' ' || grandfather_name, '')"
                            + " || coalesce(' ' || family_name, ''))", "gcc_individual_alias", "lower(alias_name)"));

    record Query(String typed, String expectedId) {
    }

    record Figures(String source, int queries, double oldP50, double oldP95, double newP50, double newP95,
                   int sampled, int oldFound, int newFound, long keyRows) {
    }

    public static void main(String[] args) throws IOException {
        String prefix = System.getProperty("bench.prefix", "fq_bench_");
        String host = System.getProperty("bench.host", "127.0.0.1");
        int port = Integer.getInteger("bench.port", 5432);
        String user = System.getProperty("bench.user", "postgres");
        Path out = Path.of(System.getProperty("bench.out", "target/person-search"));
        Files.createDirectories(out);
        PersonNameMatcher matcher = PersonNameMatcher.create();
        Vertx vertx = Vertx.vertx();
        List<Figures> all = new ArrayList<>();
        StringBuilder explain = new StringBuilder();
        try {
            List<String> only = Arrays.asList(System.getProperty("bench.sources",
                    "interpol,europol,ameripol,aseanapol,gccpol").split(","));
            for (Schema s : SCHEMAS) {
                if (!only.contains(s.name())) {
                    continue;
                }
                PgConnectOptions options = new PgConnectOptions().setHost(host).setPort(port).setUser(user)
                        .setDatabase(prefix + s.name()).setCachePreparedStatements(true);
                String password = System.getProperty("bench.password", "");
                if (!password.isEmpty()) {
                    options.setPassword(password);
                }
                Pool pool = PgBuilder.pool().connectingTo(options).using(vertx).build();
                try {
                    all.add(run(s, pool, matcher, explain));
                } finally {
                    pool.closeAndAwait();
                }
            }
        } finally {
            vertx.closeAndAwait();
        }
        Files.writeString(out.resolve("explain.txt"), explain.toString());
        StringBuilder md = new StringBuilder();
        md.append("| source | key rows | old p50 ms | old p95 ms | new p50 ms | new p95 ms | sampled record in top 25: old | new |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        StringBuilder json = new StringBuilder("{\n");
        for (Figures f : all) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %d / %d | %d / %d |%n", f.source(),
                    f.keyRows(), f.oldP50(), f.oldP95(), f.newP50(), f.newP95(), f.oldFound(), f.sampled(), f.newFound(),
                    f.sampled()));
            json.append(String.format(Locale.ROOT, "  \"%s\": {\"queries\": %d, \"old_p50_ms\": %.1f, \"old_p95_ms\": %.1f,"
                            + " \"new_p50_ms\": %.1f, \"new_p95_ms\": %.1f, \"sampled\": %d, \"old_found\": %d, \"new_found\": %d,"
                            + " \"key_rows\": %d},%n", f.source(), f.queries(), f.oldP50(), f.oldP95(), f.newP50(), f.newP95(),
                    f.sampled(), f.oldFound(), f.newFound(), f.keyRows()));
        }
        json.setLength(json.length() - 2);
        json.append("\n}\n");
        Files.writeString(out.resolve("table.md"), md.toString());
        Files.writeString(out.resolve("person-search.json"), json.toString());
        System.out.println(md);
    }

    static Figures run(Schema s, Pool pool, PersonNameMatcher matcher, StringBuilder explain) {
        List<Query> queries = queries(s, pool);
        String oldSql = s.oldSql();
        SourceConnector connector = s.connector().apply(pool);
        // warm-up: the first 20 queries both ways, and the prepared statements
        for (Query q : queries.subList(0, 20)) {
            String key = matcher.searchKey(q.typed());
            oldIds(pool, oldSql, s.id(), key);
            connector.findPersonCandidates(key, LIMIT).await().indefinitely();
        }
        double[] oldMs = new double[queries.size()];
        double[] newMs = new double[queries.size()];
        int sampled = 0;
        int oldFound = 0;
        int newFound = 0;
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            String key = matcher.searchKey(q.typed());
            List<String> oldIds;
            List<String> newIds;
            if (i % 2 == 0) {
                long t0 = System.nanoTime();
                oldIds = oldIds(pool, oldSql, s.id(), key);
                long t1 = System.nanoTime();
                newIds = connector.findPersonCandidates(key, LIMIT).await().indefinitely().stream()
                        .map(PersonRecord::recordId).toList();
                long t2 = System.nanoTime();
                oldMs[i] = (t1 - t0) / 1e6;
                newMs[i] = (t2 - t1) / 1e6;
            } else {
                long t0 = System.nanoTime();
                newIds = connector.findPersonCandidates(key, LIMIT).await().indefinitely().stream()
                        .map(PersonRecord::recordId).toList();
                long t1 = System.nanoTime();
                oldIds = oldIds(pool, oldSql, s.id(), key);
                long t2 = System.nanoTime();
                newMs[i] = (t1 - t0) / 1e6;
                oldMs[i] = (t2 - t1) / 1e6;
            }
            if (q.expectedId() != null && Boolean.getBoolean("bench.debug")) {
                System.out.printf("%d old=%b new=%b %s%n", i % 3, oldIds.contains(q.expectedId()),
                        newIds.contains(q.expectedId()), q.typed());
            }
            if (q.expectedId() != null) {
                sampled++;
                oldFound += oldIds.contains(q.expectedId()) ? 1 : 0;
                newFound += newIds.contains(q.expectedId()) ? 1 : 0;
            }
        }
        for (String typed : List.of("Mohammed Ali", "Юрий Щербаков")) {
            String key = matcher.searchKey(typed);
            explain.append("==== ").append(s.name()).append(", new (name keys), query \"").append(typed).append("\"\n");
            explain(pool, s.newSql(), SqlSupport.personSearch(key, LIMIT), explain);
        }
        explain.append("==== ").append(s.name()).append(", old (raw-name trigram), query \"Mohammed Ali\"\n");
        explain(pool, oldSql, Tuple.of(matcher.searchKey("Mohammed Ali"), LIMIT), explain);
        long keyRows = pool.query("SELECT count(*) FROM frontline_name_key").execute().await().indefinitely()
                .iterator().next().getLong(0);
        Figures f = new Figures(s.name(), queries.size(), percentile(oldMs, 50), percentile(oldMs, 95),
                percentile(newMs, 50), percentile(newMs, 95), sampled, oldFound, newFound, keyRows);
        System.out.println(f);
        return f;
    }

    static List<String> oldIds(Pool pool, String sql, String idColumn, String key) {
        RowSet<Row> rows = pool.preparedQuery(sql).execute(Tuple.of(key, LIMIT)).await().indefinitely();
        List<String> ids = new ArrayList<>();
        for (Row r : rows) {
            ids.add(String.valueOf(r.getValue(idColumn)));
        }
        return ids;
    }

    static void explain(Pool pool, String sql, Tuple args, StringBuilder out) {
        RowSet<Row> rows = pool.preparedQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql).execute(args).await().indefinitely();
        for (Row r : rows) {
            out.append(r.getString(0)).append('\n');
        }
        out.append('\n');
    }

    /** The fixed queries, then names sampled from the source: as held, reversed, one letter dropped. */
    static List<Query> queries(Schema s, Pool pool) {
        List<Query> out = new ArrayList<>();
        FIXED.forEach(q -> out.add(new Query(q, null)));
        RowSet<Row> rows = pool.query("SELECT " + s.id() + "::text, " + s.personName() + " FROM " + s.personTable()
                + " ORDER BY md5(" + s.id() + "::text) LIMIT " + SAMPLED).execute().await().indefinitely();
        int i = 0;
        for (Row r : rows) {
            String name = r.getString(1).replace(",", " ").trim().replaceAll("\\s+", " ");
            String typed = switch (i++ % 3) {
                case 0 -> name;
                case 1 -> reversed(name);
                default -> typo(name);
            };
            out.add(new Query(typed, r.getString(0)));
        }
        return out;
    }

    static String reversed(String name) {
        List<String> words = new ArrayList<>(Arrays.asList(name.split(" ")));
        java.util.Collections.reverse(words);
        return String.join(" ", words);
    }

    /** Drops the third letter of the longest word (one keying slip). */
    static String typo(String name) {
        String[] words = name.split(" ");
        int longest = 0;
        for (int i = 1; i < words.length; i++) {
            if (words[i].length() > words[longest].length()) {
                longest = i;
            }
        }
        String w = words[longest];
        if (w.length() >= 5) {
            words[longest] = w.substring(0, 2) + w.substring(3);
        }
        return String.join(" ", words);
    }

    static double percentile(double[] values, int p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int idx = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, idx))];
    }
}
