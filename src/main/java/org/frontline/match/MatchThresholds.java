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

    private MatchThresholds() {
    }
}
