package org.frontline.search;

import org.frontline.match.PersonEvidence;
import org.frontline.match.PersonMatch;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.NameStatistics;
import org.frontline.model.Outcome;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonQuery;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.SafetyWarning;
import org.frontline.model.Sex;
import org.frontline.model.SourceStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Person subjects on the consolidator alone: records are weighed against the query as the engine
 * weighs them, then consolidated. Different people must never be glued into one subject, and a HIT
 * answer must speak only of its HIT subjects.
 */
class PersonConsolidationTest {

    private final PersonEvidence evidence = new PersonEvidence(PersonNameMatcher.create());
    private final Consolidator consolidator = new Consolidator(evidence, 0.9, 0.9, 10);

    private static PersonRecord person(String id, String given, String family, String dob, List<Alert> alerts) {
        return new PersonRecord(id, given, family, given + " " + family, List.of(),
                dob == null ? null : PartialDate.parse(dob), Sex.MALE, "FRA", alerts);
    }

    private static Alert alert(ActionToTake action, SafetyWarning... warnings) {
        return new Alert("a", AlertCategory.WANTED_FOR_ARREST, action, List.of(warnings), LocalDate.of(2024, 1, 1),
                HandlingRestrictions.NONE, "NCB Lyon");
    }

    /** The records of each source weighed against the query, as FederatedSearch does. */
    private Answer ask(PersonQuery query, Map<String, List<PersonRecord>> bySource) {
        List<SourceAnswer> answers = new ArrayList<>();
        bySource.forEach((source, records) -> {
            List<ScoredRecord> scored = new ArrayList<>();
            for (PersonRecord r : records) {
                PersonMatch m = evidence.weigh(query, r);
                if (m.name().score() < PersonEvidence.nameFloor() || m.probability() < 0.001) {
                    continue;
                }
                boolean hit = m.isHit(0.9);
                scored.add(new ScoredRecord(source, r, m.probability(), m.reasons(), null,
                        hit ? MatchLevel.HIT : MatchLevel.POSSIBLE_MATCH, hit ? null : m.toResolve()));
            }
            answers.add(new SourceAnswer(source, source, "contact " + source, SourceStatus.OK, 3, null, scored));
        });
        return consolidator.consolidate("q", QueryKind.PERSON, answers, 5);
    }

    @Test
    void aRecordWithoutADateOfBirthNeverBridgesPeopleWhoseDatesConflict() {
        Map<String, List<PersonRecord>> sources = new LinkedHashMap<>();
        sources.put("europol", List.of(person("e1", "Jean-Pierre", "Dubois", null, List.of())));
        sources.put("interpol", List.of(person("i1", "Jean-Pierre", "Dubois", "1955-08-10", List.of())));
        sources.put("ameripol", List.of(person("a1", "Jean-Pierre", "Dubois", "1978-08-10", List.of())));
        sources.put("gccpol", List.of(person("g1", "Jean Pierre", "Dubois", "1971-03-26", List.of())));
        Answer answer = ask(new PersonQuery("Jean-Pierre Dubois", PartialDate.parse("2010-05-05"), null, null), sources);
        for (Answer.Subject s : answer.subjects()) {
            assertEquals(1, s.records().size(), "one record per subject: " + s);
            assertTrue(s.datesOfBirth().size() <= 1);
        }
        assertTrue(answer.outcome() != Outcome.HIT, "nobody was born on the date asked: " + answer.message());
    }

    @Test
    void theSamePersonInTwoSourcesIsOneSubjectAndAHit() {
        Map<String, List<PersonRecord>> sources = new LinkedHashMap<>();
        sources.put("interpol", List.of(person("i1", "Mohammed", "Al-Rashid", "1983-04-12", List.of(alert(ActionToTake.ARREST)))));
        sources.put("europol", List.of(person("e1", "Muhammad", "Al Rasheed", "1983-04-12", List.of())));
        sources.put("gccpol", List.of(person("g1", "Hasan Hamza Mohammed", "Al-Rashid", "1990-01-01", List.of())));
        Answer answer = ask(new PersonQuery("محمد الراشد", PartialDate.parse("1983-04-12"), null, null), sources);
        assertEquals(Outcome.HIT, answer.outcome(), answer.message());
        Answer.Subject first = answer.subjects().get(0);
        assertEquals(MatchLevel.HIT, first.match());
        assertEquals(2, first.records().size(), first.toString());
        assertEquals(ActionToTake.ARREST, answer.action());
        assertTrue(answer.subjects().stream().skip(1).noneMatch(s -> s.match() == MatchLevel.HIT));
    }

    @Test
    void aHitAnswerSpeaksOnlyOfItsHitSubjects() {
        Map<String, List<PersonRecord>> sources = new LinkedHashMap<>();
        // the person asked about: known, nothing to do
        sources.put("interpol", List.of(person("i1", "Jean-Pierre", "Dubois", "1971-03-26", List.of())));
        // a namesake without a date of birth, armed and wanted
        sources.put("europol", List.of(person("e1", "Jean-Pierre", "Dubois", null,
                List.of(alert(ActionToTake.ARREST, SafetyWarning.ARMED, SafetyWarning.VIOLENT)))));
        Answer answer = ask(new PersonQuery("Jean-Pierre Dubois", PartialDate.parse("1971-03-26"), null, null), sources);
        assertEquals(Outcome.HIT, answer.outcome());
        assertEquals(ActionToTake.NO_ACTION, answer.action(), answer.message());
        assertTrue(answer.warnings().isEmpty(), answer.warnings().toString());
        assertFalse(answer.message().contains("ARMED"), answer.message());
        assertTrue(answer.message().startsWith("HIT: known to interpol; no action requested."), answer.message());
        assertEquals(2, answer.subjects().size(), "the namesake stays apart: " + answer.subjects());
    }

    @Test
    void aNameAloneIsAPossibleMatchThatSaysWhatWouldSettleIt() {
        Map<String, List<PersonRecord>> sources = new LinkedHashMap<>();
        sources.put("interpol", List.of(person("i1", "Iouri", "Chtcherbakov", "1971-03-26", List.of(alert(ActionToTake.ARREST)))));
        Answer answer = ask(PersonQuery.ofName("Юрий Щербаков"), sources);
        assertEquals(Outcome.POSSIBLE_MATCH, answer.outcome());
        assertEquals(ActionToTake.VERIFY_IDENTITY, answer.action());
        assertTrue(answer.message().contains("add the date of birth to confirm"), answer.message());
        assertEquals("add the date of birth to confirm", answer.subjects().get(0).toResolve());
    }

    @Test
    void aPossibleMatchWithoutAlertsSaysThereIsNothingToDo() {
        Map<String, List<PersonRecord>> sources = new LinkedHashMap<>();
        sources.put("interpol", List.of(person("i1", "Jean-Pierre", "Dubois", "1955-08-10", List.of())));
        Answer answer = ask(PersonQuery.ofName("Jean-Pierre Dubois"), sources);
        assertEquals(Outcome.POSSIBLE_MATCH, answer.outcome());
        assertEquals(ActionToTake.NO_ACTION, answer.action());
        assertTrue(answer.message().startsWith("POSSIBLE MATCH without any alert: no action requested"), answer.message());
    }

    @Test
    void theListIsCappedAndCountsTheRest() {
        List<PersonRecord> many = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            many.add(person("i" + i, "Wei", "Li", (1950 + i) + "-01-01", List.of()));
        }
        Answer answer = ask(PersonQuery.ofName("Li Wei"), Map.of("interpol", many));
        assertEquals(10, answer.subjects().size());
        assertEquals(4, answer.moreSubjects());
        assertEquals(Outcome.POSSIBLE_MATCH, answer.outcome());
        assertNull(answer.subjects().stream().filter(s -> s.match() == MatchLevel.HIT).findAny().orElse(null));
    }

    /** The record with how many persons of its source (10,000) carry its full name. */
    private static PersonRecord held(PersonRecord r, long holders) {
        return new PersonRecord(r.recordId(), r.givenNames(), r.familyName(), r.fullName(), r.aliases(), r.dateOfBirth(),
                r.sex(), r.nationality(), r.alerts(), new NameStatistics(10_000, holders, Map.of()));
    }

    @Test
    void aRecordWithoutADateOfBirthIsASubjectOfItsOwnEvenUnderARareName() {
        // the rule this replaces joined a record without a date to the one record carrying the same full
        // name, nobody else in either source carrying it, same nationality: pair by pair on the synthetic
        // world it linked more namesakes (10) than persons (4 of 58), MergeEvaluation
        PersonQuery query = new PersonQuery("Frederic Faure", PartialDate.parse("1976-03-20"), null, null);
        PersonRecord dated = held(person("a1", "Frederic", "Faure", "1976-03-20", List.of()), 1);
        Map<String, List<PersonRecord>> rare = new LinkedHashMap<>();
        rare.put("aseanapol", List.of(dated));
        rare.put("gccpol", List.of(held(person("g1", "Frederic", "Faure", null, List.of()), 1)));
        Answer answer = ask(query, rare);
        assertEquals(2, answer.subjects().size(), answer.subjects().toString());
        Answer.Subject undated = answer.subjects().stream()
                .filter(s -> s.records().get(0).source().equals("gccpol")).findFirst().orElseThrow();
        assertEquals(MatchLevel.POSSIBLE_MATCH, undated.match());
        assertTrue(undated.toResolve().contains("no date of birth"), undated.toResolve());
        List<String> reasons = undated.records().get(0).reasons();
        assertTrue(reasons.get(reasons.size() - 1).startsWith("may be the same person as aseanapol record a1"), reasons.toString());
        // the doubt is structured too: each subject names the other
        Answer.Subject withDate = answer.subjects().stream().filter(s -> s != undated).findFirst().orElseThrow();
        assertEquals(List.of(withDate.subjectId()), undated.maybeSameAs());
        assertEquals(List.of(undated.subjectId()), withDate.maybeSameAs());
    }

    private static PersonRecord national(String id, String given, String family, String dob, String nationality) {
        return held(new PersonRecord(id, given, family, given + " " + family, List.of(), PartialDate.parse(dob), Sex.MALE,
                nationality, List.of()), 3);
    }

    @Test
    void twoPeopleWhoBothFitTheQuestionAreNeitherAHitUntilTheNationalityTellsThemApart() {
        // a Czech Pawel Szymanski (INTERPOL and AMERIPOL) and a Polish one (Europol), born the same day:
        // each fits a question without a nationality, and the person asked about is at most one of them
        Map<String, List<PersonRecord>> sources = new LinkedHashMap<>();
        sources.put("interpol", List.of(national("i1", "Pawel", "Szymanski", "1991-01-08", "CZE")));
        sources.put("ameripol", List.of(national("a1", "Pawel", "Szymanski", "1991-01-08", "CZE")));
        sources.put("europol", List.of(national("e1", "Pawel", "Szymanski", "1991-01-08", "POL")));
        Answer both = ask(new PersonQuery("Pawel Szymanski", PartialDate.parse("1991-01-08"), null, null), sources);
        assertEquals(2, both.subjects().size(), both.subjects().toString());
        assertEquals(Outcome.POSSIBLE_MATCH, both.outcome(), both.message());
        for (Answer.Subject s : both.subjects()) {
            assertEquals(MatchLevel.POSSIBLE_MATCH, s.match(), s.toString());
            assertTrue(s.score() < 0.9, "a probability shared between the two: " + s.score());
            assertTrue(s.toResolve().startsWith("another person matches as well"), s.toResolve());
        }
        assertTrue(both.subjects().get(0).toResolve().contains(both.subjects().get(0).nationalities().get(0).value()
                .equals("CZE") ? "POL" : "CZE"), "names what tells them apart: " + both.subjects().get(0).toResolve());

        // the nationality given, the Czech is the person and a HIT, the Polish namesake is not
        Answer czech = ask(new PersonQuery("Pawel Szymanski", PartialDate.parse("1991-01-08"), "CZE", null), sources);
        assertEquals(Outcome.HIT, czech.outcome(), czech.message());
        assertEquals("CZE", czech.subjects().get(0).nationalities().get(0).value());
        assertEquals(MatchLevel.HIT, czech.subjects().get(0).match());
        assertEquals(MatchLevel.POSSIBLE_MATCH, czech.subjects().get(1).match());
    }

    @Test
    void aSubjectThatTwoRecordsOfOneSourceFitTakesNeither() {
        // Europol holds two Giuseppe Di Stefano born 1952-05-30 (one without a nationality); either could
        // be INTERPOL's. A source holds a person once: joining the first would glue a namesake half the time
        Map<String, List<PersonRecord>> sources = new LinkedHashMap<>();
        sources.put("interpol", List.of(national("i1", "Giuseppe", "Di Stefano", "1952-05-30", "ITA")));
        sources.put("europol", List.of(national("e1", "Giuseppe", "Di Stefano", "1952-05-30", null),
                national("e2", "Giuseppe", "Di Stefano", "1952-05-30", "ITA")));
        Answer answer = ask(new PersonQuery("Giuseppe Di Stefano", PartialDate.parse("1952-05-30"), null, null), sources);
        assertEquals(3, answer.subjects().size(), answer.subjects().toString());
        answer.subjects().forEach(s -> assertEquals(1, s.records().size(), "nothing glued: " + s));
        Answer.Subject interpol = answer.subjects().stream()
                .filter(s -> s.records().get(0).source().equals("interpol")).findFirst().orElseThrow();
        assertEquals(MatchLevel.HIT, interpol.match(), "INTERPOL's record stands on its own");
        assertEquals("S1", interpol.subjectId());
        for (Answer.Subject s : answer.subjects()) {
            if (s != interpol) {
                assertEquals(MatchLevel.POSSIBLE_MATCH, s.match(), "the two Europol records compete: " + s);
                assertTrue(s.maybeSameAs().contains("S1"), "each may be INTERPOL's: " + s.maybeSameAs());
            }
        }
    }

    @Test
    void equalDatesUnderANameEveryoneCarriesStayApartButPointAtEachOther() {
        // every person of both sources carries the name: name and date agree, yet the evidence between the
        // two records stays under the merge threshold (a namesake born the same day is that likely)
        PersonQuery query = new PersonQuery("Wei Li", PartialDate.parse("1984-04-01"), null, null);
        Map<String, List<PersonRecord>> sources = new LinkedHashMap<>();
        sources.put("aseanapol", List.of(held(person("a1", "Wei", "Li", "1984-04-01", List.of()), 10_000)));
        sources.put("gccpol", List.of(held(person("g1", "Wei", "Li", "1984-04-01", List.of()), 10_000)));
        Answer answer = ask(query, sources);
        assertEquals(2, answer.subjects().size(), "not merged: " + answer.subjects());
        assertEquals(List.of("S2"), answer.subjects().get(0).maybeSameAs());
        assertEquals(List.of("S1"), answer.subjects().get(1).maybeSameAs());
        List<String> reasons = answer.subjects().get(1).records().get(0).reasons();
        assertTrue(reasons.get(reasons.size() - 1).contains("common enough for a namesake born the same day"),
                reasons.toString());
    }

    @Test
    void subjectsThatCannotBeOnePersonDoNotPointAtEachOther() {
        // a different date of birth contradicts: two people, and neither may be the other
        PersonQuery query = new PersonQuery("Frederic Faure", PartialDate.parse("1976-03-20"), null, null);
        Map<String, List<PersonRecord>> sources = new LinkedHashMap<>();
        sources.put("aseanapol", List.of(held(person("a1", "Frederic", "Faure", "1976-03-20", List.of()), 1)));
        sources.put("gccpol", List.of(held(person("g1", "Frederic", "Faure", "1961-07-02", List.of()), 1)));
        Answer answer = ask(query, sources);
        assertEquals(2, answer.subjects().size(), answer.subjects().toString());
        answer.subjects().forEach(s -> assertEquals(List.of(), s.maybeSameAs(), s.toString()));
        // and one subject made of two records points at nothing
        sources.put("gccpol", List.of(held(person("g1", "Frederic", "Faure", "1976-03-20", List.of()), 1)));
        Answer one = ask(query, sources);
        assertEquals(1, one.subjects().size());
        assertEquals(List.of(), one.subjects().get(0).maybeSameAs());
    }

    @Test
    void aReferencePointsOnlyAtAListedSubject() {
        // eleven dated namesakes and one undated record that resembles each of them (their dates conflict
        // with each other, none with it): twelve subjects, ten listed; no reference may point past the list
        PersonQuery query = PersonQuery.ofName("Li Wei");
        Map<String, List<PersonRecord>> sources = new LinkedHashMap<>();
        List<PersonRecord> dated = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            dated.add(person("i" + i, "Wei", "Li", (1950 + i) + "-01-01", List.of()));
        }
        sources.put("interpol", dated);
        sources.put("europol", List.of(person("e1", "Wei", "Li", null, List.of())));
        Answer answer = ask(query, sources);
        assertEquals(10, answer.subjects().size());
        java.util.Set<String> listed = new java.util.HashSet<>();
        answer.subjects().forEach(s -> listed.add(s.subjectId()));
        for (Answer.Subject s : answer.subjects()) {
            assertTrue(listed.containsAll(s.maybeSameAs()), s.subjectId() + " names an unlisted subject: " + s.maybeSameAs());
        }
    }

    @Test
    void aYearOnlyRecordJoinsOnlyOnStrongerEvidenceThanAFullDate() {
        // three persons of each source carry the name: the year agrees, the nationality too; 10.7 + 5.2
        // + 1.5 + 0.1 - 13.3 bits = 0.95-, a merge with a full date (0.9) but not on the year alone (0.95)
        PersonQuery query = new PersonQuery("Giovanni Romano", PartialDate.parse("1982-03-08"), null, null);
        Map<String, List<PersonRecord>> sources = new LinkedHashMap<>();
        sources.put("europol", List.of(held(person("e1", "Giovanni", "Romano", "1982-03-08", List.of()), 3)));
        sources.put("interpol", List.of(held(person("i1", "Giovanni", "Romano", "1982", List.of()), 3)));
        Answer apart = ask(query, sources);
        assertEquals(2, apart.subjects().size(), "namesakes born the same year are common");
        List<String> reasons = apart.subjects().get(1).records().get(0).reasons();
        assertTrue(reasons.get(reasons.size() - 1).contains("only the year of birth"), reasons.toString());
        assertEquals(List.of("S1"), apart.subjects().get(1).maybeSameAs());
        assertEquals(List.of("S2"), apart.subjects().get(0).maybeSameAs());

        sources.put("interpol", List.of(held(person("i1", "Giovanni", "Romano", "1982-03-08", List.of()), 3)));
        assertEquals(1, ask(query, sources).subjects().size(), "the same full date");
    }

    @Test
    void aMergeHoldsFromBothSidesAYearOnlyRecordOfANameCommonOnTheOtherSideStaysApart() {
        // Europol holds eight Frederic Dubois, one born on the day asked; INTERPOL's only one is born in
        // 1983, day unknown. Taken as the question to INTERPOL, Europol's record finds its only namesake
        // there; taken as the question to Europol, INTERPOL's finds one of eight: not enough to merge
        PersonQuery query = new PersonQuery("Frederic Dubois", PartialDate.parse("1983-10-13"), null, null);
        Map<String, List<PersonRecord>> sources = new LinkedHashMap<>();
        sources.put("europol", List.of(held(person("e1", "Frederic", "Dubois", "1983-10-13", List.of()), 8)));
        sources.put("interpol", List.of(held(person("i1", "Frederic", "Dubois", "1983", List.of()), 1)));
        Answer answer = ask(query, sources);
        assertEquals(2, answer.subjects().size(), answer.subjects().toString());

        sources.put("europol", List.of(held(person("e1", "Frederic", "Dubois", "1983-10-13", List.of()), 1)));
        assertEquals(1, ask(query, sources).subjects().size(), "the only Frederic Dubois of both, born in 1983");
    }
}
