package org.frontline.match;

/**
 * The shipped decision thresholds on {@link MatchResult#score()}. They were chosen on the tuning
 * half of the labelled data only; loadtests/MATCHING.md says how, and what they give on the other
 * half.
 */
public final class MatchThresholds {

    /** {@link #HIT} as text: the default of {@code frontline.search.hit-threshold} (and merge-threshold). */
    public static final String HIT_TEXT = "0.85";

    /** {@link #POSSIBLE_MATCH} as text: the default of {@code frontline.search.possible-threshold}. */
    public static final String POSSIBLE_MATCH_TEXT = "0.75";

    /** At or above: report the record as a hit. */
    public static final double HIT = Double.parseDouble(HIT_TEXT);

    /** At or above (and below HIT): report a possible match that the contact point must confirm. */
    public static final double POSSIBLE_MATCH = Double.parseDouble(POSSIBLE_MATCH_TEXT);

    /**
     * Defaults of the person answer's thresholds on the probability that a record is the person
     * ({@link PersonEvidence}): at or above {@link #HIT_PROBABILITY_TEXT}, a corroborated record is a
     * HIT; at or above {@link #POSSIBLE_PROBABILITY_TEXT}, a record whose name agrees is reported as a
     * possible match. Chosen on the answer-quality benchmark (loadtests/answer-quality.sh).
     */
    public static final String HIT_PROBABILITY_TEXT = "0.9";
    /**
     * The least probability of a HIT resting on a year of birth alone (the query or the record knows
     * only the year). At 0.9 a name that two persons of a source carry, plus the year, reached a HIT
     * (11.3 + 5.2 - 13.3 bits = 0.90) and named a namesake born the same year in 1 % of name + date of
     * birth answers (answer-quality benchmark, 10k). At 0.94 a name that nobody else in the source
     * carries, plus the year (12.3 + 5.2 - 13.3 bits = 0.948), or a shared one with the nationality
     * besides, still is one; at 0.95 no year-only question was a HIT any more.
     */
    public static final double YEAR_ONLY_HIT_PROBABILITY = 0.94;
    public static final String POSSIBLE_PROBABILITY_TEXT = "0.001";
    /**
     * Default of {@code frontline.search.merge-threshold}: two records whose evidence between them is
     * corroborated (names agree, dates of birth corroborate, nothing contradicts) are one subject from
     * this probability on. Measured with AnswerQualityFloorsIT (name + date of birth): at 0.9, 1.0 %
     * of answers glue two people and 10.5 % split one; at 0.5, 2.0 % and 6.5 % (and 16 % glued among
     * name-only answers). Gluing two people is the worse error for an officer, so 0.9.
     */
    public static final String MERGE_PROBABILITY_TEXT = "0.9";
    /**
     * The least probability of a merge resting on a year of birth alone (one record knows only the
     * year): "born in 1987" is shared by every namesake born that year, and a source holds namesakes
     * far more often than it holds the same person as another source. Pair by pair on the synthetic
     * world ({@code MergeEvaluation 42 10000}, evaluation half; 838 true pairs, 9,957 pairs of
     * namesakes with compatible years): at 0.9, 361 true pairs linked and 54 pairs of namesakes; at
     * 0.95, 171 and 4; at 0.97, 72 and 0. Through the API (answer-quality benchmark, 10k, 400 name +
     * date of birth questions): at 0.95 no answer glued two people and 16.5 % split one; at 0.97, none
     * and 20.8 % (before, at 0.9 with a rule that also joined records without a date: 0.5 % glued,
     * 11.5 % split, 200 questions). A glued subject merges another person's alerts into the answer; a
     * split one is shown as a possible match to confirm, and says which record it may be. So 0.95.
     */
    public static final double YEAR_ONLY_MERGE_PROBABILITY = 0.95;

    private MatchThresholds() {
    }
}
