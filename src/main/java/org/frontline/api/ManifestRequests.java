package org.frontline.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code POST /v1/screen/manifest} (as JSON; the same as CSV, see {@link ManifestReader}). */
public final class ManifestRequests {

    /** The columns of a traveller, in JSON and as the CSV header. */
    static final List<String> TRAVELLER_FIELDS = List.of("name", "dateOfBirth", "nationality", "sex", "documentNumber",
            "issuingCountry", "documentType");

    private ManifestRequests() {
    }

    @Schema(name = "ManifestScreening", description = "A flight's passenger list (advance passenger information): every"
            + " traveller is screened as one consultation. Unknown fields are refused.")
    public record Manifest(
            @Schema(maxLength = 100, examples = "LH1234", description = "Flight number") String flight,
            @Schema(maxLength = 100, examples = "LH", description = "Carrier") String carrier,
            @Schema(maxLength = 100, examples = "FRA-CDG", description = "Route") String route,
            @Schema(examples = "2026-12-04T18:30:00Z", description = "Scheduled arrival, ISO-8601 date-time")
            String scheduledArrival,
            @Schema(required = true, maxLength = 200, examples = "border control, advance passenger information",
                    description = "Why the officer screens this flight (audited with every traveller)") String purpose,
            @Schema(minimum = SearchRequests.MIN_DEADLINE_MS, maximum = "60000", description = "Deadline of each"
                    + " traveller's questions. " + SearchRequests.DEADLINE) Integer deadlineMs,
            @Schema(required = true, description = "1 to frontline.screen.max-travellers (default 1000) travellers;"
                    + " more is 413") List<Traveller> travellers) {
    }

    @Schema(name = "ManifestTraveller", description = "One traveller, by the rules of the single searches: a name asks"
            + " the person question, a documentNumber with its issuingCountry the document question; at least one.")
    public record Traveller(
            @Schema(maxLength = 200, examples = "Claire Martin", description = "The name, any script, any order") String name,
            @Schema(examples = "1990-03-14", description = "YYYY-MM-DD, or YYYY") String dateOfBirth,
            @Schema(examples = "FRA", description = "ISO 3166-1 alpha-3, or an ICAO code") String nationality,
            @Schema(enumeration = {"MALE", "FEMALE", "UNKNOWN"}) String sex,
            @Schema(maxLength = 20, examples = "P4471902", description = "Document number; spaces and < fillers are ignored")
            String documentNumber,
            @Schema(examples = "FRA", description = "Required with a documentNumber") String issuingCountry,
            @Schema(enumeration = {"PASSPORT", "ID_CARD", "VISA", "RESIDENCE_PERMIT", "TRAVEL_DOCUMENT"})
            String documentType) {
    }
}
