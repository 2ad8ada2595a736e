package org.frontline.border;

import org.frontline.model.ActionToTake;
import org.frontline.model.DocumentType;
import org.frontline.model.Outcome;
import org.frontline.model.SafetyWarning;
import org.frontline.search.Answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The answer to a scanned zone: one consultation, two parts. The document part is the answer to
 * the document question, the holder part the answer to the person question, each as the
 * single-question endpoints give it; either is answered when the other is not.
 *
 * <p>The whole follows the safety rule: HIT when either part is a HIT, POSSIBLE_MATCH when either
 * is one, NO_HIT only when both were asked and both are NO_HIT; a part not asked (no usable number,
 * issuer or name) or INCOMPLETE makes it INCOMPLETE. A part the officer's role may not ask
 * ({@code NOT_PERMITTED}) is not expected, as a source they may not query is not.
 *
 * @param outcome          across both parts
 * @param complete         every part that should be answered was, completely
 * @param action           the most urgent across both parts
 * @param warnings         officer-safety warnings across both parts, first thing to read
 * @param documentWarnings what the zone itself says: a failed check digit that was accepted, an
 *                         expired document, a part not searched and why
 * @param read             the zone as read, to compare with the document in hand
 * @param document         the document question's part
 * @param holder           the person question's part
 */
public record MrzAnswer(String queryId, Outcome outcome, boolean complete, ActionToTake action,
                        List<SafetyWarning> warnings, List<String> documentWarnings, String message, Read read,
                        Part document, Part holder, long elapsedMs) {

    /** How a part went. */
    public enum PartStatus {
        /** Asked; the answer is in {@code answer}. */
        ANSWERED,
        /** Not asked: the zone does not carry what it needs (see {@code detail}). */
        NOT_ASKED,
        /** Not asked: the officer's role may not ask this kind of question. */
        NOT_PERMITTED
    }

    /** One part: its status, why when not asked, and the answer when asked. */
    public record Part(PartStatus status, String detail, Answer answer) {

        public static Part answered(Answer answer) {
            return new Part(PartStatus.ANSWERED, null, answer);
        }

        public static Part notAsked(String why) {
            return new Part(PartStatus.NOT_ASKED, why, null);
        }

        public static Part notPermitted(String kind) {
            return new Part(PartStatus.NOT_PERMITTED, "your role may not search " + kind, null);
        }
    }

    /**
     * The zone as read.
     *
     * @param format            TD1, TD2, TD3, MRV-A or MRV-B
     * @param documentType      from the document code (PASSPORT, VISA), null when it does not say (cards: asked as
     *                          any type)
     * @param dateOfBirth       YYYY-MM-DD, YYYY-MM or YYYY, century inferred; null when unknown
     * @param sex               MALE, FEMALE, UNKNOWN (X); null when unspecified
     * @param failedCheckDigits the fields whose check digit failed (documentNumber, dateOfBirth,
     *                          dateOfExpiry, optionalData, composite)
     */
    public record Read(String format, String documentCode, String documentType, String issuer,
                       String documentNumber, String surname, String givenNames, String nationality,
                       String dateOfBirth, String sex, String dateOfExpiry, List<String> failedCheckDigits) {

        static Read of(Mrz mrz) {
            DocumentType documentType = MrzQuestions.documentType(mrz.documentCode());
            return new Read(mrz.format().label(), mrz.documentCode().replaceAll("<+$", ""),
                    documentType == null ? null : documentType.name(), mrz.issuer(), mrz.documentNumber(),
                    mrz.primaryIdentifier(), mrz.secondaryIdentifier(), mrz.nationality(),
                    mrz.dateOfBirth() == null ? null : mrz.dateOfBirth().toString(),
                    mrz.sex() == null ? null : mrz.sex().name(),
                    mrz.dateOfExpiry() == null ? null : mrz.dateOfExpiry().toString(),
                    mrz.failedChecks().stream().map(Mrz.CheckDigit::field).toList());
        }
    }

    /** Both parts, as one answer under one query id. */
    public static MrzAnswer combine(String queryId, MrzQuestions questions, Part document, Part holder) {
        Combined combined = Combined.of(document, holder);
        return new MrzAnswer(queryId, combined.outcome(), combined.complete(), combined.action(), combined.warnings(),
                questions.warnings(), message(combined.outcome(), document, holder, questions),
                Read.of(questions.mrz()), document, holder, combined.elapsedMs());
    }

    /**
     * What a document part and a holder part make together, by the safety rule above (shared with a
     * manifest's traveller, {@link TravellerAnswer}).
     */
    record Combined(Outcome outcome, boolean complete, ActionToTake action, List<SafetyWarning> warnings,
                    long elapsedMs) {

        static Combined of(Part document, Part holder) {
            List<Part> parts = List.of(document, holder);
            List<Answer> answers = parts.stream().filter(p -> p.answer() != null).map(Part::answer).toList();
            boolean unasked = parts.stream().anyMatch(p -> p.status() == PartStatus.NOT_ASKED);
            boolean complete = !unasked && answers.stream().allMatch(Answer::complete);
            Outcome outcome;
            if (answers.stream().anyMatch(a -> a.outcome() == Outcome.HIT)) {
                outcome = Outcome.HIT;
            } else if (answers.stream().anyMatch(a -> a.outcome() == Outcome.POSSIBLE_MATCH)) {
                outcome = Outcome.POSSIBLE_MATCH;
            } else if (unasked || answers.isEmpty() || answers.stream().anyMatch(a -> a.outcome() != Outcome.NO_HIT)) {
                outcome = Outcome.INCOMPLETE;
            } else {
                outcome = Outcome.NO_HIT;
            }
            ActionToTake action = answers.stream().map(Answer::action)
                    .reduce(ActionToTake.NO_ACTION, ActionToTake::mostUrgent);
            Set<SafetyWarning> warnings = new LinkedHashSet<>();
            answers.forEach(a -> warnings.addAll(a.warnings()));
            long elapsed = answers.stream().mapToLong(Answer::elapsedMs).max().orElse(0);
            return new Combined(outcome, complete, action, List.copyOf(warnings), elapsed);
        }
    }

    private static String message(Outcome outcome, Part document, Part holder, MrzQuestions questions) {
        List<String> sentences = new ArrayList<>();
        if (questions.warnings().contains(MrzQuestions.CHECK_DIGIT_FAILED)) {
            sentences.add("CHECK DIGIT FAILED: misread or altered document; compare the zone with the document.");
        }
        sentences.add("Document: " + partMessage(document));
        sentences.add("Holder: " + partMessage(holder));
        if (outcome == Outcome.INCOMPLETE) {
            sentences.add("INCOMPLETE, not a no-hit.");
        }
        return String.join(" ", sentences);
    }

    static String partMessage(Part part) {
        return switch (part.status()) {
            case ANSWERED -> part.answer().message();
            case NOT_ASKED -> "not searched: " + part.detail() + ".";
            case NOT_PERMITTED -> "not searched: " + part.detail() + ".";
        };
    }
}
