package org.frontline.compact;

import org.frontline.border.MrzAnswer;
import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.Outcome;
import org.frontline.model.QueryKind;
import org.frontline.model.SafetyWarning;
import org.frontline.search.Answer;
import org.frontline.search.MatchLevel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The one mapping from the full answers to the compact one, on answers built by hand. */
class CompactAnswerMappingTest {

    @Test
    void theDecisionIsKeptAndOnlyThreeSubjectsAreListedTheRestCounted() {
        List<Answer.Subject> subjects = new ArrayList<>();
        subjects.add(person("S1", MatchLevel.HIT, ActionToTake.ARREST, "Muhammad AL RASHEED", "1983-04-12",
                record("europol", null), record("interpol", "INTERPOL NCB Wiesbaden",
                        alert(AlertCategory.WANTED_FOR_ARREST), alert(AlertCategory.DANGEROUS_PERSON),
                        alert(AlertCategory.WANTED_FOR_ARREST))));
        for (int i = 2; i <= 5; i++) {
            subjects.add(person("S" + i, MatchLevel.POSSIBLE_MATCH, ActionToTake.VERIFY_IDENTITY, "Name " + i, null,
                    record("gccpol", "GCCPOL, Abu Dhabi")));
        }
        Answer full = new Answer("q-1", QueryKind.PERSON, Outcome.HIT, false, ActionToTake.ARREST,
                List.of(SafetyWarning.ARMED), "HIT: ARREST.", subjects, 7, List.of(), 12);

        CompactAnswer compact = CompactAnswer.of(full);

        assertEquals("q-1", compact.queryId());
        assertEquals(Outcome.HIT, compact.outcome());
        assertEquals(false, compact.complete());
        assertEquals(ActionToTake.ARREST, compact.action());
        assertEquals(List.of(SafetyWarning.ARMED), compact.warnings());
        assertEquals("HIT: ARREST.", compact.message());
        assertNull(compact.documentWarnings());
        assertEquals(3, compact.subjects().size());
        assertEquals(2 + 7, compact.moreSubjects(), "the two not listed and the seven the full answer counted");
        CompactAnswer.SubjectLine first = compact.subjects().get(0);
        assertEquals(new CompactAnswer.SubjectLine("Muhammad AL RASHEED", "1983-04-12", null, MatchLevel.HIT,
                ActionToTake.ARREST, "INTERPOL NCB Wiesbaden",
                List.of(AlertCategory.WANTED_FOR_ARREST, AlertCategory.DANGEROUS_PERSON)), first,
                "the first contact point named; each alert category once, in order");
    }

    @Test
    void aDocumentIsNamedByItsIdentifier() {
        Answer.Subject passport = new Answer.Subject("S1", MatchLevel.HIT, 1, ActionToTake.SEIZE, List.of(), null,
                List.of(), List.of(), List.of(), List.of(new Answer.Value("PASSPORT FRA P4471902", List.of("interpol"))),
                List.of(), List.of(record("interpol", "INTERPOL NCB Paris", alert(AlertCategory.STOLEN_DOCUMENT))), List.of());
        CompactAnswer compact = CompactAnswer.of(new Answer("q-2", QueryKind.DOCUMENT, Outcome.HIT, true,
                ActionToTake.SEIZE, List.of(), "HIT: SEIZE.", List.of(passport), 0, List.of(), 3));
        CompactAnswer.SubjectLine line = compact.subjects().get(0);
        assertNull(line.name());
        assertNull(line.dateOfBirth());
        assertEquals("PASSPORT FRA P4471902", line.identifier());
        assertEquals(List.of(AlertCategory.STOLEN_DOCUMENT), line.alerts());
        assertEquals(0, compact.moreSubjects());
    }

    @Test
    void aScannedZoneListsTheDocumentsSubjectsFirstThenTheHolders() {
        Answer.Subject passport = new Answer.Subject("S1", MatchLevel.HIT, 1, ActionToTake.SEIZE, List.of(), null,
                List.of(), List.of(), List.of(), List.of(new Answer.Value("PASSPORT FRA P4471902", List.of("interpol"))),
                List.of(), List.of(record("interpol", "INTERPOL NCB Paris")), List.of());
        Answer document = new Answer("q-3", QueryKind.DOCUMENT, Outcome.HIT, true, ActionToTake.SEIZE, List.of(),
                "HIT: SEIZE.", List.of(passport), 0, List.of(), 3);
        List<Answer.Subject> holders = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            holders.add(person("S" + i, MatchLevel.POSSIBLE_MATCH, ActionToTake.VERIFY_IDENTITY, "Claire Martin " + i,
                    null, record("europol", "Europol")));
        }
        Answer holder = new Answer("q-3", QueryKind.PERSON, Outcome.POSSIBLE_MATCH, true, ActionToTake.VERIFY_IDENTITY,
                List.of(), "POSSIBLE MATCH.", holders, 4, List.of(), 5);
        MrzAnswer zone = new MrzAnswer("q-3", Outcome.HIT, true, ActionToTake.SEIZE, List.of(),
                List.of("DOCUMENT_EXPIRED"), "Document: HIT: SEIZE. Holder: POSSIBLE MATCH.", null,
                MrzAnswer.Part.answered(document), MrzAnswer.Part.answered(holder), 5);

        CompactAnswer compact = CompactAnswer.of(zone);

        assertEquals(List.of("DOCUMENT_EXPIRED"), compact.documentWarnings());
        assertEquals("PASSPORT FRA P4471902", compact.subjects().get(0).identifier());
        assertEquals("Claire Martin 1", compact.subjects().get(1).name());
        assertEquals(3, compact.subjects().size());
        assertEquals(1 + 4, compact.moreSubjects(), "the holder not listed and the four its part counted");
        assertEquals(0, CompactAnswer.of(new MrzAnswer("q-4", Outcome.INCOMPLETE, false, ActionToTake.NO_ACTION,
                List.of(), List.of(), "not searched", null, MrzAnswer.Part.notAsked("no number"),
                MrzAnswer.Part.notPermitted("persons"), 0)).subjects().size(), "a part not asked has no subjects");
    }

    private static Answer.Subject person(String id, MatchLevel match, ActionToTake action, String name, String born,
                                         Answer.RecordReport... records) {
        return new Answer.Subject(id, match, 0.9, action, List.of(), null, List.of(new Answer.Value(name, List.of("x"))),
                born == null ? List.of() : List.of(new Answer.Value(born, List.of("x"))), List.of(), List.of(),
                List.of(), List.of(records), List.of());
    }

    private static Answer.RecordReport record(String source, String contactPoint, Alert... alerts) {
        return new Answer.RecordReport(source, source + "-1", 0.9, List.of(), contactPoint, false, List.of(alerts));
    }

    private static Alert alert(AlertCategory category) {
        return new Alert("a-" + category, category, ActionToTake.ARREST, List.of(), null, null, "contact");
    }
}
