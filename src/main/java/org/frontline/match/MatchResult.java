package org.frontline.match;

import java.util.List;

/**
 * How well a record matches a query.
 *
 * @param score   0 (nothing in common) to 1 (same name, and nothing speaks against it)
 * @param reasons short lines an officer can read, strongest evidence first
 */
public record MatchResult(double score, List<String> reasons) {

    public MatchResult {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be within 0..1, was " + score);
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** HIT, POSSIBLE_MATCH or neither, by the shipped thresholds. */
    public boolean isHit() {
        return score >= MatchThresholds.HIT;
    }

    public boolean isPossibleMatch() {
        return score >= MatchThresholds.POSSIBLE_MATCH;
    }
}
