package org.frontline.search;

import org.frontline.match.PersonEvidence;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.DocumentRecord;
import org.frontline.model.DocumentType;
import org.frontline.model.Outcome;
import org.frontline.model.QueryKind;
import org.frontline.model.SafetyWarning;
import org.frontline.model.SourceStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The safety rule, proved over every combination of statuses of five sources (7^5 = 16,807
 * combinations), each with and without a record found: NO_HIT exactly when nothing was found and
 * every source that should answer answered OK; a hit is a hit whatever failed elsewhere.
 */
class OutcomeSafetyRuleTest {

    private static final List<String> SOURCES = List.of("ameripol", "aseanapol", "europol", "gccpol", "interpol");
    private final Consolidator consolidator = new Consolidator(new PersonEvidence(PersonNameMatcher.create()), 0.9, 0.9, 10);

    @Test
    void noHitOnlyWhenEverySourceThatShouldAnswerAnsweredOk() {
        SourceStatus[] statuses = SourceStatus.values();
        int combinations = (int) Math.pow(statuses.length, SOURCES.size());
        int noHits = 0;
        for (int code = 0; code < combinations; code++) {
            SourceStatus[] combo = new SourceStatus[SOURCES.size()];
            int c = code;
            for (int i = 0; i < combo.length; i++) {
                combo[i] = statuses[c % statuses.length];
                c /= statuses.length;
            }
            boolean allAnswered = true;
            for (SourceStatus s : combo) {
                allAnswered &= s == SourceStatus.OK || s == SourceStatus.NOT_PERMITTED || s == SourceStatus.NOT_APPLICABLE;
            }
            // nothing found anywhere
            Answer empty = consolidator.consolidate("q", QueryKind.DOCUMENT, answers(combo, -1), 5);
            if (allAnswered) {
                assertEquals(Outcome.NO_HIT, empty.outcome(), describe(combo));
                assertTrue(empty.complete());
                noHits++;
            } else {
                assertEquals(Outcome.INCOMPLETE, empty.outcome(), describe(combo));
                assertNotEquals(Outcome.NO_HIT, empty.outcome());
                assertTrue(!empty.complete());
            }
            // a stolen document found by the first OK source
            int okIndex = firstOk(combo);
            if (okIndex >= 0) {
                Answer hit = consolidator.consolidate("q", QueryKind.DOCUMENT, answers(combo, okIndex), 5);
                assertEquals(Outcome.HIT, hit.outcome(), describe(combo));
                assertEquals(ActionToTake.SEIZE, hit.action());
                assertEquals(allAnswered, hit.complete());
            }
        }
        assertEquals((int) Math.pow(3, SOURCES.size()), noHits, "NO_HIT exactly for the 3^5 all-answered combinations");
    }

    @Test
    void recordsFromFailedSourcesAreIgnored() {
        // a source that timed out cannot contribute a record (and cannot contribute certainty)
        SourceStatus[] combo = {SourceStatus.TIMEOUT, SourceStatus.OK, SourceStatus.OK, SourceStatus.OK, SourceStatus.OK};
        List<SourceAnswer> answers = new ArrayList<>(answers(combo, -1));
        answers.set(0, new SourceAnswer("ameripol", "AMERIPOL", "cp", SourceStatus.TIMEOUT, 400, null, List.of(stolen("ameripol"))));
        assertEquals(Outcome.INCOMPLETE, consolidator.consolidate("q", QueryKind.DOCUMENT, answers, 5).outcome());
    }

    @Test
    void warningsComeFromEveryAlertAndTheMostUrgentActionWins() {
        SourceStatus[] combo = {SourceStatus.OK, SourceStatus.OK, SourceStatus.OK, SourceStatus.OK, SourceStatus.OK};
        List<SourceAnswer> answers = new ArrayList<>(answers(combo, 0));
        Alert armedArrest = new Alert("a", AlertCategory.WANTED_FOR_ARREST, ActionToTake.ARREST, List.of(SafetyWarning.ARMED),
                LocalDate.of(2024, 1, 1), null, "NCB");
        DocumentRecord doc = new DocumentRecord("d2", "P1", "FRA", DocumentType.PASSPORT, null, List.of(armedArrest));
        answers.set(1, new SourceAnswer("aseanapol", "ASEANAPOL", "cp", SourceStatus.OK, 3, null,
                List.of(new ScoredRecord("aseanapol", doc, 1.0, List.of("exact")))));
        Answer answer = consolidator.consolidate("q", QueryKind.DOCUMENT, answers, 5);
        assertEquals(ActionToTake.ARREST, answer.action());
        assertEquals(List.of(SafetyWarning.ARMED), answer.warnings());
        assertEquals(1, answer.subjects().size(), "the same document from two sources is one subject");
        assertEquals(2, answer.subjects().get(0).records().size());
    }

    private static int firstOk(SourceStatus[] combo) {
        for (int i = 0; i < combo.length; i++) {
            if (combo[i] == SourceStatus.OK) {
                return i;
            }
        }
        return -1;
    }

    private static List<SourceAnswer> answers(SourceStatus[] combo, int withRecord) {
        List<SourceAnswer> answers = new ArrayList<>();
        for (int i = 0; i < combo.length; i++) {
            String id = SOURCES.get(i);
            List<ScoredRecord> records = i == withRecord ? List.of(stolen(id)) : List.of();
            answers.add(new SourceAnswer(id, id.toUpperCase(), "contact " + id, combo[i], 3, null, records));
        }
        return answers;
    }

    private static ScoredRecord stolen(String source) {
        Alert alert = new Alert("x", AlertCategory.STOLEN_DOCUMENT, ActionToTake.SEIZE, List.of(), LocalDate.of(2025, 1, 1),
                null, "NCB " + source);
        return new ScoredRecord(source, new DocumentRecord("d-" + source, "P1", "FRA", DocumentType.PASSPORT, null,
                List.of(alert)), 1.0, List.of("exact"));
    }

    private static String describe(SourceStatus[] combo) {
        return java.util.Arrays.toString(combo);
    }
}
