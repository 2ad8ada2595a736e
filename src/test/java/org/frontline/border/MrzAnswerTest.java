package org.frontline.border;

import org.frontline.model.ActionToTake;
import org.frontline.model.DocumentType;
import org.frontline.model.Outcome;
import org.frontline.model.QueryKind;
import org.frontline.model.SafetyWarning;
import org.frontline.model.Sex;
import org.frontline.search.Answer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two questions a zone asks, and the safety rule across the two parts of its answer. */
class MrzAnswerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private final MrzParser parser = new MrzParser(MrzParserTest.DECEMBER_2026);

    private MrzQuestions questions(MrzWriter zone) {
        return MrzQuestions.of(parser.parse(zone.write()), TODAY);
    }

    private static MrzWriter passport(String issuer, String nationality, String expiry) {
        return new MrzWriter(MrzFormat.TD3, "P", issuer, "X1234567", "DOE", "JANE", nationality, "800101", 'F', expiry,
                "", "");
    }

    private static MrzAnswer.Part answered(QueryKind kind, Outcome outcome, ActionToTake action, SafetyWarning... warnings) {
        return MrzAnswer.Part.answered(new Answer("q", kind, outcome, outcome != Outcome.INCOMPLETE, action,
                List.of(warnings), outcome.name(), List.of(), 0, List.of(), 5));
    }

    @Test
    void aPassportAsksForAPassportByItsIssuerAndItsHolderByNameDateNationalityAndSex() {
        MrzQuestions q = questions(passport("D", "GBD", "300101"));
        assertEquals("X1234567", q.document().number());
        assertEquals("DEU", q.document().issuingCountry());
        assertEquals(DocumentType.PASSPORT, q.document().type());
        assertEquals("JANE DOE", q.person().name());
        assertEquals("1980-01-01", q.person().dateOfBirth().toString());
        assertEquals("GBR", q.person().nationality());
        assertEquals(Sex.FEMALE, q.person().sex());
        assertEquals(List.of(), q.warnings());
    }

    @Test
    void aCardIsAskedAsAnyTypeAndAnUnknownIssuerIsNeverGuessed() {
        MrzQuestions card = questions(new MrzWriter(MrzFormat.TD1, "ID", "FRA", "X1234567", "DOE", "JANE", "FRA",
                "800101", 'F', "300101", "", ""));
        assertNull(card.document().type());
        MrzQuestions utopian = questions(passport("UTO", "UTO", "300101"));
        assertNull(utopian.document());
        assertTrue(utopian.documentNotAsked().contains("not one this service knows"));
        assertNull(utopian.person().nationality(), "an unknown nationality is left out, not guessed");
        assertEquals(2, utopian.warnings().size(), utopian.warnings().toString());
    }

    @Test
    void expiredAndFailedCheckDigitsAreWarnings() {
        MrzQuestions expired = questions(passport("FRA", "FRA", "261203"));
        assertEquals(List.of("document expired on 2026-12-03 (per its MRZ)"), expired.warnings());
        String altered = passport("FRA", "FRA", "300101").write().replace("X1234567<", "X1234568<");
        MrzQuestions failed = MrzQuestions.of(parser.parse(altered), TODAY);
        assertEquals(List.of(MrzQuestions.CHECK_DIGIT_FAILED), failed.warnings());
    }

    @Test
    void noHitOnlyWhenBothPartsWereAskedAndAnsweredNoHit() {
        MrzQuestions q = questions(passport("FRA", "FRA", "300101"));
        MrzAnswer.Part docNoHit = answered(QueryKind.DOCUMENT, Outcome.NO_HIT, ActionToTake.NO_ACTION);
        MrzAnswer.Part holderNoHit = answered(QueryKind.PERSON, Outcome.NO_HIT, ActionToTake.NO_ACTION);
        assertEquals(Outcome.NO_HIT, MrzAnswer.combine("q", q, docNoHit, holderNoHit).outcome());
        assertTrue(MrzAnswer.combine("q", q, docNoHit, holderNoHit).complete());

        MrzAnswer unasked = MrzAnswer.combine("q", q, MrzAnswer.Part.notAsked("no number"), holderNoHit);
        assertEquals(Outcome.INCOMPLETE, unasked.outcome());
        assertFalse(unasked.complete());
        assertEquals(Outcome.INCOMPLETE, MrzAnswer.combine("q", q, docNoHit,
                answered(QueryKind.PERSON, Outcome.INCOMPLETE, ActionToTake.NO_ACTION)).outcome());
        // a part the role may not ask is not expected, as a source it may not query is not
        assertEquals(Outcome.NO_HIT, MrzAnswer.combine("q", q, docNoHit,
                MrzAnswer.Part.notPermitted("persons")).outcome());
    }

    @Test
    void eitherPartsHitDecidesAndTheMostUrgentActionAndEveryWarningLead() {
        MrzQuestions q = questions(passport("FRA", "FRA", "300101"));
        MrzAnswer answer = MrzAnswer.combine("q", q,
                answered(QueryKind.DOCUMENT, Outcome.HIT, ActionToTake.SEIZE),
                answered(QueryKind.PERSON, Outcome.HIT, ActionToTake.ARREST, SafetyWarning.ARMED));
        assertEquals(Outcome.HIT, answer.outcome());
        assertEquals(ActionToTake.ARREST, answer.action());
        assertEquals(List.of(SafetyWarning.ARMED), answer.warnings());
        MrzAnswer halfAnswered = MrzAnswer.combine("q", q,
                answered(QueryKind.DOCUMENT, Outcome.HIT, ActionToTake.SEIZE),
                answered(QueryKind.PERSON, Outcome.INCOMPLETE, ActionToTake.NO_ACTION));
        assertEquals(Outcome.HIT, halfAnswered.outcome());
        assertFalse(halfAnswered.complete());
        assertTrue(halfAnswered.message().startsWith("Document: HIT"), halfAnswered.message());
    }
}
