package org.frontline.sourcedata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.Clearance;
import org.frontline.model.Countries;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.PartialDate;
import org.frontline.model.QueryKind;
import org.frontline.model.SafetyWarning;
import org.frontline.model.Sex;
import org.frontline.model.WhenRestricted;
import org.frontline.source.Entries.Document;
import org.frontline.source.Entries.Name;
import org.frontline.source.Entries.Person;
import org.frontline.source.Entries.Vehicle;
import org.frontline.source.SourceSchema;
import org.frontline.source.SourceWriter;
import org.frontline.source.SourceWriter.Table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Loads records in the common model, one JSON object per line (docs/loader-format.md), into one
 * source's database, written in that source's own layout and vocabulary by the same writer the
 * seeder uses. A line is loaded whole or not at all: it is first validated and translated; lines
 * are then written in batches, each batch under a savepoint; a batch the database refuses is
 * replayed line by line so that only the offending lines are rejected. Rejections name the line
 * number and the reason, never the data. The change announcements (V2 triggers) and the name-key
 * counting trigger are silent during the load, which recounts the name keys in one statement and
 * announces the whole source once when it commits.
 */
public final class JsonLinesLoader {

    private static final Logger LOG = Logger.getLogger(JsonLinesLoader.class.getName());
    private static final int BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Rejection(long line, String reason) {
    }

    public record Report(long persons, long documents, long vehicles, List<Rejection> rejected) {
        public long loaded() {
            return persons + documents + vehicles;
        }
    }

    private JsonLinesLoader() {
    }

    public static Report load(String jdbcUrl, String user, String password, String schemaType, Path file) {
        SourceSchemas.requireKnown(schemaType);
        SourceSchemas.migrate(jdbcUrl, user, password, schemaType);
        SourceWriter writer = SourceSchema.of(schemaType).writer();
        List<Rejection> rejected = new ArrayList<>();
        long[] counts = new long[3];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             Connection c = DriverManager.getConnection(SourceSchemas.withTimeouts(jdbcUrl), user,
                     password == null ? "" : password)) {
            c.setAutoCommit(false);
            List<String> tables = writer.tables().stream().map(Table::name).toList();
            SyntheticSeeder.silenceAnnouncements(c, tables);   // one announcement at the end, not one per row
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(SourceWriter.KEYS_WRITTEN);
            }
            List<Parsed> batch = new ArrayList<>();
            String text;
            long lineNo = 0;
            while ((text = in.readLine()) != null) {
                lineNo++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    Object entry = parse(text, schemaType);
                    List<Object[]> rows = rows(writer, entry);   // translation errors surface here
                    batch.add(new Parsed(lineNo, entry, rows));
                } catch (IllegalArgumentException e) {
                    rejected.add(new Rejection(lineNo, e.getMessage()));
                }
                if (batch.size() == BATCH) {
                    write(c, writer, batch, counts, rejected);
                    batch.clear();
                }
            }
            write(c, writer, batch, counts, rejected);
            if (counts[0] > 0) {
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute(SourceWriter.COUNT_NAME_KEYS);   // the keys went in by COPY, the counting triggers silent
                }
            }
            SyntheticSeeder.resetSequences(c, tables);
            SyntheticSeeder.announceWholeSource(c, tables);
            c.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the input file", e);
        } catch (SQLException e) {
            throw new IllegalStateException("loading into " + schemaType + " failed: " + e.getMessage(), e);
        }
        rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
        Report report = new Report(counts[0], counts[1], counts[2], List.copyOf(rejected));
        LOG.info(() -> "loaded into " + schemaType + ": " + report.loaded() + " records, " + rejected.size() + " lines rejected");
        return report;
    }

    /** A validated line: its entry and the rows it becomes, each row prefixed by its table. */
    private record Parsed(long line, Object entry, List<Object[]> rows) {
    }

    private static List<Object[]> rows(SourceWriter writer, Object entry) {
        List<Object[]> rows = new ArrayList<>();
        SourceWriter.RowSink sink = (t, values) -> rows.add(new Object[] {t, values});
        if (entry instanceof Person p) {
            writer.person(p, sink);
        } else if (entry instanceof Document d) {
            writer.document(d, sink);
        } else {
            writer.vehicle((Vehicle) entry, sink);
        }
        return rows;
    }

    private static void write(Connection c, SourceWriter writer, List<Parsed> batch, long[] counts,
                              List<Rejection> rejected) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Savepoint sp = c.setSavepoint();
        try {
            copy(c, writer, batch);
            c.releaseSavepoint(sp);
            batch.forEach(p -> count(p, counts));
            return;
        } catch (SQLException | SyntheticSeeder.CopyFailed e) {
            c.rollback(sp);
        }
        for (Parsed p : batch) {
            Savepoint one = c.setSavepoint();
            try {
                copy(c, writer, List.of(p));
                c.releaseSavepoint(one);
                count(p, counts);
            } catch (SQLException | SyntheticSeeder.CopyFailed e) {
                c.rollback(one);
                SQLException sql = e instanceof SyntheticSeeder.CopyFailed f ? f.sqlException() : (SQLException) e;
                rejected.add(new Rejection(p.line(), reason(sql)));
            }
        }
    }

    private static void copy(Connection c, SourceWriter writer, List<Parsed> lines) throws SQLException {
        for (Table t : writer.tables()) {
            boolean any = lines.stream().anyMatch(p -> p.rows().stream().anyMatch(r -> r[0] == t));
            if (!any) {
                continue;
            }
            SyntheticSeeder.copy(c, t, sink -> {
                for (Parsed p : lines) {
                    for (Object[] r : p.rows()) {
                        sink.row((Table) r[0], (Object[]) r[1]);
                    }
                }
            });
        }
    }

    private static void count(Parsed p, long[] counts) {
        counts[p.entry() instanceof Person ? 0 : p.entry() instanceof Document ? 1 : 2]++;
    }

    /** A reason a person can act on, without echoing the data. */
    private static String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "23505" -> "duplicate: the source already holds a record with this id (or this document number)";
            case "23503" -> "refers to a person record the source does not hold (holderRecordId or linkedPersonRecordId)";
            case "23514" -> "a value is outside the source's vocabulary";
            case "23502" -> "a value the source requires is missing";
            default -> state.startsWith("22") ? "a value does not fit the source's column (too long or malformed)"
                    : "rejected by the database (SQLSTATE " + state + ")";
        };
    }

    // ------------------------------------------------------------------ parsing and validation

    private static final Set<String> PERSON_FIELDS = Set.of("kind", "recordId", "givenNames", "familyName", "fullName",
            "familyNameFirst", "aliases", "dateOfBirth", "sex", "nationality", "nameInOriginalScript", "alerts");
    private static final Set<String> ALERT_FIELDS = Set.of("alertId", "category", "action", "warnings", "issuedOn",
            "restrictions", "contactPoint");
    private static final Set<String> RESTRICTION_FIELDS = Set.of("countries", "agencies", "minimumClearance",
            "handlingCode", "whenRestricted");
    private static final Set<String> DOCUMENT_FIELDS = Set.of("kind", "recordId", "number", "issuingCountry", "type",
            "status", "reportedOn", "holderRecordId", "restrictions", "contactPoint");
    private static final Set<String> VEHICLE_FIELDS = Set.of("kind", "recordId", "plate", "registrationCountry", "vin",
            "make", "model", "colour", "status", "reportedOn", "linkedPersonRecordId", "restrictions", "contactPoint");
    private static final Set<AlertCategory> PERSON_CATEGORIES = Set.of(AlertCategory.WANTED_FOR_ARREST,
            AlertCategory.TRAVEL_BAN, AlertCategory.MISSING_PERSON, AlertCategory.DISCREET_CHECK,
            AlertCategory.SPECIFIC_CHECK, AlertCategory.DANGEROUS_PERSON, AlertCategory.INFORMATION);

    static Object parse(String line, String schema) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String kind = text(n, "kind", true);
        return switch (kind) {
            case "PERSON" -> person(n, schema);
            case "DOCUMENT" -> document(n, schema);
            case "VEHICLE" -> vehicle(n, schema);
            default -> throw new IllegalArgumentException("kind must be PERSON, DOCUMENT or VEHICLE");
        };
    }

    private static Person person(JsonNode n, String schema) {
        onlyFields(n, PERSON_FIELDS, "");
        String id = recordId(n, schema, QueryKind.PERSON);
        String given = text(n, "givenNames", false);
        String family = text(n, "familyName", false);
        String full = text(n, "fullName", false);
        boolean familyFirst = n.has("familyNameFirst") && bool(n, "familyNameFirst");
        Name name;
        if (given != null || family != null) {
            name = new Name(given, List.of(), family, null, familyFirst, false);
        } else if (full != null) {
            name = split(full);
        } else {
            throw new IllegalArgumentException("a person needs givenNames/familyName or fullName");
        }
        List<Name> aliases = new ArrayList<>();
        for (String a : strings(n, "aliases")) {
            aliases.add(split(a));
        }
        PartialDate dob = null;
        String dobText = text(n, "dateOfBirth", false);
        if (dobText != null) {
            try {
                dob = PartialDate.parse(dobText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("dateOfBirth: " + e.getMessage());
            }
            if (dob.month() != 0 && dob.day() == 0) {
                throw new IllegalArgumentException("dateOfBirth: expected YYYY-MM-DD or YYYY");
            }
        }
        Sex sex = n.has("sex") ? enumValue(Sex.class, text(n, "sex", true), "sex") : Sex.UNKNOWN;
        String nationality = country(n, "nationality", false);
        List<Alert> alerts = new ArrayList<>();
        JsonNode list = n.get("alerts");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("alerts must be an array");
            }
            int i = 0;
            for (JsonNode a : list) {
                alerts.add(alert(a, schema, "alerts[" + i++ + "]."));
            }
        }
        List<Alert> normalized = new ArrayList<>();
        for (Alert a : alerts) {
            normalized.add(writer(schema).normalize(a));
        }
        return new Person(id, -1, name, text(n, "nameInOriginalScript", false), aliases, dob, sex, nationality,
                normalized, false);
    }

    private static Alert alert(JsonNode a, String schema, String path) {
        if (!a.isObject()) {
            throw new IllegalArgumentException(path + " must be an object");
        }
        onlyFields(a, ALERT_FIELDS, path);
        AlertCategory category = enumValue(AlertCategory.class, text(a, "category", true), path + "category");
        if (!PERSON_CATEGORIES.contains(category)) {
            throw new IllegalArgumentException(path + "category " + category + " is not a person alert");
        }
        ActionToTake action = a.has("action") ? enumValue(ActionToTake.class, text(a, "action", true), path + "action")
                : defaultAction(category);
        List<SafetyWarning> warnings = new ArrayList<>();
        for (String w : strings(a, "warnings")) {
            warnings.add(enumValue(SafetyWarning.class, w, path + "warnings"));
        }
        String alertId = text(a, "alertId", false);
        boolean textIds = !writer(schema).numericAlertIds();
        if (alertId == null) {
            throw new IllegalArgumentException(path + "alertId is required");
        }
        if (!textIds && !alertId.matches("[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException(path + "alertId must be a positive number for " + schema);
        }
        return new Alert(alertId, category, action, warnings, date(a, "issuedOn", path + "issuedOn"),
                restrictions(a.get("restrictions"), path), requiredContact(a, path));
    }

    private static HandlingRestrictions restrictions(JsonNode r, String path) {
        if (r == null || r.isNull()) {
            return HandlingRestrictions.NONE;
        }
        if (!r.isObject()) {
            throw new IllegalArgumentException(path + "restrictions must be an object");
        }
        onlyFields(r, RESTRICTION_FIELDS, path + "restrictions.");
        Set<String> countries = new LinkedHashSet<>();
        for (String c : strings(r, "countries")) {
            countries.add(countryCode(c, path + "restrictions.countries"));
        }
        Set<String> agencies = new LinkedHashSet<>(strings(r, "agencies"));
        Clearance clearance = r.has("minimumClearance") && !r.get("minimumClearance").isNull()
                ? enumValue(Clearance.class, text(r, "minimumClearance", true), path + "restrictions.minimumClearance") : null;
        WhenRestricted when = r.has("whenRestricted") && !r.get("whenRestricted").isNull()
                ? enumValue(WhenRestricted.class, text(r, "whenRestricted", true), path + "restrictions.whenRestricted") : null;
        return new HandlingRestrictions(countries, agencies, clearance, text(r, "handlingCode", false), when);
    }

    private static Document document(JsonNode n, String schema) {
        onlyFields(n, DOCUMENT_FIELDS, "");
        String number = text(n, "number", true).trim().toUpperCase(Locale.ROOT);
        if (!number.matches("[A-Z0-9 -]{1,30}")) {
            throw new IllegalArgumentException("number: letters, digits, spaces and hyphens, at most 30");
        }
        String country = country(n, "issuingCountry", true);
        String id = writer(schema).documentsKeyedByNumber() ? country + "/" + number : recordId(n, schema, QueryKind.DOCUMENT);
        DocumentType type = enumValue(DocumentType.class, text(n, "type", true), "type");
        AlertCategory status = switch (text(n, "status", true)) {
            case "STOLEN" -> AlertCategory.STOLEN_DOCUMENT;
            case "LOST" -> AlertCategory.LOST_DOCUMENT;
            case "REVOKED" -> AlertCategory.REVOKED_DOCUMENT;
            default -> throw new IllegalArgumentException("status must be STOLEN, LOST or REVOKED");
        };
        HandlingRestrictions r = restrictions(n.get("restrictions"), "");
        return new Document(id, -1, number, country, writer(schema).documentType(type), status,
                date(n, "reportedOn", "reportedOn"), text(n, "holderRecordId", false), r.countries(), handling(r, schema),
                requiredContact(n, ""), false);
    }

    private static Vehicle vehicle(JsonNode n, String schema) {
        onlyFields(n, VEHICLE_FIELDS, "");
        String id = recordId(n, schema, QueryKind.VEHICLE);
        String plate = text(n, "plate", false);
        String country = country(n, "registrationCountry", false);
        String vin = text(n, "vin", false);
        if ((plate == null || country == null) && vin == null) {
            throw new IllegalArgumentException("a vehicle needs plate and registrationCountry, or vin");
        }
        if (plate != null && country == null) {
            throw new IllegalArgumentException("a plate needs its registrationCountry");
        }
        if (vin != null) {
            vin = vin.trim().toUpperCase(Locale.ROOT);
            if (vin.length() != 17 || !vin.chars().allMatch(ch -> Vin.ALPHABET.indexOf(ch) >= 0)) {
                throw new IllegalArgumentException("vin: 17 characters, digits and letters other than I, O, Q");
            }
        }
        String statusText = n.has("status") ? text(n, "status", true) : "STOLEN";
        AlertCategory status = switch (statusText) {
            case "STOLEN" -> AlertCategory.STOLEN_VEHICLE;
            case "WANTED" -> AlertCategory.WANTED_VEHICLE;
            default -> throw new IllegalArgumentException("status must be STOLEN or WANTED");
        };
        String linked = text(n, "linkedPersonRecordId", false);
        if (linked != null && !writer(schema).vehiclesLinkPersons()) {
            throw new IllegalArgumentException("linkedPersonRecordId: only " + schemasThat(SourceWriter::vehiclesLinkPersons)
                    + " links vehicles to persons");
        }
        HandlingRestrictions r = restrictions(n.get("restrictions"), "");
        return new Vehicle(id, plate == null ? null : plate.trim().toUpperCase(Locale.ROOT), plate == null ? null : country,
                vin, text(n, "make", false), text(n, "model", false), text(n, "colour", false), status,
                status == AlertCategory.STOLEN_VEHICLE ? ActionToTake.SEIZE : ActionToTake.REPORT,
                date(n, "reportedOn", "reportedOn"), linked, r.countries(), handling(r, schema), requiredContact(n, ""), false);
    }

    private static String handling(HandlingRestrictions r, String schema) {
        if (!r.agencies().isEmpty() || r.minimumClearance() != Clearance.UNCLASSIFIED) {
            throw new IllegalArgumentException("restrictions: documents and vehicles are restricted by countries only");
        }
        if (r.handlingCode() != null && !writer(schema).handlingCodes()) {
            throw new IllegalArgumentException("restrictions.handlingCode: only " + schemasThat(SourceWriter::handlingCodes)
                    + " keeps handling codes");
        }
        return r.handlingCode();
    }

    private static ActionToTake defaultAction(AlertCategory c) {
        return switch (c) {
            case WANTED_FOR_ARREST -> ActionToTake.ARREST;
            case TRAVEL_BAN -> ActionToTake.PREVENT_TRAVEL;
            case MISSING_PERSON -> ActionToTake.LOCATE;
            case DISCREET_CHECK -> ActionToTake.DISCREET_CHECK;
            default -> ActionToTake.REPORT;
        };
    }

    /** "Given Names Family" split before the last word. */
    private static Name split(String full) {
        String t = full.trim().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            throw new IllegalArgumentException("a name is empty");
        }
        int sp = t.lastIndexOf(' ');
        return sp < 0 ? new Name(null, List.of(), t, null, false, false)
                : new Name(t.substring(0, sp), List.of(), t.substring(sp + 1), null, false, false);
    }

    private static SourceWriter writer(String schema) {
        return SourceSchema.of(schema).writer();
    }

    /** The schemas whose writers say so, for a message: "europol". */
    private static String schemasThat(java.util.function.Predicate<SourceWriter> property) {
        return String.join(", ", java.util.Arrays.stream(SourceSchema.values()).filter(s -> property.test(s.writer()))
                .map(SourceSchema::id).toList());
    }

    private static String recordId(JsonNode n, String schema, QueryKind kind) {
        String id = text(n, "recordId", true);
        if (writer(schema).numericRecordIds(kind) && !id.matches("[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException("recordId must be a positive number for " + schema);
        }
        if (id.length() > 64) {
            throw new IllegalArgumentException("recordId is longer than 64 characters");
        }
        return id;
    }

    private static String requiredContact(JsonNode n, String path) {
        String c = text(n, "contactPoint", true);
        if (c.isBlank()) {
            throw new IllegalArgumentException(path + "contactPoint is required");
        }
        return c;
    }

    private static LocalDate date(JsonNode n, String field, String path) {
        String t = text(n, field, true);
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(path + ": expected YYYY-MM-DD");
        }
    }

    private static String country(JsonNode n, String field, boolean required) {
        String t = text(n, field, required);
        return t == null ? null : countryCode(t, field);
    }

    private static String countryCode(String code, String path) {
        String alpha3 = Countries.canonical(code.trim().toUpperCase(Locale.ROOT));
        if (alpha3 == null) {
            throw new IllegalArgumentException(path + ": unknown country code (ISO alpha-3 or ICAO expected)");
        }
        return alpha3;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String path) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": unknown value, expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static void onlyFields(JsonNode n, Set<String> allowed, String path) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + path + f + "'");
            }
        }
    }

    private static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing " + field);
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return v.asBoolean();
    }

    private static List<String> strings(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException(field + " must be an array of strings");
            }
            out.add(e.asText());
        }
        return out;
    }
}
