package org.frontline.match.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.frontline.match.MatchThresholds;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonQuery;
import org.frontline.model.PersonRecord;
import org.frontline.model.Sex;
import org.frontline.source.SourceConnector;
import org.frontline.source.interpol.InterpolConnector;
import org.frontline.sourcedata.JsonLinesLoader;
import org.frontline.sourcedata.PostgresServer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The UN search task of {@link MatchingEvaluation} through a real source database instead of in
 * process (a benchmark, not a unit test): the 683 UN originals and the 50,000 synthetic negatives
 * are loaded with {@link JsonLinesLoader} into a scratch INTERPOL-schema database
 * ({@code fq_eval_interpol}, recreated), so the negatives are distractors beside the originals;
 * each treated name of the reporting half is then searched through {@link InterpolConnector}'s own
 * SQL (name keys, 25 candidates, as the service asks) and the candidates are scored by the shipped
 * matcher with date of birth, nationality and sex.
 *
 * <ul>
 * <li>recall@10: the original is among the candidates and fewer than 10 other candidates score at
 * least as high (ties go against us); an original the SQL did not return is a miss;</li>
 * <li>false-alert rate: each negative of the reporting half is searched; an alert when any UN
 * original among its candidates scores at or above the HIT threshold (as in process: the negative's
 * own record, and the other negatives, are not alerts).</li>
 * </ul>
 * Adds {@code un_*_via_source} to {@code loadtests/results/matching.json} and a section to
 * {@code loadtests/MATCHING.md}.
 *
 * <pre>
 * ./mvnw -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
 *     -Dexec.mainClass=org.frontline.match.eval.UnSearchThroughSource -Dexec.classpathScope=test \
 *     [-Dmatching.data=../shared/data/names] [-Dmatching.out=loadtests]
 * </pre>
 */
public final class UnSearchThroughSource {

    static final String DATABASE = "fq_eval_interpol";
    static final int CANDIDATES = 25;
    static final long NEGATIVE_BASE = 1_000_000L;

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        Path data = Path.of(System.getProperty("matching.data", "../shared/data/names"));
        Path out = Path.of(System.getProperty("matching.out", "loadtests"));
        MatchingEvaluation eval = new MatchingEvaluation(data, out);
        List<MatchingEvaluation.Person> originals = eval.persons("yente/un_positives_untreated.csv", true);
        List<MatchingEvaluation.Person> treated = eval.persons("yente/un_positives_treated.csv", true);
        List<MatchingEvaluation.Person> negatives = eval.persons("yente/negatives_global.csv", false);

        PostgresServer pg = PostgresServer.configuredOrEmbedded();
        pg.dropDatabaseIfExists(DATABASE);
        pg.createDatabaseIfMissing(DATABASE);
        Path file = Files.createTempFile("un-source", ".jsonl");
        JsonLinesLoader.Report loaded;
        try {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < originals.size(); i++) {
                    w.write(line(i + 1L, originals.get(i)));
                    w.newLine();
                }
                for (int i = 0; i < negatives.size(); i++) {
                    w.write(line(NEGATIVE_BASE + i, negatives.get(i)));
                    w.newLine();
                }
            }
            loaded = JsonLinesLoader.load(pg.jdbcUrl(DATABASE), pg.user(), pg.password(), "interpol", file);
        } finally {
            Files.deleteIfExists(file);
        }
        System.out.printf("loaded %d persons, %d lines rejected%n", loaded.persons(), loaded.rejected().size());

        PersonNameMatcher matcher = PersonNameMatcher.create();
        Vertx vertx = Vertx.vertx();
        PgConnectOptions options = PgConnectOptions.fromUri(pg.reactiveUrl(DATABASE)).setUser(pg.user())
                .setCachePreparedStatements(true);
        if (!pg.password().isEmpty()) {
            options.setPassword(pg.password());
        }
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(options).using(vertx).build();
        Map<String, Object> figures = new LinkedHashMap<>();
        try {
            SourceConnector source = new InterpolConnector(pool);
            int[] queries = IntStream.range(0, treated.size()).filter(i -> originals.get(i).report()).toArray();
            List<int[]> outcomes = Multi.createFrom().items(IntStream.of(queries).boxed())
                    .onItem().transformToUni(qi -> {
                        PersonQuery q = MatchingEvaluation.query(treated.get(qi));
                        String truth = String.valueOf(qi + 1L);
                        return source.findPersonCandidates(matcher.searchKey(q.name()), CANDIDATES)
                                .map(found -> rankOfTruth(matcher, q, found, truth));
                    }).merge(4)
                    .collect().asList().await().indefinitely();
            long returned = outcomes.stream().filter(o -> o[0] >= 0).count();
            long atTen = outcomes.stream().filter(o -> o[0] >= 0 && o[0] < 10).count();
            long atHit = outcomes.stream().filter(o -> o[1] == 1).count();
            figures.put("un_queries_via_source", queries.length);
            figures.put("un_candidates_returned_via_source", round(returned / (double) queries.length));
            figures.put("un_recall_at_10_via_source", round(atTen / (double) queries.length));
            figures.put("un_recall_at_hit_via_source", round(atHit / (double) queries.length));

            List<MatchingEvaluation.Person> negativeQueries = negatives.stream()
                    .filter(MatchingEvaluation.Person::report).toList();
            List<Boolean> alerts = Multi.createFrom().iterable(negativeQueries)
                    .onItem().transformToUni(n -> {
                        PersonQuery q = MatchingEvaluation.query(n);
                        return source.findPersonCandidates(matcher.searchKey(q.name()), CANDIDATES)
                                .map(found -> found.stream()
                                        .filter(r -> Long.parseLong(r.recordId()) < NEGATIVE_BASE)
                                        .anyMatch(r -> matcher.score(q, r).score() >= MatchThresholds.HIT));
                    }).merge(4)
                    .collect().asList().await().indefinitely();
            long alerted = alerts.stream().filter(a -> a).count();
            figures.put("un_negative_queries_via_source", negativeQueries.size());
            figures.put("un_false_alert_rate_via_source", round4(alerted / (double) negativeQueries.size()));
            figures.put("un_via_source_seconds", round((System.nanoTime() - started) / 1e9));
        } finally {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
        System.out.println(figures);
        write(out, figures);
    }

    /** [rank of the truth among the scored candidates (-1: not returned), 1 when it scores >= HIT]. */
    static int[] rankOfTruth(PersonNameMatcher matcher, PersonQuery q, List<PersonRecord> found, String truth) {
        double truthScore = -1;
        List<Double> others = new ArrayList<>();
        for (PersonRecord r : found) {
            double s = matcher.score(q, r).score();
            if (r.recordId().equals(truth)) {
                truthScore = s;
            } else {
                others.add(s);
            }
        }
        if (truthScore < 0) {
            return new int[] {-1, 0};
        }
        double t = truthScore;
        int better = (int) others.stream().filter(s -> s >= t).count();
        return new int[] {better, truthScore >= MatchThresholds.HIT ? 1 : 0};
    }

    /** One loader line: the name as a full name (or its parts), date of birth, sex, nationality. */
    static String line(long id, MatchingEvaluation.Person p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", "PERSON");
        n.put("recordId", String.valueOf(id));
        if (p.family() != null && !p.family().isBlank()) {
            if (p.given() != null && !p.given().isBlank()) {
                n.put("givenNames", p.given());
            }
            n.put("familyName", p.family());
        } else {
            n.put("fullName", p.name());
        }
        PartialDate dob = p.dob();
        if (dob != null) {
            n.put("dateOfBirth", dob.day() == 0 ? String.format(Locale.ROOT, "%04d", dob.year()) : dob.toString());
        }
        if (p.sex() != null && p.sex() != Sex.UNKNOWN) {
            n.put("sex", p.sex().name());
        }
        if (p.nationality() != null) {
            n.put("nationality", p.nationality());
        }
        return n.toString();
    }

    static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    static void write(Path out, Map<String, Object> figures) throws IOException {
        Path jsonFile = out.resolve("results/matching.json");
        Map<String, Object> json = JSON.readValue(Files.readString(jsonFile), LinkedHashMap.class);
        json.putAll(figures);
        Files.writeString(jsonFile, Json.write(json) + "\n");

        Path md = out.resolve("MATCHING.md");
        String text = Files.readString(md);
        String title = "## UN search through a source database";
        int at = text.indexOf(title);
        if (at >= 0) {
            int next = text.indexOf("\n## ", at + title.length());
            text = text.substring(0, at) + (next < 0 ? "" : text.substring(next + 1));
        }
        StringBuilder s = new StringBuilder(text.stripTrailing()).append("\n\n").append(title).append("\n\n");
        s.append("""
                Generated by `org.frontline.match.eval.UnSearchThroughSource` (src/test/java). The 683 UN
                originals and the 50,000 negatives are loaded with `JsonLinesLoader` into a scratch INTERPOL
                database (`fq_eval_interpol`, recreated), so the negatives sit beside the originals as
                distractors; each treated name (reporting half) is searched through the connector's own SQL
                (name keys, 25 candidates, as the service asks) and the candidates are scored by the shipped
                matcher. A UN original the SQL did not return is a miss. False alerts: each negative (reporting
                half) searched the same way; an alert when a UN original among its candidates scores at or
                above HIT (its own record and the other negatives are not alerts, as in process).

                ```
                ./mvnw -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \\
                    -Dexec.mainClass=org.frontline.match.eval.UnSearchThroughSource -Dexec.classpathScope=test
                ```

                | metric | through the source | in process (brute force, above) |
                |---|---|---|
                """);
        Object inProcessRecall = json.get("un_recall_at_10");
        Object inProcessAlerts = json.get("un_false_alert_rate");
        Object inProcessHit = json.get("un_recall_at_hit");
        s.append("| un_recall_at_10 | ").append(figures.get("un_recall_at_10_via_source")).append(" | ")
                .append(inProcessRecall).append(" |\n");
        s.append("| un_false_alert_rate (at HIT) | ").append(figures.get("un_false_alert_rate_via_source")).append(" | ")
                .append(inProcessAlerts).append(" |\n");
        s.append("| un_recall_at_hit | ").append(figures.get("un_recall_at_hit_via_source")).append(" | ")
                .append(inProcessHit).append(" |\n");
        s.append("| original among the 25 candidates | ").append(figures.get("un_candidates_returned_via_source"))
                .append(" | (all 50,683 scored) |\n");
        s.append("| queries / negative queries | ").append(figures.get("un_queries_via_source")).append(" / ")
                .append(figures.get("un_negative_queries_via_source")).append(" | ").append(json.get("un_queries"))
                .append(" / ").append(json.get("un_negative_queries")).append(" |\n");
        s.append("\nRun time: ").append(figures.get("un_via_source_seconds")).append(" s.\n");
        Files.writeString(md, s.toString());
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
