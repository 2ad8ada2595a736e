package org.frontline.search;

import org.frontline.model.SourceRecord;

import java.util.List;

/**
 * A source's record with how well it matches the query, and why.
 *
 * @param score             for a person, the probability that the record is the person asked about;
 *                          1 for an exact document or vehicle
 * @param level             HIT when the record may be acted on, else POSSIBLE_MATCH (decided where the
 *                          record was weighed: a person needs corroborated evidence, see PersonEvidence)
 * @param restrictedContact non-null when the source restricted the record from this officer and
 *                          asks for "possible hit - contact ...": the record then carries no data
 *                          and this is the contact point to call
 * @param toResolve         for a possible match, what the officer could add or check to settle it; or null
 * @param closeness         how closely the record's name is written as the query's (the name agreement,
 *                          0..1; 1 for an exact key): among records of equal probability, the closer first
 */
public record ScoredRecord(String sourceId, SourceRecord record, double score, List<String> reasons,
                           String restrictedContact, MatchLevel level, String toResolve, double closeness) {

    public ScoredRecord {
        reasons = List.copyOf(reasons);
        if (restrictedContact != null) {
            level = MatchLevel.POSSIBLE_MATCH;
        }
    }

    /** A match whose closeness is not told apart from its probability: an exact key's, or a test's. */
    public ScoredRecord(String sourceId, SourceRecord record, double score, List<String> reasons,
                        String restrictedContact, MatchLevel level, String toResolve) {
        this(sourceId, record, score, reasons, restrictedContact, level, toResolve, 1.0);
    }

    /** An exact match (document number, plate, VIN): a HIT. */
    public ScoredRecord(String sourceId, SourceRecord record, double score, List<String> reasons) {
        this(sourceId, record, score, reasons, null, MatchLevel.HIT, null);
    }

    /** The same match for a record with other content (fewer alerts, say). */
    public ScoredRecord withRecord(SourceRecord replaced) {
        return new ScoredRecord(sourceId, replaced, score, reasons, restrictedContact, level, toResolve, closeness);
    }

    /** The same match reduced to "possible hit - contact ...": the blank record and only the contact point. */
    public ScoredRecord restrictedTo(SourceRecord blank, String contactPoint, List<String> why) {
        return new ScoredRecord(sourceId, blank, score, why, contactPoint, MatchLevel.POSSIBLE_MATCH,
                "restricted by the source: call " + contactPoint, closeness);
    }

    public boolean restricted() {
        return restrictedContact != null;
    }

    public boolean hit() {
        return level == MatchLevel.HIT;
    }
}
