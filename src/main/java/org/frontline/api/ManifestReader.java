package org.frontline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.border.Flight;
import org.frontline.border.TravellerQuestions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a manifest, JSON or CSV, into its flight and its rows. What concerns the whole manifest
 * (not JSON or CSV, an unknown field or column, no purpose, no travellers) refuses it with 400, more
 * travellers than allowed with 413, before anything is screened; what concerns one row (a wrong
 * type, an unknown field, a value the single searches would refuse) makes that row a problem of its
 * own, and the others are screened. Every row is validated by {@link RequestValidation#traveller},
 * the single searches' rules. Values are never echoed.
 */
final class ManifestReader {

    private static final Set<String> TOP_LEVEL = Set.of("flight", "carrier", "route", "scheduledArrival", "purpose",
            "deadlineMs", "travellers");

    /** The manifest as read: its flight, purpose and deadline, and its rows in order. */
    record Parsed(RequestValidation.Validated<Flight> flight, List<Row> rows, String format) {
    }

    /** One row: its questions, or (questions null) the faults that refuse it. */
    record Row(int index, TravellerQuestions questions, List<Problem.FieldError> faults) {
    }

    /** More travellers than a manifest may carry. */
    static final class TooManyTravellers extends RuntimeException {
        final int max;

        TooManyTravellers(int max) {
            super(null, null, false, false);
            this.max = max;
        }
    }

    private ManifestReader() {
    }

    static Parsed json(byte[] body, ObjectMapper json, Clock clock, int max) {
        JsonNode tree;
        try {
            tree = body.length == 0 ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(SearchBodyReader.syntaxError(e)));
        } catch (IOException e) {
            throw invalid("(body)", "could not be read");
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw invalid("(body)", "a JSON object is required");
        }
        if (!tree.isObject()) {
            throw invalid("(body)", "must be a JSON object");
        }
        List<Problem.FieldError> faults = new ArrayList<>();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                faults.add(new Problem.FieldError(name, "unknown field; allowed: " + String.join(", ",
                        new TreeSet<>(TOP_LEVEL))));
            }
        }
        Map<String, String> text = new HashMap<>();
        for (String field : List.of("flight", "carrier", "route", "scheduledArrival", "purpose")) {
            JsonNode value = tree.get(field);
            if (value != null && !value.isNull()) {
                if (value.isTextual()) {
                    text.put(field, value.textValue());
                } else {
                    faults.add(new Problem.FieldError(field, "must be a string"));
                }
            }
        }
        Integer deadlineMs = null;
        JsonNode deadline = tree.get("deadlineMs");
        if (deadline != null && !deadline.isNull()) {
            if (deadline.isIntegralNumber() && deadline.canConvertToInt()) {
                deadlineMs = deadline.intValue();
            } else {
                faults.add(new Problem.FieldError("deadlineMs", "must be a whole number"));
            }
        }
        JsonNode travellers = tree.get("travellers");
        if (travellers == null || travellers.isNull()) {
            faults.add(new Problem.FieldError("travellers", "required: an array of 1 to " + max + " travellers"));
        } else if (!travellers.isArray()) {
            faults.add(new Problem.FieldError("travellers", "must be an array of 1 to " + max + " travellers"));
        } else if (travellers.isEmpty()) {
            faults.add(new Problem.FieldError("travellers", "at least one traveller"));
        } else if (travellers.size() > max) {
            throw new TooManyTravellers(max);
        }
        RequestValidation.Validated<Flight> flight = flight(text, deadlineMs, clock, faults);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < travellers.size(); i++) {
            rows.add(row(i, travellers.get(i), clock));
        }
        return new Parsed(flight, rows, "JSON");
    }

    /** The flight and purpose (faults found so far and the validation's, in one 400). */
    private static RequestValidation.Validated<Flight> flight(Map<String, String> text, Integer deadlineMs, Clock clock,
                                                             List<Problem.FieldError> faults) {
        try {
            RequestValidation.Validated<Flight> flight = RequestValidation.manifest(text.get("flight"),
                    text.get("carrier"), text.get("route"), text.get("scheduledArrival"), text.get("purpose"),
                    deadlineMs, clock);
            if (!faults.isEmpty()) {
                throw new InvalidRequestException(faults);
            }
            return flight;
        } catch (InvalidRequestException e) {
            List<Problem.FieldError> all = new ArrayList<>(faults);
            e.errors().stream().filter(f -> all.stream().noneMatch(a -> a.field().equals(f.field()))).forEach(all::add);
            throw new InvalidRequestException(all);
        }
    }

    private static Row row(int index, JsonNode node, Clock clock) {
        if (!node.isObject()) {
            return new Row(index, null, List.of(new Problem.FieldError("(traveller)", "must be a JSON object")));
        }
        List<Problem.FieldError> faults = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ManifestRequests.TRAVELLER_FIELDS.contains(name)) {
                faults.add(new Problem.FieldError(name, "unknown field; allowed: "
                        + String.join(", ", ManifestRequests.TRAVELLER_FIELDS)));
            }
        }
        String[] values = new String[ManifestRequests.TRAVELLER_FIELDS.size()];
        for (int f = 0; f < values.length; f++) {
            String field = ManifestRequests.TRAVELLER_FIELDS.get(f);
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isTextual()) {
                values[f] = value.textValue();
            } else {
                faults.add(new Problem.FieldError(field, "must be a string"));
            }
        }
        return validated(index, values, faults, clock);
    }

    private static Row validated(int index, String[] values, List<Problem.FieldError> faults, Clock clock) {
        ManifestRequests.Traveller traveller = new ManifestRequests.Traveller(values[0], values[1], values[2], values[3],
                values[4], values[5], values[6]);
        try {
            TravellerQuestions questions = RequestValidation.traveller(traveller, clock);
            return faults.isEmpty() ? new Row(index, questions, List.of()) : new Row(index, null, List.copyOf(faults));
        } catch (InvalidRequestException e) {
            List<Problem.FieldError> all = new ArrayList<>(faults);
            e.errors().stream().filter(f -> all.stream().noneMatch(a -> a.field().equals(f.field()))).forEach(all::add);
            return new Row(index, null, List.copyOf(all));
        }
    }

    /**
     * A manifest as CSV: a header row naming traveller columns (any order, any subset with name or
     * documentNumber), one traveller per row; the flight and purpose come from the query (they are not
     * personal data; travellers never are in a URL).
     */
    static Parsed csv(byte[] body, Map<String, String> flightParameters, Integer deadlineMs, Clock clock, int max) {
        List<List<String>> records;
        try {
            records = Csv.parse(new String(body, StandardCharsets.UTF_8));
        } catch (Csv.Malformed e) {
            throw invalid("(body)", "not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw invalid("(body)", "a header row and at least one traveller are required");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        List<Problem.FieldError> faults = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String column = header.get(c);
            if (!ManifestRequests.TRAVELLER_FIELDS.contains(column)) {
                faults.add(new Problem.FieldError("(header)", "column " + (c + 1) + " is not a traveller column; allowed: "
                        + String.join(", ", ManifestRequests.TRAVELLER_FIELDS)));
            } else if (header.indexOf(column) != c) {
                faults.add(new Problem.FieldError("(header)", "column " + (c + 1) + " repeats " + column));
            }
        }
        if (!header.contains("name") && !header.contains("documentNumber")) {
            faults.add(new Problem.FieldError("(header)", "needs a name or a documentNumber column"));
        }
        int travellers = records.size() - 1;
        if (travellers == 0) {
            faults.add(new Problem.FieldError("travellers", "at least one traveller after the header row"));
        } else if (travellers > max) {
            throw new TooManyTravellers(max);
        }
        RequestValidation.Validated<Flight> flight = flight(flightParameters, deadlineMs, clock, faults);
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            int index = r - 1;
            if (record.size() != header.size()) {
                rows.add(new Row(index, null, List.of(new Problem.FieldError("(row)", "has " + record.size()
                        + " fields, the header has " + header.size()))));
                continue;
            }
            String[] values = new String[ManifestRequests.TRAVELLER_FIELDS.size()];
            for (int c = 0; c < header.size(); c++) {
                String cell = record.get(c);
                values[ManifestRequests.TRAVELLER_FIELDS.indexOf(header.get(c))] = cell.isBlank() ? null : cell;
            }
            rows.add(validated(index, values, new ArrayList<>(), clock));
        }
        return new Parsed(flight, rows, "CSV");
    }

    private static InvalidRequestException invalid(String field, String reason) {
        return new InvalidRequestException(List.of(new Problem.FieldError(field, reason)));
    }
}
