package org.frontline.border;

import org.frontline.model.ActionToTake;
import org.frontline.model.Outcome;
import org.frontline.model.SafetyWarning;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer for one traveller of a manifest: the same two parts a scanned zone's answer has (the
 * document question's answer and the holder's, each as the single-question endpoints give it, with
 * their need-to-know, contact points and reasons), combined by the same safety rule
 * ({@link MrzAnswer}): HIT when either part is a HIT, NO_HIT only when both were asked and both are
 * NO_HIT. A traveller whose row carries only a name (or only a document) is therefore never a
 * NO_HIT: what was not asked is said, not assumed.
 *
 * @param queryId  the consultation's id (its audit record's); the parts answer under the id of the
 *                 traveller that was asked when a manifest carried the same traveller twice
 * @param document the document question's part
 * @param holder   the person question's part
 */
public record TravellerAnswer(String queryId, Outcome outcome, boolean complete, ActionToTake action,
                              List<SafetyWarning> warnings, String message, MrzAnswer.Part document,
                              MrzAnswer.Part holder, long elapsedMs) {

    public static TravellerAnswer combine(String queryId, MrzAnswer.Part document, MrzAnswer.Part holder) {
        MrzAnswer.Combined combined = MrzAnswer.Combined.of(document, holder);
        List<String> sentences = new ArrayList<>();
        sentences.add("Document: " + MrzAnswer.partMessage(document));
        sentences.add("Holder: " + MrzAnswer.partMessage(holder));
        if (combined.outcome() == Outcome.INCOMPLETE) {
            sentences.add("INCOMPLETE, not a no-hit.");
        }
        return new TravellerAnswer(queryId, combined.outcome(), combined.complete(), combined.action(),
                combined.warnings(), String.join(" ", sentences), document, holder, combined.elapsedMs());
    }

    /** The same answer given to another traveller of the manifest, under that traveller's own consultation id. */
    public TravellerAnswer forConsultation(String otherQueryId) {
        return new TravellerAnswer(otherQueryId, outcome, complete, action, warnings, message, document, holder,
                elapsedMs);
    }
}
