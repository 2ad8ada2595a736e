package org.frontline.quality;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.frontline.sourcedata.WorldPersons;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The yardstick itself, without a service: the labelled questions say what they claim (nobody's
 * identities and dates are held by no record, every true record is the identity's), and an answer
 * is read as the metrics define (glued, split, false HIT, action from someone else).
 */
class AnswerQualityTest {

    private static final WorldPersons WORLD = new WorldPersons(42, 400);
    private static final List<WorldPersons.Held> HELD = new ArrayList<>();
    private static QuerySet.Generated set;

    @BeforeAll
    static void generate() {
        WORLD.forEachPerson(HELD::add);
        set = QuerySet.generate(WORLD, 20, 1, QueryTypes.SYNTHETIC);
    }

    @Test
    void everyTypeHasItsQuestionsAndTheSameSeedGivesTheSameOnes() {
        for (String type : QueryTypes.SYNTHETIC) {
            assertEquals(20, set.ofType(type).size(), type);
        }
        assertEquals(set.queries(), QuerySet.generate(WORLD, 20, 1, QueryTypes.SYNTHETIC).queries());
        assertNotEquals(set.queries(), QuerySet.generate(WORLD, 20, 2, QueryTypes.SYNTHETIC).queries());
    }

    @Test
    void trueRecordsAreAllTheIdentitysRecordsInTwoSourcesOrMore() {
        Map<Long, Set<String>> byIdentity = new HashMap<>();
        HELD.forEach(h -> byIdentity.computeIfAbsent(h.identity(), k -> new HashSet<>()).add(h.source() + "/" + h.recordId()));
        for (LabelledQuery q : set.queries()) {
            if (q.hasTruth()) {
                assertEquals(byIdentity.get(q.identity()), q.trueRecords(), q.toString());
                assertTrue(q.trueRecords().stream().map(r -> r.substring(0, r.indexOf('/'))).distinct().count() >= 2);
                for (String r : q.trueRecords()) {
                    String[] sr = r.split("/", 2);
                    assertEquals(q.identity(), set.truth().identityOf(sr[0], sr[1]), r);
                }
            }
        }
    }

    @Test
    void nobodyQuestionsAskAboutNobodyHeld() {
        Set<String> dates = new HashSet<>();
        Set<String> namesAndDates = new HashSet<>();
        HELD.forEach(h -> {
            dates.add(h.dateOfBirth());
            namesAndDates.add(QuerySet.key(h.name()) + "|" + h.dateOfBirth());
        });
        for (LabelledQuery q : set.ofType(QueryTypes.DOB_NOBODY_HAS)) {
            assertFalse(dates.contains(q.dateOfBirth()), q.toString());
            assertEquals(-1, q.identity());
        }
        for (LabelledQuery q : set.ofType(QueryTypes.NOBODY_NAME_DOB)) {
            assertFalse(namesAndDates.contains(QuerySet.key(q.name()) + "|" + q.dateOfBirth()), q.toString());
        }
        assertTrue(set.queries().stream().filter(q -> !q.hasTruth()).allMatch(q -> q.identity() == -1));
    }

    @Test
    void anAnswerIsReadAsTheMetricsSay() {
        LabelledQuery q = set.ofType(QueryTypes.NAME_DOB).get(0);
        List<String> mine = new ArrayList<>(q.trueRecords());
        String other = HELD.stream().filter(h -> h.identity() != q.identity() && !h.walkthrough()).findFirst()
                .map(h -> h.source() + "/" + h.recordId()).orElseThrow();
        // S1: HIT, the true person glued to someone else; S2: POSSIBLE_MATCH, the true person's other record; S3: restricted
        ObjectNode answer = ServiceClient.JSON.createObjectNode();
        answer.put("outcome", "HIT");
        answer.put("action", "ARREST");
        answer.put("elapsedMs", 12);
        ArrayNode subjects = answer.putArray("subjects");
        subject(subjects, "HIT", mine.get(0), other);
        subject(subjects, "POSSIBLE_MATCH", mine.get(1));
        ObjectNode restricted = subjects.addObject();
        restricted.put("match", "POSSIBLE_MATCH");
        restricted.putArray("records").addObject().put("source", "gccpol").putNull("recordId").put("restricted", true);

        AnswerQuality.Judged j = AnswerQuality.judge(q, new ServiceClient.Reply(200, answer, 15), set.truth()::identityOf);
        assertTrue(j.trueFound());
        assertTrue(j.trueFirst());
        assertTrue(j.trueIsHit());
        assertFalse(j.falseHit(), "the HIT subject holds the true person");
        assertTrue(j.glued());
        assertTrue(j.split());
        assertEquals(1, j.restrictedRecords());
        assertEquals(0, j.unknownRecords());
        assertEquals(!q.trueActions().contains("ARREST"), j.wrongAction());
        boolean otherSource = mine.subList(0, 2).stream().anyMatch(r -> !r.startsWith(q.querySource() + "/"));
        assertEquals(otherSource, j.otherSourceFound());
        assertEquals(2.0 / mine.size(), j.trueRecordRecall(), 1e-9, "two of the true person's records are in the answer");

        // only someone else, as a HIT: a false HIT, the true person not found
        ObjectNode wrong = ServiceClient.JSON.createObjectNode();
        wrong.put("outcome", "HIT");
        wrong.put("action", "NO_ACTION");
        subject(wrong.putArray("subjects"), "HIT", other);
        AnswerQuality.Judged w = AnswerQuality.judge(q, new ServiceClient.Reply(200, wrong, 15), set.truth()::identityOf);
        assertTrue(w.falseHit());
        assertFalse(w.trueFound());
        assertFalse(w.glued());
        assertFalse(w.wrongAction(), "NO_ACTION is nobody's action");

        Map<String, AnswerQuality.Metrics> m = AnswerQuality.summarise(List.of(j, w));
        assertEquals(0.5, m.get(QueryTypes.NAME_DOB).falseHitRate());
        assertEquals(0.5, m.get(QueryTypes.NAME_DOB).gluedSubjectRate());
        assertEquals(0.5, m.get(QueryTypes.NAME_DOB).trueFound());
        assertEquals(0.0, w.trueRecordRecall());
        assertEquals(Math.round(1.0 / mine.size() * 10_000) / 10_000.0, m.get(QueryTypes.NAME_DOB).trueRecordRecall(),
                "the mean of the two answers' recall");
        assertEquals(mine.size() == 2 ? 0.5 : 0.0, m.get(QueryTypes.NAME_DOB).allTrueRecordsFound());
    }

    /**
     * A split is the merge's own failure only when two of the subjects holding the person each know a full
     * date of birth; beside a subject that knows only the year, or none, it is a split the data cannot carry.
     */
    @Test
    void aSplitBetweenTwoFullDatesIsToldApartFromOneBesideAYear() {
        LabelledQuery q = set.ofType(QueryTypes.NAME_DOB).get(0);
        List<String> mine = new ArrayList<>(q.trueRecords());
        ObjectNode besideYear = answerOfTwoSubjects(mine, "1970-01-02", "1970");
        AnswerQuality.Judged year = AnswerQuality.judge(q, new ServiceClient.Reply(200, besideYear, 15), set.truth()::identityOf);
        assertTrue(year.split());
        assertFalse(year.splitFullDates(), "one subject knows only the year");
        assertTrue(year.splitUnmarked(), "the subjects do not name each other");

        ObjectNode bothFull = answerOfTwoSubjects(mine, "1970-01-02", "1970-01-02");
        ((ObjectNode) bothFull.path("subjects").get(0)).putArray("maybeSameAs").add("S2");
        AnswerQuality.Judged full = AnswerQuality.judge(q, new ServiceClient.Reply(200, bothFull, 15), set.truth()::identityOf);
        assertTrue(full.split());
        assertTrue(full.splitFullDates());
        assertFalse(full.splitUnmarked(), "S1 names S2");

        Map<String, AnswerQuality.Metrics> m = AnswerQuality.summarise(List.of(year, full));
        assertEquals(1.0, m.get(QueryTypes.NAME_DOB).splitRate());
        assertEquals(0.5, m.get(QueryTypes.NAME_DOB).splitFullDatesRate());
        assertEquals(0.5, m.get(QueryTypes.NAME_DOB).splitUnmarkedRate());
    }

    private static ObjectNode answerOfTwoSubjects(List<String> records, String firstDate, String secondDate) {
        ObjectNode answer = ServiceClient.JSON.createObjectNode();
        answer.put("outcome", "HIT");
        answer.put("action", "NO_ACTION");
        ArrayNode subjects = answer.putArray("subjects");
        subject(subjects, "HIT", records.get(0));
        subject(subjects, "POSSIBLE_MATCH", records.get(1));
        ((ObjectNode) subjects.get(0)).put("subjectId", "S1").putArray("datesOfBirth").addObject().put("value", firstDate);
        ((ObjectNode) subjects.get(1)).put("subjectId", "S2").putArray("datesOfBirth").addObject().put("value", secondDate);
        return answer;
    }

    private static void subject(ArrayNode subjects, String match, String... records) {
        ObjectNode s = subjects.addObject();
        s.put("match", match);
        ArrayNode rs = s.putArray("records");
        for (String r : records) {
            String[] sr = r.split("/", 2);
            rs.addObject().put("source", sr[0]).put("recordId", sr[1]).put("restricted", false);
        }
    }
}
