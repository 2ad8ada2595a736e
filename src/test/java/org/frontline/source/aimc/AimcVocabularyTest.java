package org.frontline.source.aimc;

import org.frontline.model.PartialDate;
import org.frontline.model.Sex;
import org.frontline.source.VisibleTo;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** AIMC's dates of birth in two calendars, its ISO 5218 sex and its distribution model, read never throwing. */
class AimcVocabularyTest {

    @Test
    void aGregorianDayWrittenHijriReadsBackAsTheSameDay() {
        for (LocalDate day = LocalDate.of(1945, 1, 1); day.isBefore(LocalDate.of(2010, 1, 1)); day = day.plusDays(37)) {
            String[] written = AimcVocabulary.birthDate(PartialDate.of(day), true);
            assertEquals(AimcVocabulary.HIJRI, written[1]);
            assertEquals(PartialDate.of(day), AimcVocabulary.dateOfBirth(written[0], written[1]), day + " as " + written[0]);
        }
        assertArrayEquals(new String[] {"1400-01-01", "H"}, AimcVocabulary.birthDate(PartialDate.of(LocalDate.of(1979, 11, 21)), true));
        assertArrayEquals(new String[] {"1979", "G"}, AimcVocabulary.birthDate(PartialDate.ofYear(1979), true),
                "a year alone is written Gregorian");
        assertArrayEquals(new String[] {"1850-05-05", "G"}, AimcVocabulary.birthDate(PartialDate.of(LocalDate.of(1850, 5, 5)), true),
                "before the Umm al-Qura tables: Gregorian");
        assertNull(AimcVocabulary.birthDate(null, true));
    }

    @Test
    void datesAreReadNeverThrowing() {
        assertEquals(new PartialDate(1979, 11, 21), AimcVocabulary.dateOfBirth("1979-11-21", "G"));
        assertEquals(PartialDate.ofYear(1979), AimcVocabulary.dateOfBirth("1979", "G"));
        assertEquals(PartialDate.of(LocalDate.from(HijrahDate.of(1405, 3, 12))), AimcVocabulary.dateOfBirth("1405-03-12", "H"));
        // a Hijri year alone: the Gregorian year of its middle (1400 AH: Nov 1979 to Nov 1980)
        assertEquals(PartialDate.ofYear(1980), AimcVocabulary.dateOfBirth("1400", "H"));
        for (String[] unreadable : List.of(new String[] {"1250-01-01", "H"}, new String[] {"1400-13-01", "H"},
                new String[] {"1400-01-31", "H"}, new String[] {"21.11.1979", "G"}, new String[] {"1979-11-21", "J"},
                new String[] {"1979-11-21", null}, new String[] {"", "G"}, new String[] {null, "H"})) {
            assertNull(AimcVocabulary.dateOfBirth(unreadable[0], unreadable[1]), Arrays.toString(unreadable));
        }
    }

    @Test
    void sexByIso5218() {
        assertEquals(Sex.MALE, AimcVocabulary.sex("1"));
        assertEquals(Sex.FEMALE, AimcVocabulary.sex("2"));
        for (String other : new String[] {"0", "9", "M", null}) {
            assertEquals(Sex.UNKNOWN, AimcVocabulary.sex(other));
        }
        assertEquals("0", AimcVocabulary.sexCode(Sex.UNKNOWN));
    }

    @Test
    void theDistributionModelFailsClosed() {
        assertEquals(VisibleTo.EVERYONE, AimcVocabulary.distribution("ALL", null, "JOR"));
        assertEquals(new VisibleTo(Set.of("SAU", "ARE"), 0), AimcVocabulary.distribution("LIST", List.of("SAU", "ARE"), "JOR"));
        assertEquals(new VisibleTo(Set.of("EGY"), 0), AimcVocabulary.distribution("ORIGIN", null, "EGY"));
        assertEquals(1, AimcVocabulary.distribution("ORIGIN", null, null).unreadable(), "ORIGIN without an issuer");
        assertEquals(1, AimcVocabulary.distribution("LIST", null, "JOR").unreadable(), "LIST without its array");
        assertEquals(1, AimcVocabulary.distribution("LIST", List.of(), "JOR").unreadable(), "an empty LIST");
        assertEquals(1, AimcVocabulary.distribution("all", null, "JOR").unreadable(), "codes are exact");
        assertEquals(Set.of("JOR"), AimcVocabulary.distribution("MEMBERS", null, "JOR").restrictTo("JOR"));
        assertEquals("ALL", AimcVocabulary.distributionOf(Set.of()));
        assertEquals(List.of("ARE", "SAU"), AimcVocabulary.sharedWith(Set.of("SAU", "ARE")));
        assertNull(AimcVocabulary.sharedWith(Set.of()));
    }
}
