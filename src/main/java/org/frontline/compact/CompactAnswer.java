package org.frontline.compact;

import org.frontline.border.MrzAnswer;
import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.Outcome;
import org.frontline.model.SafetyWarning;
import org.frontline.search.Answer;
import org.frontline.search.MatchLevel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The answer for a weak link: what an officer acts on, and nothing else. A patrol app on a mobile
 * link in a rural area pays for every kilobyte in seconds; the full answer carries every value with
 * its provenance, every record with the reasons it matched and every source's status and latency,
 * tens of kilobytes for a common name. The compact answer keeps the decision (outcome, complete,
 * action, warnings, message) and, for at most {@link #MAX_SUBJECTS} subjects, the one line an officer
 * reads: best name (or, for a document or a vehicle, its identifier), date of birth, match, action,
 * who confirms it, and the categories of its alerts. The rest is counted, never silently dropped, and
 * the queryId fetches nothing more but names the consultation in the audit log, so that the full
 * answer can be asked for again on a better link.
 *
 * <p>The mapping from the full answer lives here and only here, for the single questions and for a
 * scanned zone alike.
 *
 * @param queryId          the consultation (as in the full answer and the audit log)
 * @param outcome          HIT, POSSIBLE_MATCH, NO_HIT or INCOMPLETE, as in the full answer
 * @param complete         as in the full answer
 * @param action           the action to take, as in the full answer
 * @param warnings         officer-safety warnings, first thing to read
 * @param documentWarnings for a scanned zone, what the zone itself says (failed check digit, expired); else null
 * @param message          one sentence to act on, as in the full answer
 * @param subjects         the first {@link #MAX_SUBJECTS} subjects of the full answer, HIT subjects first
 * @param moreSubjects     how many subjects the answer found beyond those listed
 */
public record CompactAnswer(String queryId, Outcome outcome, boolean complete, ActionToTake action,
                            List<SafetyWarning> warnings, List<String> documentWarnings, String message,
                            List<SubjectLine> subjects, int moreSubjects) {

    /** Subjects a compact answer lists. */
    public static final int MAX_SUBJECTS = 3;

    /**
     * One subject, in one line.
     *
     * @param name         the name its best record gives (persons); else null
     * @param dateOfBirth  the date of birth its best record gives (persons); else null
     * @param identifier   a document's or vehicle's first identifier (type, country and number; plate); else null
     * @param match        HIT or POSSIBLE_MATCH
     * @param action       what to do about this subject
     * @param contactPoint who confirms the hit (of its first record that names one)
     * @param alerts       the categories of the alerts the officer may see, each once
     */
    public record SubjectLine(String name, String dateOfBirth, String identifier, MatchLevel match, ActionToTake action,
                          String contactPoint, List<AlertCategory> alerts) {
    }

    /** The compact form of a single question's answer. */
    public static CompactAnswer of(Answer answer) {
        List<SubjectLine> listed = answer.subjects().stream().limit(MAX_SUBJECTS).map(CompactAnswer::subject).toList();
        int more = answer.subjects().size() - listed.size() + answer.moreSubjects();
        return new CompactAnswer(answer.queryId(), answer.outcome(), answer.complete(), answer.action(),
                answer.warnings(), null, answer.message(), listed, more);
    }

    /** The compact form of a scanned zone's answer: the document part's subjects first, then the holder's. */
    public static CompactAnswer of(MrzAnswer answer) {
        List<Answer.Subject> all = new ArrayList<>();
        int more = 0;
        for (MrzAnswer.Part part : List.of(answer.document(), answer.holder())) {
            if (part.answer() != null) {
                all.addAll(part.answer().subjects());
                more += part.answer().moreSubjects();
            }
        }
        List<SubjectLine> listed = all.stream().limit(MAX_SUBJECTS).map(CompactAnswer::subject).toList();
        more += all.size() - listed.size();
        return new CompactAnswer(answer.queryId(), answer.outcome(), answer.complete(), answer.action(),
                answer.warnings(), answer.documentWarnings(), answer.message(), listed, more);
    }

    private static SubjectLine subject(Answer.Subject subject) {
        String contactPoint = subject.records().stream().map(Answer.RecordReport::contactPoint)
                .filter(Objects::nonNull).findFirst().orElse(null);
        Set<AlertCategory> categories = new LinkedHashSet<>();
        subject.records().forEach(r -> r.alerts().stream().map(Alert::category).forEach(categories::add));
        return new SubjectLine(first(subject.names()), first(subject.datesOfBirth()), first(subject.identifiers()),
                subject.match(), subject.action(), contactPoint, List.copyOf(categories));
    }

    private static String first(List<Answer.Value> values) {
        return values == null || values.isEmpty() ? null : values.get(0).value();
    }
}
