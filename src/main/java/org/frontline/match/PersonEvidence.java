package org.frontline.match;

import org.frontline.model.Countries;
import org.frontline.model.NameStatistics;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonQuery;
import org.frontline.model.PersonRecord;
import org.frontline.model.Sex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Weighs the evidence that a source's record is the person an officer asks about, the way record
 * linkage does it (Fellegi–Sunter; Splink and fastLink are the usual references).
 *
 * <h2>Why evidence and not a name score</h2>
 * A name score says how alike two names are. An officer needs something else: how likely it is that
 * this record is the person in front of them. Two very different questions give the same name score:
 * "Li Wei" against one of fifty-five Li Weis, and "Iouri Chtcherbakov" against the only Yuriy
 * Shcherbakov. And a name, however well it agrees, is one support; acting on a person needs a
 * second, independent one.
 *
 * <h2>How</h2>
 * Each field is compared and lands in a level (the name by the score of its alignment, the date of
 * birth in {@link DateAgreement}, nationality and sex equal or different). Each level carries
 * log2(m / u) bits ({@link EvidenceWeights}, estimated on the synthetic world's ground truth): positive
 * when the level is more likely for the same person, negative when more likely for two people, none
 * when a side does not know. The bits are added to a prior, one in the number of persons the source
 * holds (the person, if the source holds them at all, is one of its records), and the sum is the
 * log-odds that the record is the person.
 *
 * <p>Common names are weak evidence: when the source says how many of its persons carry the name
 * ({@link NameStatistics}, read with the candidates), the u of an agreeing name is that share rather
 * than the average, so "1 in 55" weighs what it is. Against the prior of one in the population, a
 * name alone then yields about m / holders: a rare name a possibility worth checking, a common one
 * next to nothing.
 *
 * <p>The decision is not the probability alone: {@link PersonMatch#corroborated()} asks for the name
 * and an independent agreement of the date of birth (exact, or the year where only a year is known),
 * and for nothing known on both sides to contradict. A name alone is never a HIT, whatever it scores;
 * a conflicting date of birth is never a HIT. The answer says what would settle a possible match.
 *
 * <p>Everything is deterministic and nothing is logged.
 */
public final class PersonEvidence {

    private final PersonNameMatcher matcher;

    public PersonEvidence(PersonNameMatcher matcher) {
        this.matcher = matcher;
    }

    /** The evidence that the record is the person asked about. */
    public PersonMatch weigh(PersonQuery query, PersonRecord candidate) {
        NameAgreement name = matcher.compareNames(query.name(), candidate);
        return weigh(name, query.dateOfBirth(), query.nationality(), query.sex(), candidate, query.dateOfBirth() == null);
    }

    /**
     * The evidence between two records alone, as when one source's record is taken as the question
     * to another's: what merging records into one subject must rest on (never on their likeness to
     * the query). Each record is taken as the question to the other, each side weighed with its own
     * source's name frequencies, and the weaker of the two counts: "Frederic Dubois, born 1983" is
     * strong evidence against a source where nobody else carries the name and weak against one where
     * three persons do, and a merge must hold from both sides.
     */
    public PersonMatch between(PersonRecord a, PersonRecord b) {
        PersonMatch ab = asQuestion(a, b);
        PersonMatch ba = asQuestion(b, a);
        return ab.probability() <= ba.probability() ? ab : ba;
    }

    /**
     * Record {@code a} taken as the question to record {@code b}: each name {@code a} is known by (its
     * full name, each alias or native-script form) against all of {@code b}'s, the best counting. A
     * source that holds "Nikolaj KUSNEZOW" with "Николай Кузнецов" beside it agrees with another's
     * "Nikolay Kuznetsov" through the Cyrillic form; taking only the full names, the two records of
     * one person born the same day were two HIT subjects (answer-quality benchmark, issue #13).
     */
    private PersonMatch asQuestion(PersonRecord a, PersonRecord b) {
        PersonMatch best = null;
        for (String name : namesOf(a)) {
            PersonMatch m = weigh(matcher.compareNames(name, b), a.dateOfBirth(), a.nationality(), a.sex(), b, false);
            if (best == null || m.probability() > best.probability()) {
                best = m;
            }
        }
        return best;
    }

    private static List<String> namesOf(PersonRecord r) {
        List<String> names = new ArrayList<>(1 + r.aliases().size());
        if (r.fullName() != null && !r.fullName().isBlank()) {
            names.add(r.fullName());
        }
        for (String alias : r.aliases()) {
            if (alias != null && !alias.isBlank() && !names.contains(alias)) {
                names.add(alias);
            }
        }
        if (names.isEmpty()) {
            names.add(((r.givenNames() == null ? "" : r.givenNames()) + " "
                    + (r.familyName() == null ? "" : r.familyName())).trim());
        }
        return names;
    }

    /**
     * Whether two records are linked strongly enough, on their own, to be one subject (compatibility
     * with the rest of a subject is the caller's part): the evidence {@link #between} them is
     * corroborated (the names agree, the dates of birth support each other, nothing contradicts) at
     * {@code threshold} or above; and when the dates agree only as a year (one record knows no more),
     * at {@link MatchThresholds#YEAR_ONLY_MERGE_PROBABILITY} or above whatever the threshold.
     *
     * <p>A record without a date of birth is linked to nothing: its name is all it has, and a name
     * shared across two sources is as likely two namesakes as one person. Measured pair by pair on
     * the synthetic world ({@code MergeEvaluation}, 10,000 persons per source, evaluation half): the
     * rule it replaces (the same full name that nobody else in either source carries, the same
     * nationality) linked 4 of 58 true pairs without a date and 10 pairs of namesakes. Such a record
     * stays a subject of its own, a possible match that says to confirm with the contact point.
     */
    public boolean linked(PersonRecord a, PersonRecord b, double threshold) {
        return between(a, b).links(threshold);
    }

    /**
     * Whether two records resemble each other: their names agree and nothing contradicts (the dates of
     * birth are equal, or one side holds only the year or none). What an answer shows as "may be the
     * same person" when the records are not linked: one of them knows too little, or the name is so
     * common that a namesake born the same day is too likely to merge them.
     */
    public boolean resembles(PersonRecord a, PersonRecord b) {
        return between(a, b).resembles();
    }

    /**
     * Whether two records can be one person: nothing known on both sides contradicts (dates of
     * birth, sex, nationality). A group of records is one subject only if every pair in it is.
     */
    public static boolean compatible(PersonRecord a, PersonRecord b) {
        if (!DateAgreement.of(a.dateOfBirth(), b.dateOfBirth()).compatible()) {
            return false;
        }
        if (a.sex() != Sex.UNKNOWN && b.sex() != Sex.UNKNOWN && a.sex() != b.sex()) {
            return false;
        }
        String x = a.nationality() == null ? null : Countries.canonical(a.nationality().trim().toUpperCase(Locale.ROOT));
        String y = b.nationality() == null ? null : Countries.canonical(b.nationality().trim().toUpperCase(Locale.ROOT));
        return x == null || y == null || x.equals(y);
    }

    /** The name score below which a record is no candidate at all. */
    public static double nameFloor() {
        return EvidenceWeights.NAME_FLOOR[EvidenceWeights.NAME_FLOOR.length - 1];
    }

    private PersonMatch weigh(NameAgreement name, PartialDate dob, String nationality, Sex sex, PersonRecord record,
                              boolean queryWithoutDate) {
        NameStatistics stats = record.nameStatistics();
        long population = stats != null && stats.population() > 0 ? stats.population() : EvidenceWeights.DEFAULT_POPULATION;
        double prior = -EvidenceWeights.log2(population);
        List<Weighed> lines = new ArrayList<>();

        int level = nameLevel(name.score());
        double nameBits;
        String nameLine;
        if (level < 0) {
            nameBits = EvidenceWeights.NAME_DIFFERENT;
            nameLine = "names differ";
        } else {
            nameBits = EvidenceWeights.log2(EvidenceWeights.NAME_M[level] / EvidenceWeights.NAME_U[level]);
            nameLine = name.score() >= 0.95 ? "name agrees" : "name agrees in part";
            long holders = holders(name, stats);
            if (holders > 0 && name.score() >= 0.85) {
                // u is the share of the source's persons carrying the name: for a name that agrees in
                // full, whichever way it goes; for a close one only downwards (a rare name that is merely
                // near the query's is no rarer evidence than nearness itself)
                double tf = EvidenceWeights.log2(EvidenceWeights.NAME_M[level] * population / holders);
                nameBits = name.score() >= EvidenceWeights.NAME_FLOOR[0] ? tf : Math.min(tf, nameBits);
                nameLine += holders == 1 ? " (no other person in this source carries it)"
                        : " (" + holders + " persons in this source carry it)";
            }
        }
        if (!name.givenNameMet()) {
            nameBits -= EvidenceWeights.GIVEN_NAME_NOT_MET;
        }
        lines.add(new Weighed(nameLine, nameBits));

        DateAgreement date = DateAgreement.of(dob, record.dateOfBirth());
        if (date != DateAgreement.UNKNOWN) {
            String text = date == DateAgreement.EXACT ? "date of birth " + dob + " equal"
                    : "date of birth " + dob + " against " + record.dateOfBirth() + ": " + date.label;
            lines.add(new Weighed(text, EvidenceWeights.dateOfBirth(date)));
        }
        boolean contradicted = !date.compatible();

        String a = nationality == null ? null : Countries.canonical(nationality.trim().toUpperCase(Locale.ROOT));
        String b = record.nationality() == null ? null : Countries.canonical(record.nationality().trim().toUpperCase(Locale.ROOT));
        if (a != null && b != null) {
            lines.add(a.equals(b) ? new Weighed("nationality " + a + " equal", EvidenceWeights.NATIONALITY_EQUAL)
                    : new Weighed("nationality " + a + " differs from " + b, EvidenceWeights.NATIONALITY_DIFFERENT));
        }
        boolean nationalityDiffers = a != null && b != null && !a.equals(b);
        if (sex != null && sex != Sex.UNKNOWN && record.sex() != Sex.UNKNOWN) {
            if (sex == record.sex()) {
                lines.add(new Weighed("sex equal", EvidenceWeights.SEX_EQUAL));
            } else {
                lines.add(new Weighed("sex " + sex + " differs from " + record.sex(), EvidenceWeights.SEX_DIFFERENT));
                contradicted = true;
            }
        }

        double bits = prior;
        for (Weighed w : lines) {
            bits += w.bits;
        }
        double probability = 1.0 / (1.0 + Math.pow(2.0, -bits));
        boolean nameAgrees = name.score() >= EvidenceWeights.NAME_AGREES && name.givenNameMet();

        List<String> reasons = new ArrayList<>();
        lines.sort((x, y) -> Double.compare(Math.abs(y.bits), Math.abs(x.bits)));
        for (Weighed w : lines) {
            reasons.add(w.text + " (" + signed(w.bits) + " bits)");
        }
        reasons.addAll(name.reasons());
        reasons.add("prior: one of " + population + " persons (" + signed(prior) + " bits)");

        String toResolve = toResolve(nameAgrees, name, date, queryWithoutDate, record, nationalityDiffers);
        return new PersonMatch(probability, bits, name, nameAgrees, date, contradicted,
                toResolve, reasons);
    }

    private static String toResolve(boolean nameAgrees, NameAgreement name, DateAgreement date, boolean queryWithoutDate,
                                    PersonRecord record, boolean nationalityDiffers) {
        if (!name.givenNameMet()) {
            return "the given name differs: ask for the full name as written in the document";
        }
        if (!nameAgrees) {
            return "the name agrees only in part: check the spelling against the document";
        }
        if (queryWithoutDate) {
            return record.dateOfBirth() == null
                    ? "the record holds no date of birth: confirm with the contact point or a document number"
                    : "add the date of birth to confirm";
        }
        return switch (date) {
            case UNKNOWN -> "the record holds no date of birth: confirm with the contact point or a document number";
            case SWAPPED, ONE_DIGIT, SAME_YEAR_MONTH -> "the date of birth is close but not equal: check it in the document";
            case EXACT, YEAR -> nationalityDiffers ? "the nationality differs: check the document"
                    : "a common name: add the nationality or a document number";
            default -> "the date of birth differs: probably another person";
        };
    }

    /** Persons of the source carrying the agreeing name: the full key's holders, else the rarest agreeing part's. */
    private static long holders(NameAgreement name, NameStatistics stats) {
        if (stats == null) {
            return 0;
        }
        if (name.fullyPaired() && stats.fullNameHolders() > 0) {
            return stats.fullNameHolders();
        }
        long rarest = 0;
        for (String part : name.agreeingParts()) {
            Long h = stats.partHolders().get(part);
            if (h != null && h > 0 && (rarest == 0 || h < rarest)) {
                rarest = h;
            }
        }
        return rarest;
    }

    static int nameLevel(double score) {
        for (int i = 0; i < EvidenceWeights.NAME_FLOOR.length; i++) {
            if (score >= EvidenceWeights.NAME_FLOOR[i]) {
                return i;
            }
        }
        return -1;
    }

    private static String signed(double bits) {
        return String.format(Locale.ROOT, "%+.1f", bits);
    }

    private record Weighed(String text, double bits) {
    }
}
