package org.frontline.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.frontline.search.SearchConfig;

/** The bodies the search endpoints take. Unknown fields are refused. */
public final class SearchRequests {

    /** The default of frontline.search.min-deadline, in the contract (a deployment may set another floor). */
    static final String MIN_DEADLINE_MS = SearchConfig.MIN_DEADLINE_MS;

    static final String DEADLINE = "Answer within this many milliseconds. Longer is cut to the service's maximum"
            + " (frontline.search.max-deadline, default 5000); shorter than the service's floor"
            + " (frontline.search.min-deadline, default " + MIN_DEADLINE_MS + ") is refused with 400. The deadline bounds"
            + " this request's wait only: a source that has not answered by then is reported TIMEOUT in this answer,"
            + " but its call is not cut short and does not count against the source.";

    /** The longest MRZ text taken: 3 lines of 30 or 2 of 44, with room for whitespace and line breaks. */
    static final int MAX_MRZ = 200;

    private SearchRequests() {
    }

    @Schema(name = "PersonSearch", description = "Who is this person? Name as typed or read, in any script.")
    public record Person(
            @Schema(required = true, maxLength = 200, examples = "Muhammad Al Rasheed", description = "The name, any script, any order")
            String name,
            @Schema(examples = "1983-04-12", description = "YYYY-MM-DD, or YYYY when only the year is known")
            String dateOfBirth,
            @Schema(examples = "JOR", description = "ISO 3166-1 alpha-3, or an ICAO code such as D or XXA")
            String nationality,
            @Schema(enumeration = {"MALE", "FEMALE", "UNKNOWN"})
            String sex,
            @Schema(required = true, maxLength = 200, examples = "roadside check, vehicle stop", description = "Why the officer asks (audited)")
            String purpose,
            @Schema(minimum = SearchRequests.MIN_DEADLINE_MS, maximum = "60000", description = SearchRequests.DEADLINE)
            Integer deadlineMs) {
    }

    @Schema(name = "DocumentSearch", description = "Is this travel document known: stolen, lost, revoked?")
    public record Document(
            @Schema(required = true, maxLength = 20, examples = "P4471902", description = "Document number; spaces and < fillers are ignored")
            String number,
            @Schema(required = true, examples = "FRA", description = "ISO 3166-1 alpha-3, or an ICAO code such as D")
            String issuingCountry,
            @Schema(enumeration = {"PASSPORT", "ID_CARD", "VISA", "RESIDENCE_PERMIT", "TRAVEL_DOCUMENT"})
            String type,
            @Schema(required = true, maxLength = 200, examples = "border control, entry")
            String purpose,
            @Schema(minimum = SearchRequests.MIN_DEADLINE_MS, maximum = "60000", description = SearchRequests.DEADLINE)
            Integer deadlineMs) {
    }

    @Schema(name = "VehicleSearch", description = "Is this vehicle known? A plate with its registration country, or a VIN, or both.")
    public record Vehicle(
            @Schema(maxLength = 15, examples = "ABC1234", description = "Registration plate; spaces and dashes are ignored")
            String plate,
            @Schema(examples = "BRA", description = "Required with a plate: ISO 3166-1 alpha-3")
            String registrationCountry,
            @Schema(minLength = 17, maxLength = 17, examples = "9BWZZZ377VT004251", description = "Vehicle identification number (ISO 3779)")
            String vin,
            @Schema(required = true, maxLength = 200, examples = "traffic stop")
            String purpose,
            @Schema(minimum = SearchRequests.MIN_DEADLINE_MS, maximum = "60000", description = SearchRequests.DEADLINE)
            Integer deadlineMs) {
    }
    @Schema(name = "MrzSearch", description = "A scanned machine-readable zone (ICAO Doc 9303: TD1, TD2, TD3, MRV-A,"
            + " MRV-B): its document and its holder are searched as one consultation.")
    public record Mrz(
            @Schema(required = true, maxLength = SearchRequests.MAX_MRZ, examples = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
                    description = "The 2 or 3 lines as scanned: surrounding whitespace, \\r\\n, lower case and missing"
                            + " fillers at the end of a name or optional data are tolerated")
            String mrz,
            @Schema(required = true, maxLength = 200, examples = "border control, entry")
            String purpose,
            @Schema(minimum = SearchRequests.MIN_DEADLINE_MS, maximum = "60000", description = SearchRequests.DEADLINE)
            Integer deadlineMs,
            @Schema(description = "Search even when a check digit fails (a misread or altered document); the answer then"
                    + " carries the warning 'check digit failed: misread or altered document'. Default false: a failed"
                    + " check digit is a 400 naming each failed field.")
            Boolean acceptInvalidCheckDigits) {
    }
}
