package org.frontline.match;

/**
 * The shipped decision thresholds on {@link MatchResult#score()}. They were chosen on the tuning
 * half of the labelled data only; loadtests/MATCHING.md says how, and what they give on the other
 * half.
 */
public final class MatchThresholds {

    /** At or above: report the record as a hit. */
    public static final double HIT = 0.85;

    /** At or above (and below HIT): report a possible match that the contact point must confirm. */
    public static final double POSSIBLE_MATCH = 0.75;

    private MatchThresholds() {
    }
}
