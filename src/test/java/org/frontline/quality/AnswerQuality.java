package org.frontline.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongBiFunction;

/**
 * Reads the service's person answers as an officer does, against the ground truth, and sums them up
 * per kind of question. The answer's JSON is all it looks at: {@code outcome}, {@code action},
 * {@code elapsedMs}, {@code subjects[].match} and {@code subjects[].records[].source/recordId/restricted};
 * each (source, recordId) is mapped to its identity by the world's truth (-1: a record the truth does not know).
 *
 * <p>Per answer: <b>true found</b> (a subject holds a record of the true identity), <b>true first</b>
 * (the first subject does), <b>true is HIT</b> (a HIT subject does), <b>false HIT</b> (a HIT subject
 * holds no record of the true identity; for questions about nobody the sources hold, any HIT),
 * <b>wrong action</b> (the answer's action is an alert action — not NO_ACTION, not the possible
 * match's VERIFY_IDENTITY — that no record of the true identity carries: taken from someone else),
 * <b>glued</b> (a subject holds records of two identities or more), <b>split</b> (the true identity's
 * records are in two subjects or more), <b>split between full dates</b> (split, and two of the subjects
 * holding them each know a full date of birth: the merge's own failure, where the records could have
 * been joined on their own evidence; a record that knows only the year or no date is kept apart on
 * purpose), <b>split unmarked</b> (split, and the subjects holding them are
 * not tied together by their {@code maybeSameAs} references: the answer hides that they may be one
 * person instead of pointing it out), <b>other source found</b> (for a name spelled as source B
 * holds it: a record of the person from another source is in the answer). Restricted (contact-only)
 * records carry no record id: they are left out of glued, split and false HIT, and counted apart.
 * Rates are over the questions of the type (the true-* ones over those with a true identity).
 */
public final class AnswerQuality {

    /** What one answer says, read against its question's truth. */
    public record Judged(LabelledQuery query, int status, String outcome, String action, int subjects,
                         int hitSubjects, boolean trueFound, boolean trueFirst, boolean trueIsHit, boolean falseHit,
                         boolean wrongAction, boolean glued, boolean split, boolean splitFullDates, boolean splitUnmarked,
                         boolean otherSourceFound,
                         double trueRecordRecall, int restrictedRecords, int unknownRecords, long elapsedMs, double clientMs) {

        boolean ok() {
            return status == 200;
        }
    }

    /** The figures of one kind of question. */
    public record Metrics(String type, int queries, int errors, int withTruth, double trueFound, double trueFirst,
                          double trueIsHit, double falseHitRate, double wrongActionRate, double gluedSubjectRate,
                          double splitRate, double splitFullDatesRate, double splitUnmarkedRate, Double otherSourceFound, double trueRecordRecall,
                          double allTrueRecordsFound, double medianSubjects, double medianHitSubjects,
                          long restrictedRecords, double answersWithRestricted, long unknownRecords,
                          Map<String, Integer> outcomes, double elapsedP50, double elapsedP95, double clientP50,
                          double clientP95) {
    }

    private AnswerQuality() {
    }

    /** Asks every question, {@code concurrency} at a time, and judges each answer (in the questions' order). */
    public static List<Judged> run(List<LabelledQuery> queries, ToLongBiFunction<String, String> truth, ServiceClient client,
                                   int concurrency) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency));
        try {
            List<Future<Judged>> futures = new ArrayList<>();
            for (LabelledQuery q : queries) {
                futures.add(pool.submit(() -> judge(q, client.person(q.body()), truth)));
            }
            List<Judged> out = new ArrayList<>();
            for (Future<Judged> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("the measurement failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    static Judged judge(LabelledQuery q, ServiceClient.Reply reply, ToLongBiFunction<String, String> truth) {
        JsonNode a = reply.body();
        if (reply.status() != 200 || a == null) {
            return new Judged(q, reply.status(), null, null, 0, 0, false, false, false, false, false, false, false,
                    false, false, false, Double.NaN, 0, 0, -1, reply.clientMs());
        }
        JsonNode subjects = a.path("subjects");
        boolean trueFound = false;
        boolean trueFirst = false;
        boolean trueIsHit = false;
        boolean falseHit = false;
        boolean glued = false;
        boolean otherSource = false;
        Set<String> trueRecordsFound = new HashSet<>();
        int trueSubjects = 0;
        int trueSubjectsWithFullDate = 0;
        List<String> trueSubjectIds = new ArrayList<>();
        int restricted = 0;
        int unknown = 0;
        int hits = 0;
        for (int i = 0; i < subjects.size(); i++) {
            JsonNode s = subjects.get(i);
            boolean hit = "HIT".equals(s.path("match").asText());
            if (hit) {
                hits++;
            }
            Set<Long> identities = new HashSet<>();
            boolean holdsTrue = false;
            boolean anyOpen = false;
            for (JsonNode r : s.path("records")) {
                String source = r.path("source").asText(null);
                String recordId = r.path("recordId").isNull() ? null : r.path("recordId").asText(null);
                if (r.path("restricted").asBoolean(false) || recordId == null) {
                    restricted++;
                    continue;
                }
                anyOpen = true;
                long id = recordId == null ? -1 : truth.applyAsLong(source, recordId);
                if (id < 0) {
                    unknown++;
                    continue;
                }
                identities.add(id);
                if (q.trueRecords().contains(source + "/" + recordId)) {
                    trueRecordsFound.add(source + "/" + recordId);
                }
                if (q.hasTruth() && id == q.identity()) {
                    holdsTrue = true;
                    if (q.querySource() != null && !q.querySource().equals(source)) {
                        otherSource = true;
                    }
                }
            }
            glued |= identities.size() >= 2;
            if (holdsTrue) {
                trueFound = true;
                trueSubjects++;
                if (knowsFullDate(s)) {
                    trueSubjectsWithFullDate++;
                }
                trueSubjectIds.add(s.path("subjectId").asText());
                trueFirst |= i == 0;
                trueIsHit |= hit;
            } else if (hit && anyOpen) {
                falseHit = true;
            }
        }
        String action = a.path("action").asText(null);
        boolean wrongAction = action != null && !action.equals("NO_ACTION") && !action.equals("VERIFY_IDENTITY")
                && !q.trueActions().contains(action);
        return new Judged(q, 200, a.path("outcome").asText(null), action, subjects.size(), hits, trueFound, trueFirst,
                trueIsHit, falseHit, wrongAction, glued, trueSubjects >= 2, trueSubjectsWithFullDate >= 2,
                trueSubjects >= 2 && !tiedTogether(trueSubjectIds, subjects), otherSource,
                q.hasTruth() && !q.trueRecords().isEmpty()
                        ? (double) trueRecordsFound.size() / q.trueRecords().size() : Double.NaN,
                restricted, unknown,
                a.path("elapsedMs").asLong(-1), reply.clientMs());
    }

    /** Whether a subject shows a full date of birth (yyyy-mm-dd), not only a year or none. */
    static boolean knowsFullDate(JsonNode subject) {
        for (JsonNode d : subject.path("datesOfBirth")) {
            if (d.path("value").asText("").matches("\\d{4}-\\d{2}-\\d{2}")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the subjects {@code ids} are one connected group through the answer's {@code maybeSameAs}
     * references (either direction counts): the answer points out that they may be one person.
     */
    static boolean tiedTogether(List<String> ids, JsonNode subjects) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (JsonNode s : subjects) {
            String id = s.path("subjectId").asText();
            for (JsonNode other : s.path("maybeSameAs")) {
                edges.computeIfAbsent(id, k -> new HashSet<>()).add(other.asText());
                edges.computeIfAbsent(other.asText(), k -> new HashSet<>()).add(id);
            }
        }
        Set<String> reached = new HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(ids.get(0)));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (reached.add(id)) {
                todo.addAll(edges.getOrDefault(id, Set.of()));
            }
        }
        return reached.containsAll(ids);
    }

    /** The figures per type, in the order of {@link QueryTypes#ALL}. */
    public static Map<String, Metrics> summarise(List<Judged> judged) {
        Map<String, List<Judged>> byType = new TreeMap<>();
        for (Judged j : judged) {
            byType.computeIfAbsent(j.query().type(), t -> new ArrayList<>()).add(j);
        }
        Map<String, Metrics> out = new LinkedHashMap<>();
        for (String type : QueryTypes.ALL.keySet()) {
            List<Judged> all = byType.get(type);
            if (all != null) {
                out.put(type, metrics(type, all));
            }
        }
        return out;
    }

    private static Metrics metrics(String type, List<Judged> all) {
        List<Judged> ok = all.stream().filter(Judged::ok).toList();
        List<Judged> withTruth = ok.stream().filter(j -> j.query().hasTruth()).toList();
        List<Judged> bySource = withTruth.stream().filter(j -> j.query().querySource() != null).toList();
        Map<String, Integer> outcomes = new TreeMap<>();
        ok.forEach(j -> outcomes.merge(String.valueOf(j.outcome()), 1, Integer::sum));
        return new Metrics(type, all.size(), all.size() - ok.size(), withTruth.size(),
                rate(withTruth, Judged::trueFound), rate(withTruth, Judged::trueFirst), rate(withTruth, Judged::trueIsHit),
                rate(ok, Judged::falseHit), rate(ok, Judged::wrongAction), rate(ok, Judged::glued),
                rate(withTruth, Judged::split), rate(withTruth, Judged::splitFullDates), rate(withTruth, Judged::splitUnmarked),
                bySource.isEmpty() ? null : rate(bySource, Judged::otherSourceFound),
                round(withTruth.stream().mapToDouble(Judged::trueRecordRecall).filter(r -> !Double.isNaN(r)).average()
                        .orElse(Double.NaN)),
                rate(withTruth.stream().filter(j -> !Double.isNaN(j.trueRecordRecall())).toList(),
                        j -> j.trueRecordRecall() >= 1.0),
                percentile(ok.stream().mapToDouble(Judged::subjects).toArray(), 50),
                percentile(ok.stream().mapToDouble(Judged::hitSubjects).toArray(), 50),
                ok.stream().mapToLong(Judged::restrictedRecords).sum(), rate(ok, j -> j.restrictedRecords() > 0),
                ok.stream().mapToLong(Judged::unknownRecords).sum(), outcomes,
                percentile(ok.stream().mapToDouble(Judged::elapsedMs).toArray(), 50),
                percentile(ok.stream().mapToDouble(Judged::elapsedMs).toArray(), 95),
                round(percentile(ok.stream().mapToDouble(Judged::clientMs).toArray(), 50)),
                round(percentile(ok.stream().mapToDouble(Judged::clientMs).toArray(), 95)));
    }

    private static double rate(List<Judged> js, java.util.function.Predicate<Judged> p) {
        if (js.isEmpty()) {
            return Double.NaN;
        }
        return round((double) js.stream().filter(p).count() / js.size());
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10_000) / 10_000.0;
    }

    /** Nearest-rank percentile; NaN when empty. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    // ------------------------------------------------------------------ reports

    /** The figures as JSON, metric names as the issue writes them. */
    public static ObjectNode toJson(Map<String, Metrics> metrics) {
        ObjectNode types = ServiceClient.JSON.createObjectNode();
        metrics.forEach((type, m) -> {
            ObjectNode o = types.putObject(type);
            o.put("description", QueryTypes.ALL.get(type));
            o.put("queries", m.queries());
            o.put("errors", m.errors());
            o.put("with_truth", m.withTruth());
            putRate(o, "true_found", m.trueFound());
            putRate(o, "true_first", m.trueFirst());
            putRate(o, "true_is_hit", m.trueIsHit());
            putRate(o, "other_source_found", m.otherSourceFound() == null ? Double.NaN : m.otherSourceFound());
            putRate(o, "true_record_recall", m.trueRecordRecall());
            putRate(o, "all_true_records_found", m.allTrueRecordsFound());
            putRate(o, "false_hit_rate", m.falseHitRate());
            putRate(o, "wrong_action_rate", m.wrongActionRate());
            putRate(o, "glued_subject_rate", m.gluedSubjectRate());
            putRate(o, "split_rate", m.splitRate());
            putRate(o, "split_full_dates_rate", m.splitFullDatesRate());
            putRate(o, "split_unmarked_rate", m.splitUnmarkedRate());
            o.put("median_subjects", m.medianSubjects());
            o.put("median_hit_subjects", m.medianHitSubjects());
            o.put("restricted_records", m.restrictedRecords());
            putRate(o, "answers_with_restricted", m.answersWithRestricted());
            o.put("records_not_in_ground_truth", m.unknownRecords());
            ObjectNode outcomes = o.putObject("outcomes");
            m.outcomes().forEach(outcomes::put);
            o.put("elapsed_ms_p50", m.elapsedP50());
            o.put("elapsed_ms_p95", m.elapsedP95());
            o.put("client_ms_p50", m.clientP50());
            o.put("client_ms_p95", m.clientP95());
        });
        return types;
    }

    private static void putRate(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }

    /** One line per type, for the console and for failure messages. */
    public static String table(Map<String, Metrics> metrics) {
        StringBuilder sb = new StringBuilder(String.format("%-22s %5s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %5s %8s%n",
                "type", "n", "found", "first", "isHIT", "other", "recall", "falseH", "wrongA", "glued", "split", "sp-dob", "unmark",
                "subj", "ms50/95"));
        metrics.forEach((t, m) -> sb.append(String.format(java.util.Locale.ROOT,
                "%-22s %5d %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %5.0f %4.0f/%-4.0f%s%n", t, m.queries(), f(m.trueFound()),
                f(m.trueFirst()), f(m.trueIsHit()), f(m.otherSourceFound() == null ? Double.NaN : m.otherSourceFound()),
                f(m.trueRecordRecall()),
                f(m.falseHitRate()), f(m.wrongActionRate()), f(m.gluedSubjectRate()), f(m.splitRate()),
                f(m.splitFullDatesRate()), f(m.splitUnmarkedRate()), m.medianSubjects(), m.elapsedP50(), m.elapsedP95(), m.errors() > 0 ? "  errors " + m.errors() : "")));
        return sb.toString();
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    // ------------------------------------------------------------------ the README's examples

    /** The named cases of issue #13 and the README, asked as typed. */
    public static Map<String, Map<String, Object>> namedExamples() {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        m.put("Jean-Pierre Dubois, 2010-05-05", Map.of("name", "Jean-Pierre Dubois", "dateOfBirth", "2010-05-05"));
        m.put("Jean-Pierre Dubois (name only)", Map.of("name", "Jean-Pierre Dubois"));
        m.put("محمد الراشد (name only)", Map.of("name", "محمد الراشد"));
        m.put("Li Wei (name only)", Map.of("name", "Li Wei"));
        m.put("محمد الراشد, 1983-04-12", Map.of("name", "محمد الراشد", "dateOfBirth", "1983-04-12"));
        m.put("Mohammed Al-Rashid, 1983-04-12", Map.of("name", "Mohammed Al-Rashid", "dateOfBirth", "1983-04-12"));
        m.put("Muhammad Al Rasheed, 1983-04-12", Map.of("name", "Muhammad Al Rasheed", "dateOfBirth", "1983-04-12"));
        return m;
    }

    /** What the service answered to each named example, in short, and for Mohammed Al-Rashid whether he is first and a HIT. */
    public static ArrayNode examples(ServiceClient client, ToLongBiFunction<String, String> truth) {
        ArrayNode out = ServiceClient.JSON.createArrayNode();
        namedExamples().forEach((label, question) -> {
            Map<String, Object> body = new LinkedHashMap<>(question);
            body.put("purpose", "answer-quality measurement");
            ServiceClient.Reply reply = client.person(body);
            ObjectNode e = out.addObject();
            e.put("example", label);
            e.put("status", reply.status());
            JsonNode a = reply.body();
            if (reply.status() != 200 || a == null) {
                return;
            }
            e.put("outcome", a.path("outcome").asText(null));
            e.put("action", a.path("action").asText(null));
            e.set("warnings", a.path("warnings"));
            e.put("message", a.path("message").asText(null));
            JsonNode subjects = a.path("subjects");
            int hits = 0;
            for (JsonNode s : subjects) {
                hits += "HIT".equals(s.path("match").asText()) ? 1 : 0;
            }
            e.put("subjects", subjects.size());
            e.put("hit_subjects", hits);
            if (label.contains("1983-04-12")) {
                JsonNode first = subjects.path(0);
                boolean wanted = false;
                for (JsonNode r : first.path("records")) {
                    String recordId = r.path("recordId").asText(null);
                    wanted |= recordId != null && truth.applyAsLong(r.path("source").asText(), recordId)
                            == org.frontline.sourcedata.Walkthrough.WANTED_IDENTITY;
                }
                e.put("wanted_person_first", wanted);
                e.put("wanted_person_first_is_hit", wanted && "HIT".equals(first.path("match").asText()));
            }
            ArrayNode firsts = e.putArray("first_subjects");
            for (int i = 0; i < Math.min(3, subjects.size()); i++) {
                JsonNode s = subjects.get(i);
                ObjectNode o = firsts.addObject();
                o.put("match", s.path("match").asText(null));
                o.put("score", s.path("score").asDouble());
                o.put("action", s.path("action").asText(null));
                ArrayNode names = o.putArray("names");
                s.path("names").forEach(n -> names.add(n.path("value").asText()));
                ArrayNode dates = o.putArray("dates_of_birth");
                s.path("datesOfBirth").forEach(n -> dates.add(n.path("value").asText()));
                ArrayNode records = o.putArray("records");
                s.path("records").forEach(r -> records.add(r.path("source").asText() + "/"
                        + (r.path("recordId").isNull() ? "(restricted)" : r.path("recordId").asText())));
            }
        });
        return out;
    }
}
