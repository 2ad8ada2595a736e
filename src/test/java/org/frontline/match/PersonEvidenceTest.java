package org.frontline.match;

import org.frontline.model.NameStatistics;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonQuery;
import org.frontline.model.PersonRecord;
import org.frontline.model.Sex;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The person evidence on its own: what corroborates, what contradicts, what weighs how much. */
class PersonEvidenceTest {

    private final PersonEvidence evidence = new PersonEvidence(PersonNameMatcher.create());

    private static PersonRecord record(String given, String family, String dob, String nationality) {
        return new PersonRecord("r1", given, family, (given == null ? "" : given + " ") + family, List.of(),
                dob == null ? null : PartialDate.parse(dob), Sex.MALE, nationality, List.of());
    }

    private static PersonQuery query(String name, String dob) {
        return new PersonQuery(name, dob == null ? null : PartialDate.parse(dob), null, null);
    }

    @Test
    void aNameAloneIsNeverCorroboratedHoweverWellItAgrees() {
        PersonMatch m = evidence.weigh(query("Iouri Chtcherbakov", null), record("Iouri", "Chtcherbakov", "1971-03-26", "RUS"));
        assertTrue(m.nameAgrees());
        assertFalse(m.corroborated());
        assertEquals("add the date of birth to confirm", m.toResolve());
    }

    @Test
    void theNameAndTheDateOfBirthCorroborate() {
        PersonMatch exact = evidence.weigh(query("Iouri Chtcherbakov", "1971-03-26"), record("Iouri", "Chtcherbakov", "1971-03-26", "RUS"));
        assertTrue(exact.corroborated());
        assertTrue(exact.probability() > 0.99, "probability " + exact.probability());
        PersonMatch yearOnly = evidence.weigh(query("Iouri Chtcherbakov", "1971"), record("Iouri", "Chtcherbakov", "1971-03-26", "RUS"));
        assertTrue(yearOnly.corroborated(), "a year where only the year is known corroborates");
        assertTrue(yearOnly.probability() < exact.probability());
    }

    @Test
    void aConflictingDateOfBirthIsNeverCorroboratedAndACloseOneIsOnlyPossible() {
        PersonRecord r = record("Jean-Pierre", "Dubois", "1955-08-10", "FRA");
        PersonMatch conflict = evidence.weigh(query("Jean-Pierre Dubois", "2010-05-05"), r);
        assertFalse(conflict.corroborated());
        assertTrue(conflict.contradicted());
        PersonMatch swapped = evidence.weigh(query("Jean-Pierre Dubois", "1955-10-08"), r);
        assertEquals(DateAgreement.SWAPPED, swapped.dateOfBirth());
        assertFalse(swapped.corroborated());
        assertTrue(swapped.probability() > conflict.probability());
        assertTrue(swapped.toResolve().contains("check it in the document"), swapped.toResolve());
    }

    @Test
    void aRecordWithoutADateOfBirthIsNeverCorroborated() {
        PersonMatch m = evidence.weigh(query("Jean-Pierre Dubois", "1955-08-10"), record("Jean-Pierre", "Dubois", null, "FRA"));
        assertFalse(m.corroborated());
        assertTrue(m.toResolve().contains("no date of birth"), m.toResolve());
    }

    @Test
    void theQuerysGivenNameMustMeetTheRecordsGivenNameInAnArabicChain() {
        // GCCPOL: first, father, grandfather as given names, family name apart
        PersonRecord grandson = record("Hasan Hamza Mohammed", "Al-Rashid", "1983-04-12", "SAU");
        PersonMatch m = evidence.weigh(query("Mohammed Al-Rashid", "1983-04-12"), grandson);
        assertFalse(m.name().givenNameMet());
        assertFalse(m.nameAgrees());
        assertFalse(m.corroborated(), "Mohammed Al-Rashid is not Hasan son of Hamza son of Mohammed Al-Rashid");
        PersonMatch himself = evidence.weigh(query("Mohammed Al-Rashid", "1983-04-12"), record("Mohammed", "Al-Rashid", "1983-04-12", "SAU"));
        assertTrue(himself.corroborated());
    }

    @Test
    void particlesNeverAgreeOnTheirOwn() {
        NameAgreement a = PersonNameMatcher.create().compareNames("Khalid Al Amoudi",
                record("Hasan", "Al Rasheed", null, null));
        assertTrue(a.reasons().stream().noneMatch(r -> r.contains(" AL ")), a.reasons().toString());
        assertTrue(a.score() < 0.5, "score " + a.score());
    }

    @Test
    void twoDifferentNamesOfOneSkeletonAreNotASpellingVariant() {
        // Mahmud (محمود) and Muhammad (محمد) are two names: a record of Muhammad Al Rasheed does not
        // agree with a question about Mahmud Al Rasheed, however alike the letters (it did, 0.79, as
        // a "spelling variant", and the name agreed)
        PersonRecord r = new PersonRecord("r1", null, null, "Muhammad AL RASHEED", List.of(),
                PartialDate.parse("1983-04-12"), Sex.MALE, "SAU", List.of());
        PersonMatch m = evidence.weigh(query("Al Rasheed Mahmud", "1983-04-12"), r);
        assertFalse(m.nameAgrees(), "score " + m.name().score() + " " + m.name().reasons());
        assertFalse(m.corroborated());
        assertTrue(m.name().reasons().stream().noneMatch(x -> x.contains("MAHMUD ~ MUHAMMAD")), m.name().reasons().toString());
        assertTrue(m.name().reasons().stream().anyMatch(x -> x.contains("MAHMUD") && x.contains("MUHAMMAD")
                && x.contains("different name")), m.name().reasons().toString());
        // while a spelling of the same name still agrees
        PersonMatch same = evidence.weigh(query("Al Rasheed Mohamed", "1983-04-12"), r);
        assertTrue(same.nameAgrees(), "score " + same.name().score() + " " + same.name().reasons());
        assertTrue(same.corroborated());
    }

    @Test
    void anArabicScriptQueryScoresAsWellAsALatinSpellingOfThePerson() {
        PersonRecord r = record("Mohammed", "Al-Rashid", "1983-04-12", "SAU");
        PersonMatch arabic = evidence.weigh(query("محمد الراشد", "1983-04-12"), r);
        PersonMatch latin = evidence.weigh(query("Muhammad Al Rasheed", "1983-04-12"), r);
        assertTrue(arabic.corroborated());
        // as well, not better: within half a hundredth (a part's weight as evidence may differ a little,
        // the Arabic محمد not being on the list of common parts that Mohammed is on)
        assertTrue(arabic.name().score() >= latin.name().score() - 0.005,
                "arabic " + arabic.name().score() + " latin " + latin.name().score());
    }

    @Test
    void aCommonNameWeighsLessThanARareOne() {
        PersonRecord rare = withStatistics(record("Wei", "Li", "1980", "CHN"), 1_000_000, 1);
        PersonRecord common = withStatistics(record("Wei", "Li", "1980", "CHN"), 1_000_000, 400);
        PersonMatch r = evidence.weigh(query("Li Wei", "1980"), rare);
        PersonMatch c = evidence.weigh(query("Li Wei", "1980"), common);
        assertTrue(r.probability() > 0.9, "rare " + r.probability());
        assertTrue(c.probability() < 0.5, "common " + c.probability());
        assertTrue(c.reasons().get(0).contains("400 persons in this source carry it")
                || c.reasons().stream().anyMatch(x -> x.contains("400 persons")), c.reasons().toString());
    }

    @Test
    void compatibilityIsAboutWhatBothSidesKnow() {
        assertTrue(PersonEvidence.compatible(record("A", "B", "1980", "FRA"), record("A", "B", "1980-02-03", null)));
        assertFalse(PersonEvidence.compatible(record("A", "B", "1980-02-03", "FRA"), record("A", "B", "1981-02-03", "FRA")));
        assertFalse(PersonEvidence.compatible(record("A", "B", null, "FRA"), record("A", "B", null, "DEU")));
        assertTrue(PersonEvidence.compatible(record("A", "B", null, null), record("A", "B", "1955-08-10", "DEU")));
    }

    @Test
    void twoRecordsAgreeThroughAnyOfTheirNamesNotOnlyTheirFullNames() {
        // Europol holds the native form beside its own romanisation; INTERPOL holds another romanisation
        PersonRecord interpol = record("Nikolay", "Kuznetsov", "1976-04-10", "UKR");
        PersonRecord europol = new PersonRecord("r2", "Nikolaj", "KUSNEZOW", "Nikolaj KUSNEZOW", List.of("Николай Кузнецов"),
                PartialDate.parse("1976-04-10"), Sex.MALE, "UKR", List.of());
        PersonMatch between = evidence.between(interpol, europol);
        assertTrue(between.nameAgrees(), between.reasons().toString());
        assertTrue(evidence.linked(interpol, europol, 0.9), between.reasons().toString());
    }

    @Test
    void aShortAliasIsWeighedByItsPartsNotByTheRarityOfTheFullName() {
        // nobody else carries "Dmitrij Grigorjewitsch Sokolov", but 40 persons carry SOKOLOV and 60 DMITRI
        PersonRecord r = new PersonRecord("r1", "Dmitrij Grigorjewitsch", "Sokolov", "Dmitrij Grigorjewitsch Sokolov",
                List.of("Dmitri Sokolov"), PartialDate.parse("1994"), Sex.MALE, "KAZ", List.of(),
                new NameStatistics(10_000, 1, Map.of(NameKeys.partKeys("sokolov").get(0), 40L, NameKeys.partKeys("dmitri").get(0), 60L)));
        PersonMatch m = evidence.weigh(query("Dmitri Sokolov", "1994-03-13"), r);
        assertFalse(m.reasons().stream().anyMatch(x -> x.contains("no other person")), m.reasons().toString());
        assertTrue(m.reasons().stream().anyMatch(x -> x.contains("40 persons in this source carry it")), m.reasons().toString());
        assertTrue(m.probability() < MatchThresholds.YEAR_ONLY_HIT_PROBABILITY, "probability " + m.probability());
    }

    @Test
    void aVietnameseRecordWithoutItsMiddleNameMeetsTheGivenName() {
        // Vũ Quốc Anh: family Vũ, middle Quốc, given Anh; a record that leaves the middle name out is the same person
        PersonRecord full = record("Quoc Anh", "Vu", "1979-10-02", "VNM");
        PersonRecord shortened = record("Anh", "VŨ", "1979-10-02", "VNM");
        assertTrue(PersonNameMatcher.create().compareNames("Anh Vu", full).givenNameMet());
        assertTrue(evidence.linked(full, shortened, 0.9));
        // two middle names that differ tell two persons apart
        PersonRecord other = record("Duc Quang", "Hoang", "1982-08-31", "VNM");
        assertFalse(PersonNameMatcher.create().compareNames("Hoang Van Quang", other).givenNameMet());
        assertFalse(evidence.linked(other, record("Van Quang", "Hoang", "1982-08-31", "VNM"), 0.9));
        // the same middle name, even Văn written as the particle van, is no difference
        assertTrue(PersonNameMatcher.create().compareNames("Nguyen Van Long", record("Van Long", "Nguyen", null, null)).givenNameMet());
        assertTrue(evidence.linked(record("Van Long", "Nguyen", "1990-01-02", "VNM"), record("Văn Long", "NGUYỄN", "1990-01-02", "VNM"), 0.9));
        // elsewhere the first given name stays the one that must be met
        assertFalse(PersonNameMatcher.create().compareNames("Anh Smith", record("John Anh", "Smith", null, null)).givenNameMet());
    }

    private static PersonRecord withStatistics(PersonRecord r, long population, long holders) {
        return new PersonRecord(r.recordId(), r.givenNames(), r.familyName(), r.fullName(), r.aliases(), r.dateOfBirth(),
                r.sex(), r.nationality(), r.alerts(), new NameStatistics(population, holders, Map.of()));
    }
}
