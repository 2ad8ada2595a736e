package org.frontline.match;

import org.frontline.model.PersonQuery;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonRecord;
import org.frontline.model.Sex;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonNameMatcherTest {

    private final PersonNameMatcher matcher = PersonNameMatcher.create();

    private static PersonRecord record(String fullName, PartialDate dob, String nationality) {
        return new PersonRecord("r1", null, null, fullName, List.of(), dob, Sex.UNKNOWN, nationality, List.of());
    }

    @Test
    void knownEquivalentsMatchStrongly() {
        assertTrue(matcher.nameSimilarity("Mohammed Hassan", "Muhammad Hassan") >= MatchThresholds.HIT);
        assertTrue(matcher.nameSimilarity("Mohamed Abdel Rahman", "Muhammad Abdulrahman") >= MatchThresholds.HIT);
    }

    @Test
    void scriptsMatchTheirLatinForms() {
        assertTrue(matcher.nameSimilarity("Юрий Щербаков", "Yuriy Shcherbakov") >= MatchThresholds.HIT);
        assertTrue(matcher.nameSimilarity("Юрий Щербаков", "Iouri Chtcherbakov") >= MatchThresholds.POSSIBLE_MATCH);
        assertTrue(matcher.nameSimilarity("张伟", "Zhang Wei") >= MatchThresholds.HIT);
        assertTrue(matcher.nameSimilarity("习近平", "Xi Jinping") >= MatchThresholds.HIT);
    }

    @Test
    void orderDoesNotMatter() {
        assertEquals(matcher.nameSimilarity("Zhang Wei", "Zhang Wei"), matcher.nameSimilarity("Wei Zhang", "Zhang Wei"),
                1e-9);
        assertTrue(matcher.nameSimilarity("SALEK, ABDULHAI", "ABDULHAI SALEK") >= MatchThresholds.HIT);
    }

    @Test
    void differentNamesThatLookAlikeAreNoHit() {
        // with the tuned weights these are possible matches (a contact point confirms), never hits
        assertTrue(matcher.nameSimilarity("Hassan Ali", "Hussein Ali") < MatchThresholds.HIT);
        assertTrue(matcher.nameSimilarity("Mahmoud Abbas", "Mohammed Abbas") < MatchThresholds.HIT);
        assertTrue(matcher.nameSimilarity("Hassan Ali", "Hassan Ali") > matcher.nameSimilarity("Hassan Ali", "Hussein Ali"));
        assertTrue(matcher.nameSimilarity("Olaf Scholz", "Octavian Scholz") < MatchThresholds.POSSIBLE_MATCH);
    }

    @Test
    void aMissingMiddleNameCostsLessThanAConflictingOne() {
        double missing = matcher.nameSimilarity("Ahmad Hassan Rashid", "Ahmad Rashid");
        double conflicting = matcher.nameSimilarity("Ahmad Hassan Rashid", "Ahmad Karimov Rashid");
        assertTrue(missing > conflicting, missing + " vs " + conflicting);
        MatchResult r = matcher.score(PersonQuery.ofName("Ahmad Hassan Rashid"), record("Ahmad Rashid", null, null));
        assertTrue(r.reasons().contains("middle name HASSAN missing in record"), r.reasons().toString());
    }

    @Test
    void dateOfBirthIsEvidenceForAndAgainst() {
        PersonQuery q = new PersonQuery("Ahmad Rashid", PartialDate.parse("1983-04-12"), null, null);
        double none = matcher.score(PersonQuery.ofName("Ahmad Rashid"), record("Ahmad Rashid", null, null)).score();
        MatchResult equal = matcher.score(q, record("Ahmad Rashid", PartialDate.parse("1983-04-12"), null));
        MatchResult yearOnly = matcher.score(q, record("Ahmad Rashid", PartialDate.parse("1983"), null));
        MatchResult offByOne = matcher.score(q, record("Ahmad Rashid", PartialDate.parse("1984-04-12"), null));
        MatchResult conflict = matcher.score(q, record("Ahmad Rashid", PartialDate.parse("1960-01-01"), null));
        assertTrue(equal.reasons().contains("date of birth 1983-04-12 equal"), equal.reasons().toString());
        assertTrue(none <= equal.score());
        assertTrue(yearOnly.score() <= equal.score());
        assertTrue(offByOne.score() < none);
        assertTrue(conflict.score() < offByOne.score());
        assertTrue(conflict.score() < MatchThresholds.HIT, "a conflicting date cannot stay a hit");
    }

    @Test
    void dateEvidenceCannotMakeAMatchOutOfDifferentNames() {
        PersonQuery q = new PersonQuery("Olaf Scholz", PartialDate.parse("1958-06-14"), "DEU", Sex.MALE);
        MatchResult r = matcher.score(q, new PersonRecord("r", null, null, "Angela Merkel", List.of(),
                PartialDate.parse("1958-06-14"), Sex.MALE, "DEU", List.of()));
        assertTrue(r.score() < 0.3, "score " + r.score());
    }

    @Test
    void nationalityIsEvidenceForAndAgainst() {
        PersonQuery q = new PersonQuery("Ahmad Rashid", null, "JOR", null);
        MatchResult same = matcher.score(q, record("Ahmad Rashid", null, "JOR"));
        MatchResult other = matcher.score(q, record("Ahmad Rashid", null, "SYR"));
        assertTrue(same.score() > other.score());
        assertTrue(same.reasons().contains("nationality JOR equal"), same.reasons().toString());
        assertTrue(other.reasons().contains("nationality JOR differs from SYR"), other.reasons().toString());
    }

    @Test
    void reasonsExplainTheAlignment() {
        PersonRecord r = new PersonRecord("r", "Muhammad", "Al Rasheed", "Muhammad Al Rasheed", List.of(), null,
                Sex.UNKNOWN, null, List.of());
        MatchResult m = matcher.score(PersonQuery.ofName("Mohammed al-Rashid"), r);
        assertTrue(m.reasons().contains("given name MOHAMMED = MUHAMMAD (known equivalent)"), m.reasons().toString());
        assertTrue(m.reasons().contains("family name RASHID = RASHEED (known equivalent)"), m.reasons().toString());
        // a particle never counts as a matching part on its own
        assertTrue(m.reasons().stream().noneMatch(x -> x.contains(" AL ")), m.reasons().toString());
        assertTrue(m.isHit());
    }

    @Test
    void aliasesAreUsed() {
        PersonRecord r = new PersonRecord("r", null, null, "John Smith", List.of("Abu Mohammed al-Shami"), null,
                Sex.UNKNOWN, null, List.of());
        MatchResult m = matcher.score(PersonQuery.ofName("Abu Muhammad al Shami"), r);
        assertTrue(m.isHit(), "score " + m.score());
        assertTrue(m.reasons().get(0).startsWith("matched on alias"), m.reasons().toString());
    }

    @Test
    void sexConflictCounts() {
        PersonQuery q = new PersonQuery("Kim Min Jun", null, null, Sex.FEMALE);
        PersonRecord male = new PersonRecord("r", null, null, "Kim Min Jun", List.of(), null, Sex.MALE, null, List.of());
        assertTrue(matcher.score(q, male).score() < 1.0);
    }
}
