package org.frontline.search;

import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.Outcome;
import org.frontline.model.QueryKind;
import org.frontline.model.SafetyWarning;
import org.frontline.model.SourceStatus;

import java.util.List;

/**
 * The consolidated answer to one query.
 *
 * @param queryId   identifies this consultation (also in the audit log)
 * @param outcome   HIT, POSSIBLE_MATCH, NO_HIT or INCOMPLETE
 * @param complete  true when every source that should answer answered OK
 * @param action    the most urgent action across the subjects
 * @param warnings  officer-safety warnings across the subjects, first thing to read
 * @param message   one sentence an officer can act on
 * @param subjects  records merged into subjects: HIT subjects first, then by probability; at most
 *                  {@code frontline.search.max-subjects}
 * @param moreSubjects subjects found beyond those listed (all of them POSSIBLE_MATCH unless more HITs
 *                  than the list holds were found)
 * @param sources   every source's status and latency
 * @param elapsedMs time from receiving the query to the answer
 */
public record Answer(String queryId, QueryKind kind, Outcome outcome, boolean complete, ActionToTake action,
                     List<SafetyWarning> warnings, String message, List<Subject> subjects, int moreSubjects,
                     List<SourceReport> sources, long elapsedMs) {

    /**
     * One subject: the same person, document or vehicle as recorded by one or more sources.
     *
     * @param score        for a person, the probability that the subject is the person asked about (its
     *                     best record's); 1 for an exact document or vehicle
     * @param toResolve    for a possible match, what the officer could add or check to settle it; else null
     * @param names        a person's names as recorded, each with the sources that hold it (empty for a
     *                     document or a vehicle)
     * @param identifiers  a document's type, country and number; a vehicle's plate and VIN
     * @param descriptions a vehicle's description as its sources record it (make, model, colour), empty for
     *                     a person or a document
     * @param records      each source's record that was merged into the subject
     * @param maybeSameAs  for a person, the other listed subjects of this answer that may be the same person
     *                     but could not be joined to this one: the names agree and nothing contradicts, but one
     *                     side holds no date of birth or only the year, or the record resembles several subjects
     *                     that are not one person. Empty when there is no such doubt; the contact point settles it
     */
    public record Subject(String subjectId, MatchLevel match, double score, ActionToTake action,
                          List<SafetyWarning> warnings, String toResolve, List<Value> names, List<Value> datesOfBirth,
                          List<Value> nationalities, List<Value> identifiers, List<Value> descriptions,
                          List<RecordReport> records, List<String> maybeSameAs) {

        Subject renumbered(String id) {
            return new Subject(id, match, score, action, warnings, toResolve, names, datesOfBirth, nationalities,
                    identifiers, descriptions, records, maybeSameAs);
        }

        Subject maybeSameAs(List<String> others) {
            return new Subject(subjectId, match, score, action, warnings, toResolve, names, datesOfBirth, nationalities,
                    identifiers, descriptions, records, List.copyOf(others));
        }
    }

    /** A value with its provenance: which sources recorded it. */
    public record Value(String value, List<String> sources) {
    }

    /**
     * One source record inside a subject.
     *
     * @param reasons why it matched
     * @param contactPoint who confirms the hit
     * @param restricted true when the source restricted the record from this officer and only its contact point is shown
     */
    public record RecordReport(String source, String recordId, double score, List<String> reasons,
                               String contactPoint, boolean restricted, List<Alert> alerts) {
    }

    /** One source's status for this query. */
    public record SourceReport(String source, SourceStatus status, long latencyMs, int records, String detail) {
    }
}
