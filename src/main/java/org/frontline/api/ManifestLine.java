package org.frontline.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontline.border.TravellerAnswer;

import java.util.List;
import java.util.Map;

/**
 * One line of a manifest's answer stream (one NDJSON line, or one server-sent event named by its
 * {@code type}): a traveller's answer, a row's problem, or the summary that ends the stream.
 */
public sealed interface ManifestLine {

    /** "traveller", "problem" or "summary". */
    String type();

    /**
     * A traveller's answer, as soon as it is complete and its audit record is durable.
     *
     * @param index  the traveller's place in the manifest, from 0
     * @param sameAs when the manifest carried the same traveller before, that traveller's index: the
     *               question was asked once and both were answered (and audited) with its answer
     */
    @Schema(name = "ManifestTravellerLine")
    record Traveller(@Schema(enumeration = "traveller") String type, int index, Integer sameAs,
                     TravellerAnswer answer) implements ManifestLine {

        Traveller(int index, Integer sameAs, TravellerAnswer answer) {
            this("traveller", index, sameAs, answer);
        }
    }

    /**
     * A row that was not screened (its problem names each field at fault, never a value), or, with a
     * 503 problem, a traveller whose audit record could not be written (its answer is not released).
     *
     * @param index the row's place in the manifest; null for a problem of the manifest as a whole
     */
    @Schema(name = "ManifestProblemLine")
    record RowProblem(@Schema(enumeration = "problem") String type, Integer index, Problem problem)
            implements ManifestLine {

        RowProblem(Integer index, Problem problem) {
            this("problem", index, problem);
        }
    }

    /**
     * The last line.
     *
     * @param travellers rows in the manifest
     * @param answered   travellers answered (a line of type traveller each)
     * @param problems   rows not answered (a line of type problem each)
     * @param asked      distinct travellers asked (identical travellers are asked once)
     * @param outcomes   answered travellers per outcome
     * @param incomplete each INCOMPLETE traveller and why
     */
    @Schema(name = "ManifestSummaryLine")
    record Summary(@Schema(enumeration = "summary") String type, String manifestId, int travellers, int answered,
                   int problems, int asked, Map<String, Integer> outcomes, List<Incomplete> incomplete,
                   long elapsedMs) implements ManifestLine {

        Summary(String manifestId, int travellers, int answered, int problems, int asked, Map<String, Integer> outcomes,
                List<Incomplete> incomplete, long elapsedMs) {
            this("summary", manifestId, travellers, answered, problems, asked, outcomes, incomplete, elapsedMs);
        }
    }

    /** An INCOMPLETE traveller and why (the answer's own message: which sources or parts are missing). */
    record Incomplete(int index, String reason) {
    }
}
