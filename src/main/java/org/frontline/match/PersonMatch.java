package org.frontline.match;

import java.util.List;

/**
 * The weighed evidence that a source's record is the person asked about.
 *
 * @param probability  posterior probability that the record is the person, 0..1 (see {@link PersonEvidence})
 * @param bits         the log2 odds behind it: prior plus the bits of every comparison
 * @param name         how the names agree
 * @param nameAgrees   the names agree well enough to stand as one support of a HIT
 * @param dateOfBirth  how the dates of birth agree
 * @param contradicted something known on both sides contradicts: the dates of birth, the sex or the nationality
 * @param toResolve    what the officer could add or check to settle a possible match; null when nothing would
 * @param reasons      each comparison with its weight, strongest first, readable by an officer
 */
public record PersonMatch(double probability, double bits, NameAgreement name, boolean nameAgrees,
                          DateAgreement dateOfBirth, boolean contradicted, String toResolve, List<String> reasons) {

    public PersonMatch {
        reasons = List.copyOf(reasons);
    }

    /**
     * A HIT needs two independent supports: the name, and the date of birth (exact, or the year when
     * only a year is known on either side). Nothing known may contradict.
     */
    public boolean corroborated() {
        return nameAgrees && dateOfBirth.corroborates() && !contradicted;
    }

    /**
     * Whether the record may be acted on: corroborated, at {@code hitThreshold} or above; and when the
     * date of birth agrees only as a year (one side knows no more), at
     * {@link MatchThresholds#YEAR_ONLY_HIT_PROBABILITY} or above whatever the threshold, because
     * "born in 1982" is shared by every namesake born that year.
     */
    public boolean isHit(double hitThreshold) {
        double needed = dateOfBirth == DateAgreement.YEAR
                ? Math.max(hitThreshold, MatchThresholds.YEAR_ONLY_HIT_PROBABILITY) : hitThreshold;
        return corroborated() && probability >= needed;
    }

    /**
     * Taken as the evidence {@link PersonEvidence#between} two records: whether it links them into one
     * subject at {@code threshold} ({@link PersonEvidence#linked}).
     */
    public boolean links(double threshold) {
        if (!corroborated()) {
            return false;
        }
        double needed = dateOfBirth == DateAgreement.YEAR
                ? Math.max(threshold, MatchThresholds.YEAR_ONLY_MERGE_PROBABILITY) : threshold;
        return probability >= needed;
    }

    /** Taken as the evidence between two records: whether they resemble each other ({@link PersonEvidence#resembles}). */
    public boolean resembles() {
        return nameAgrees && !contradicted && dateOfBirth.compatible();
    }
}
