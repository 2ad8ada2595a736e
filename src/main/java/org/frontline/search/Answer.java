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
 * @param subjects  records merged into subjects, best first
 * @param sources   every source's status and latency
 * @param elapsedMs time from receiving the query to the answer
 */
public record Answer(String queryId, QueryKind kind, Outcome outcome, boolean complete, ActionToTake action,
                     List<SafetyWarning> warnings, String message, List<Subject> subjects,
                     List<SourceReport> sources, long elapsedMs) {

    /**
     * One subject: the same person, document or vehicle as recorded by one or more sources.
     *
     * @param names        the names (or document numbers, plates) recorded, each with the sources that hold it
     * @param records      each source's record that was merged into the subject
     */
    public record Subject(String subjectId, MatchLevel match, double score, ActionToTake action,
                          List<SafetyWarning> warnings, List<Value> names, List<Value> datesOfBirth,
                          List<Value> nationalities, List<Value> identifiers, List<RecordReport> records) {
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
