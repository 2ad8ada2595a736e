package org.frontline.api;

import org.frontline.border.Flight;
import org.frontline.border.MalformedMrzException;
import org.frontline.border.Mrz;
import org.frontline.border.MrzParser;
import org.frontline.border.MrzQuestions;
import org.frontline.border.TravellerQuestions;
import org.frontline.model.Countries;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentType;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonQuery;
import org.frontline.model.Sex;
import org.frontline.model.VehicleQuery;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns request bodies into queries, or refuses them naming every field at fault and why. Values
 * are never echoed back: they may be personal data.
 */
public final class RequestValidation {

    static final int MAX_PURPOSE = 200;
    static final int MAX_NAME = 200;
    /** Words of a name (each is romanised on its own): beyond any real name, a bound on the work one name costs. */
    static final int MAX_NAME_WORDS = 16;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200C\\u200D]]");
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    private static final Pattern ALNUM = Pattern.compile("[A-Z0-9]+");

    private final Clock clock;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    private RequestValidation(Clock clock) {
        this.clock = clock;
    }

    /** A validated query with the officer's stated purpose and requested deadline. */
    public record Validated<Q>(Q query, String purpose, Duration deadline) {
    }

    public static Validated<PersonQuery> person(SearchRequests.Person body, Clock clock) {
        RequestValidation v = new RequestValidation(clock);
        v.requireBody(body);
        String name = v.name(body.name());
        PartialDate dob = v.dateOfBirth(body.dateOfBirth());
        String nationality = v.optionalCountry("nationality", body.nationality());
        Sex sex = v.sex(body.sex());
        String purpose = v.purpose(body.purpose());
        Duration deadline = v.deadline(body.deadlineMs());
        v.throwIfAny();
        return new Validated<>(new PersonQuery(name, dob, nationality, sex), purpose, deadline);
    }

    public static Validated<DocumentQuery> document(SearchRequests.Document body, Clock clock) {
        RequestValidation v = new RequestValidation(clock);
        v.requireBody(body);
        String number = v.identifier("number", body.number(), 20, "[ <-]");
        String country = v.requiredCountry("issuingCountry", body.issuingCountry());
        DocumentType type = v.documentType(body.type());
        String purpose = v.purpose(body.purpose());
        Duration deadline = v.deadline(body.deadlineMs());
        v.throwIfAny();
        return new Validated<>(new DocumentQuery(number, country, type), purpose, deadline);
    }

    public static Validated<VehicleQuery> vehicle(SearchRequests.Vehicle body, Clock clock) {
        RequestValidation v = new RequestValidation(clock);
        v.requireBody(body);
        String plate = body.plate() == null ? null : v.identifier("plate", body.plate(), 15, "[ \\-.·]");
        String country = null;
        if (body.plate() != null || body.registrationCountry() != null) {
            country = v.requiredCountry("registrationCountry", body.registrationCountry());
            if (body.plate() == null) {
                v.error("plate", "required with registrationCountry");
            }
        }
        String vin = null;
        if (body.vin() != null) {
            vin = body.vin().trim().toUpperCase(Locale.ROOT);
            if (!VIN.matcher(vin).matches()) {
                v.error("vin", "must be 17 letters and digits, without I, O or Q");
                vin = null;
            }
        }
        if (body.plate() == null && body.vin() == null && body.registrationCountry() == null) {
            v.error("plate", "give a plate with its registrationCountry, or a vin");
        }
        String purpose = v.purpose(body.purpose());
        Duration deadline = v.deadline(body.deadlineMs());
        v.throwIfAny();
        return new Validated<>(new VehicleQuery(plate, country, vin), purpose, deadline);
    }

    /**
     * A scanned zone: refused (400) when it is not an MRZ, with every reason; refused when a check digit
     * fails, naming each failed field ({@code mrz.documentNumber}...), unless the caller accepts that;
     * otherwise the two questions it asks.
     */
    public static Validated<MrzQuestions> mrz(SearchRequests.Mrz body, Clock clock) {
        RequestValidation v = new RequestValidation(clock);
        v.requireBody(body);
        Mrz mrz = null;
        if (body.mrz() != null && body.mrz().length() > SearchRequests.MAX_MRZ) {
            v.error("mrz", "at most " + SearchRequests.MAX_MRZ + " characters: send the 2 or 3 lines of the zone only");
        } else {
            try {
                mrz = new MrzParser(clock).parse(body.mrz());
            } catch (MalformedMrzException e) {
                e.reasons().forEach(reason -> v.error("mrz", reason));
            }
        }
        if (mrz != null && !Boolean.TRUE.equals(body.acceptInvalidCheckDigits())) {
            for (Mrz.CheckDigit failed : mrz.failedChecks()) {
                v.error("mrz." + failed.field(), "check digit failed: misread or altered document; rescan it and compare"
                        + " the zone with the document, or ask again with acceptInvalidCheckDigits true");
            }
        }
        String purpose = v.purpose(body.purpose());
        Duration deadline = v.deadline(body.deadlineMs());
        v.throwIfAny();
        return new Validated<>(MrzQuestions.of(mrz, LocalDate.now(clock)), purpose, deadline);
    }

    /**
     * A manifest's flight, purpose and deadline (not its travellers: each is validated on its own, see
     * {@link #traveller}, so that a bad row refuses that row only). Flight, carrier and route are short
     * free text; scheduledArrival an ISO-8601 date-time; all optional; purpose required as for any search.
     */
    public static Validated<Flight> manifest(String flight, String carrier, String route, String scheduledArrival,
                                             String purpose, Integer deadlineMs, Clock clock) {
        RequestValidation v = new RequestValidation(clock);
        String flightNumber = v.label("flight", flight);
        String carrierName = v.label("carrier", carrier);
        String routeText = v.label("route", route);
        String arrival = v.dateTime("scheduledArrival", scheduledArrival);
        String why = v.purpose(purpose);
        Duration deadline = v.deadline(deadlineMs);
        v.throwIfAny();
        return new Validated<>(new Flight(flightNumber, carrierName, routeText, arrival), why, deadline);
    }

    /**
     * One traveller of a manifest, by the rules of the single searches: a name (with its date of birth,
     * nationality and sex) asks the person question, a documentNumber (with its issuingCountry, required
     * then, and documentType) the document question; a row needs at least one of the two. Refused with
     * every field at fault named, never a value.
     */
    public static TravellerQuestions traveller(ManifestRequests.Traveller row, Clock clock) {
        RequestValidation v = new RequestValidation(clock);
        boolean named = row.name() != null && !row.name().isBlank();
        boolean numbered = row.documentNumber() != null && !row.documentNumber().isBlank();
        if (!named && !numbered) {
            v.error("name", "give a name, a documentNumber with its issuingCountry, or both");
        }
        String name = named ? v.name(row.name()) : null;
        PartialDate dob = v.dateOfBirth(row.dateOfBirth());
        String nationality = v.optionalCountry("nationality", row.nationality());
        Sex sex = v.sex(row.sex());
        String number = numbered ? v.identifier("documentNumber", row.documentNumber(), 20, "[ <-]") : null;
        String issuer = numbered ? v.requiredCountry("issuingCountry", row.issuingCountry())
                : v.optionalCountry("issuingCountry", row.issuingCountry());
        DocumentType type = v.documentType("documentType", row.documentType());
        v.throwIfAny();
        return TravellerQuestions.of(numbered ? new DocumentQuery(number, issuer, type) : null,
                named ? new PersonQuery(name, dob, nationality, sex) : null);
    }

    /** Short free text (a flight number, a carrier, a route): optional, at most 100 characters, no control characters. */
    private String label(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > 100) {
            error(field, "at most 100 characters");
        } else if (CONTROL.matcher(value).find()) {
            error(field, "must not contain control characters");
        }
        return value;
    }

    /** An ISO-8601 date-time, with or without its offset (2026-12-04T18:30:00Z, 2026-12-04T18:30): optional. */
    private String dateTime(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        try {
            return OffsetDateTime.parse(value).toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toString();
            } catch (DateTimeParseException again) {
                error(field, "expected an ISO-8601 date-time such as 2026-12-04T18:30:00Z");
                return null;
            }
        }
    }

    /**
     * Refuses a deadline below the service's floor ({@code frontline.search.min-deadline}), naming the
     * field and the floor: a shorter budget would only buy an answer that no source had time to give.
     */
    public static void requireDeadlineAtLeast(Validated<?> request, Duration floor) {
        if (request.deadline() != null && request.deadline().compareTo(floor) < 0) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("deadlineMs",
                    "at least " + floor.toMillis() + ": the shortest deadline this service accepts, so that the sources"
                            + " have time to answer")));
        }
    }

    private void requireBody(Object body) {
        if (body == null) {
            errors.add(new Problem.FieldError("(body)", "a JSON object is required"));
            throwIfAny();
        }
    }

    private void error(String field, String reason) {
        errors.add(new Problem.FieldError(field, reason));
    }

    private void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * The limits apply to the name as it will be compared: after Unicode NFKC, which can make one
     * character many (U+FDFA becomes 18), and with its whitespace collapsed. The raw text is bounded
     * by the body size limit; NFKC of it is linear. Returned as typed (stripped), for the audit.
     */
    private String name(String raw) {
        if (raw == null || raw.isBlank()) {
            error("name", "required");
            return null;
        }
        String name = raw.strip().replaceAll("\\s+", " ");
        String normalised = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        if (normalised.length() > MAX_NAME) {
            error("name", "at most " + MAX_NAME + " characters once Unicode-normalised (NFKC: some characters, such as"
                    + " ligatures, count as several); shorten the name");
        } else if (normalised.split(" ").length > MAX_NAME_WORDS) {
            error("name", "at most " + MAX_NAME_WORDS + " words; leave out titles and repeated parts");
        } else if (CONTROL.matcher(normalised).find()) {
            error("name", "must not contain control characters");
        } else if (normalised.codePoints().filter(Character::isLetter).count() < 2) {
            error("name", "must contain at least two letters");
        }
        return name;
    }

    private PartialDate dateOfBirth(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            PartialDate date = PartialDate.parse(raw.trim());
            LocalDate today = LocalDate.now(clock);
            if (date.year() < 1900) {
                error("dateOfBirth", "year must be 1900 or later");
            } else if (date.year() > today.getYear()
                    || (date.isFullDate() && LocalDate.of(date.year(), date.month(), date.day()).isAfter(today))) {
                error("dateOfBirth", "must not be in the future");
            }
            return date;
        } catch (IllegalArgumentException e) {
            error("dateOfBirth", "expected YYYY-MM-DD or YYYY, a real date");
            return null;
        }
    }

    private String optionalCountry(String field, String raw) {
        return raw == null ? null : country(field, raw);
    }

    private String requiredCountry(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            error(field, "required: ISO 3166-1 alpha-3 code such as FRA");
            return null;
        }
        return country(field, raw);
    }

    private String country(String field, String raw) {
        String code = raw.trim().toUpperCase(Locale.ROOT);
        if (!Countries.isKnown(code)) {
            error(field, "not a known ISO 3166-1 alpha-3 or ICAO country code");
            return null;
        }
        return Countries.canonical(code);
    }

    private Sex sex(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Sex.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error("sex", "one of " + Arrays.toString(Sex.values()));
            return null;
        }
    }

    private DocumentType documentType(String raw) {
        return documentType("type", raw);
    }

    private DocumentType documentType(String field, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return DocumentType.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(field, "one of " + Arrays.toString(DocumentType.values()));
            return null;
        }
    }

    /** Upper case, fillers removed, letters and digits only, bounded. */
    private String identifier(String field, String raw, int maxLength, String fillers) {
        if (raw == null || raw.isBlank()) {
            error(field, "required");
            return null;
        }
        String value = raw.toUpperCase(Locale.ROOT).replaceAll(fillers, "").trim();
        if (value.isEmpty()) {
            error(field, "required");
        } else if (value.length() > maxLength) {
            error(field, "at most " + maxLength + " letters and digits");
        } else if (!ALNUM.matcher(value).matches()) {
            error(field, "only Latin letters and digits (spaces, dashes and < are ignored)");
        }
        return value;
    }

    private String purpose(String raw) {
        if (raw == null || raw.isBlank()) {
            error("purpose", "required: why you are asking (it is audited)");
            return null;
        }
        String purpose = raw.strip();
        if (purpose.length() > MAX_PURPOSE) {
            error("purpose", "at most " + MAX_PURPOSE + " characters");
        } else if (purpose.length() < 3) {
            error("purpose", "at least 3 characters");
        } else if (CONTROL.matcher(purpose).find()) {
            error("purpose", "must not contain control characters");
        }
        return purpose;
    }

    private Duration deadline(Integer millis) {
        if (millis == null) {
            return null;
        }
        if (millis < 1 || millis > 60_000) {
            error("deadlineMs", "between 1 and 60000");
            return null;
        }
        return Duration.ofMillis(millis);
    }
}
