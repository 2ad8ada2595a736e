package org.frontline.match;

/**
 * The weights of the person evidence, in one place with the data they came from.
 *
 * <p>Each comparison level has two probabilities: m, how often the records of one person land in it,
 * and u, how often the records of two different persons do; the level's evidence is log2(m / u)
 * bits. m and u were counted by {@code EvidenceWeightsEstimation} (src/test/java/org/frontline/match/eval)
 * over the synthetic world of seed 42 at 10,000 persons per source, tuning half of the identities
 * only: m over the 6,706 pairs of one identity's records in two sources (the first record's name as
 * its source writes it taken as the query), u over 3,000,000 random pairs (the run's table: loadtests/results/evidence-weights.txt) of different identities.
 * Run it again after any change to the name comparison and update this class from its table.
 *
 * <p>The synthetic world writes dates of birth, nationality and sex without clerical errors, so its
 * m of a disagreeing level is 0: those m come from the error rates of real registers instead (a
 * full date is mistyped or swapped in a few records per thousand; dual nationality and a recorded
 * nationality that differs in a few per hundred; sex recorded wrongly in about one in a hundred),
 * and are marked "assumed" below.
 */
final class EvidenceWeights {

    private EvidenceWeights() {
    }

    // ---------------------------------------------------------------- name, by score of the alignment

    /** Lower bounds of the name levels on {@link NameAgreement#score()}; below the last, no level. */
    static final double[] NAME_FLOOR = {0.95, 0.90, 0.85, 0.80, 0.75, 0.65};
    static final double[] NAME_M = {0.49284, 0.17566, 0.14062, 0.06860, 0.03668, 0.04399};
    static final double[] NAME_U = {0.0001340, 0.0000750, 0.0000960, 0.0001360, 0.0001713, 0.0004667};
    /** Below the last level: names that differ. */
    static final double NAME_DIFFERENT = log2(0.02938 / 0.0513989);

    /**
     * Bits taken off the name when the record's given name (or the first link of its Arabic chain)
     * found no counterpart in the query: the mean difference of the estimated levels with and
     * without it (3.7, 4.6, 5.4, 5.9, 3.4 bits; the top level has no same-person pair without it).
     */
    static final double GIVEN_NAME_NOT_MET = 4.6;

    /** The population assumed when a source does not say how many persons it holds. */
    static final long DEFAULT_POPULATION = 100_000;

    // ---------------------------------------------------------------- date of birth

    static final double DOB_EXACT = log2(0.73785 / 0.0000337);          // 14.4
    static final double DOB_YEAR = log2(0.24247 / 0.0066295);           // 5.2
    static final double DOB_SWAPPED = log2(0.003 / 0.0000167);          // 7.5, m assumed
    static final double DOB_ONE_DIGIT = log2(0.005 / 0.0010927);        // 2.2, m assumed
    static final double DOB_SAME_YEAR_MONTH = log2(0.002 / 0.0007420);  // 1.4, m assumed
    static final double DOB_SAME_YEAR = log2(0.003 / 0.0127076);        // -2.1, m assumed
    static final double DOB_ONE_YEAR_OFF = log2(0.004 / 0.0413537);     // -3.4, m assumed
    static final double DOB_CONFLICT = log2(0.003 / 0.9171687);         // -8.3, m assumed

    static double dateOfBirth(DateAgreement level) {
        return switch (level) {
            case EXACT -> DOB_EXACT;
            case YEAR -> DOB_YEAR;
            case SWAPPED -> DOB_SWAPPED;
            case ONE_DIGIT -> DOB_ONE_DIGIT;
            case SAME_YEAR_MONTH -> DOB_SAME_YEAR_MONTH;
            case SAME_YEAR -> DOB_SAME_YEAR;
            case ONE_YEAR_OFF -> DOB_ONE_YEAR_OFF;
            case CONFLICT -> DOB_CONFLICT;
            case UNKNOWN -> 0.0;
        };
    }

    // ---------------------------------------------------------------- nationality and sex
    // u counted among pairs whose names already agree (score >= 0.75): a name says much about a
    // nationality and a sex, so their agreement says little more once the names agree.

    // Of the 1,997 random pairs with agreeing names, 617 had equal nationalities and 1,223 different
    // ones (both known), 1,799 the same sex and 118 another.

    static final double NATIONALITY_EQUAL = log2(0.97 / (617.0 / 1840));      // 1.5
    static final double NATIONALITY_DIFFERENT = log2(0.03 / (1223.0 / 1840)); // -4.5, m assumed
    static final double SEX_EQUAL = log2(0.99 / (1799.0 / 1917));             // 0.1
    static final double SEX_DIFFERENT = log2(0.01 / (118.0 / 1917));          // -2.6, m assumed

    // ---------------------------------------------------------------- the decision

    /** The name score at or above which the names agree well enough to support a HIT. */
    static final double NAME_AGREES = 0.65;


    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
