package org.frontline.match;

/**
 * The knobs of {@link DefaultPersonNameMatcher}. The defaults were chosen on the tuning half of the
 * labelled data (see loadtests/MATCHING.md).
 *
 * @param pairCutoff        two parts with a lower similarity are not paired at all
 * @param conflictCost      weight of a query part and a record part that pair with nothing (they disagree)
 * @param queryMissingCost  weight of a query part with no counterpart in a record that has no spare part
 * @param recordMissingCost weight of a record part the query does not mention
 * @param familyBoost       factor on the weight of the record's family-name parts
 * @param similarityFloor   a paired part's similarity counts as evidence only above this value,
 *                          rescaled to 0..1, so near misses count much less than equal parts
 */
record ScoringParameters(double pairCutoff, double conflictCost, double queryMissingCost,
                         double recordMissingCost, double familyBoost, double similarityFloor) {

    static final ScoringParameters DEFAULTS = new ScoringParameters(0.6, 1.5, 0.3, 0.15, 1.3, 0.3);
}
