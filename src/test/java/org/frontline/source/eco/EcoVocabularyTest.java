package org.frontline.source.eco;

import org.frontline.model.PartialDate;
import org.frontline.model.Sex;
import org.frontline.source.VisibleTo;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** ECO's own formats both ways, and its releasability read fail closed. */
class EcoVocabularyTest {

    @Test
    void datesOfBirthDayMonthYearOrYear() {
        assertEquals("17.04.1983", EcoVocabulary.birthDate(PartialDate.parse("1983-04-17")));
        assertEquals("1971", EcoVocabulary.birthDate(PartialDate.ofYear(1971)));
        assertEquals(PartialDate.parse("1983-04-17"), EcoVocabulary.dateOfBirth(" 17.04.1983 "));
        assertEquals(PartialDate.ofYear(1971), EcoVocabulary.dateOfBirth("1971"));
        assertNull(EcoVocabulary.dateOfBirth("31.02.1983"), "no such day");
        assertNull(EcoVocabulary.dateOfBirth("1983-04-17"), "another format");
        assertNull(EcoVocabulary.dateOfBirth(null));
    }

    @Test
    void sexAndNames() {
        assertEquals(Sex.MALE, EcoVocabulary.sex("M"));
        assertEquals(Sex.UNKNOWN, EcoVocabulary.sex("X"));
        assertEquals(Sex.UNKNOWN, EcoVocabulary.sex("?"));
        assertEquals("X", EcoVocabulary.sexCode(Sex.UNKNOWN));
        assertEquals("Kerimcan Ali Yildirimoglu", EcoVocabulary.fullName("Kerimcan", "Ali", "Yildirimoglu"));
        assertEquals("Kerimcan", EcoVocabulary.givenNames("Kerimcan", null));
    }

    @Test
    void releasabilityReadFailClosed() {
        assertEquals(VisibleTo.EVERYONE, EcoVocabulary.releasableTo("ECO", null, "TUR"));
        assertEquals(new VisibleTo(Set.of("TUR"), 0), EcoVocabulary.releasableTo("ORIGINATOR", null, "TUR"));
        assertEquals(1, EcoVocabulary.releasableTo("ORIGINATOR", null, null).unreadable(), "no originator: nobody");
        assertEquals(new VisibleTo(Set.of("IRN", "AZE"), 0), EcoVocabulary.releasableTo("LIST", List.of("IRN", "AZE"), "IRN"));
        assertEquals(new VisibleTo(Set.of("IRN"), 1), EcoVocabulary.releasableTo("LIST", List.of("IRN", "ZZZ"), "IRN"));
        assertEquals(new VisibleTo(Set.of("IRN"), 1), EcoVocabulary.releasableTo("LIST", Arrays.asList("IRN", null), "IRN"));
        assertEquals(1, EcoVocabulary.releasableTo("LIST", null, "IRN").unreadable(), "a LIST without its list");
        assertEquals(1, EcoVocabulary.releasableTo("LIST", List.of(), "IRN").unreadable(), "an empty list");
        assertEquals(1, EcoVocabulary.releasableTo("PARTNERS", null, "IRN").unreadable(), "a releasability we do not know");
        assertEquals(1, EcoVocabulary.releasableTo(null, null, "IRN").unreadable());
        // the restriction that reaches the need-to-know filter: the owner only, or nobody
        assertEquals(Set.of("IRN"), EcoVocabulary.releasableTo("PARTNERS", null, "IRN").restrictTo("IRN"));
        assertEquals(VisibleTo.EVERYONE, EcoVocabulary.releasableTo(null));
        assertEquals(1, EcoVocabulary.releasableTo(List.of("XXA")).unreadable(), "a code that names no state");
    }
}
