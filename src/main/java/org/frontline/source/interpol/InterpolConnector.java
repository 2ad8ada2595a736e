package org.frontline.source.interpol;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.Clearance;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.SafetyWarning;
import org.frontline.model.Sex;
import org.frontline.model.VehicleQuery;
import org.frontline.model.VehicleRecord;
import org.frontline.model.WhenRestricted;
import org.frontline.source.SourceConnector;
import org.frontline.source.SqlSupport;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.frontline.source.SqlSupport.jsonArray;
import static org.frontline.source.SqlSupport.joinNames;
import static org.frontline.source.SqlSupport.objects;
import static org.frontline.source.SqlSupport.strings;

/**
 * Reads an INTERPOL-style source: notices on subjects (forename / family name, DATE of birth or
 * birth year, alpha-3 nationality), SLTD documents and SMV vehicles.
 */
public final class InterpolConnector implements SourceConnector {

    private static final String NAME = "lower(coalesce(forename, '') || ' ' || family_name)";

    private static final String PERSONS = """
            WITH hits AS (
                SELECT subject_id, similarity(%1$s, $1) AS sim FROM notice_subject WHERE %1$s %% $1
                UNION ALL
                SELECT subject_id, similarity(%1$s, $1) AS sim FROM subject_alias WHERE %1$s %% $1
            ), best AS (
                SELECT subject_id, max(sim) AS sim FROM hits GROUP BY subject_id ORDER BY sim DESC LIMIT $2
            )
            SELECT s.subject_id, s.family_name, s.forename, s.birth_date, s.birth_year, s.sex, s.nationality,
                   (SELECT coalesce(json_agg(json_build_object('forename', a.forename, 'family', a.family_name)), '[]')
                      FROM subject_alias a WHERE a.subject_id = s.subject_id) AS aliases,
                   (SELECT coalesce(json_agg(json_build_object('id', n.notice_id, 'colour', n.colour,
                           'action', n.requested_action, 'caution', n.caution, 'issued', n.issued_on,
                           'countries', n.restricted_to, 'clearance', n.min_clearance,
                           'ifRestricted', n.if_restricted, 'contact', n.ncb_contact)), '[]')
                      FROM notice n WHERE n.subject_id = s.subject_id) AS notices
              FROM best b JOIN notice_subject s ON s.subject_id = b.subject_id
             ORDER BY b.sim DESC
            """.formatted(NAME);

    private static final String DOCUMENTS = """
            SELECT document_number, issuing_country, document_type, status, reported_on, holder_subject_id,
                   restricted_to, reporting_ncb
              FROM sltd_document WHERE issuing_country = $1 AND document_number = $2
            """;

    private static final String VEHICLE_COLUMNS = """
            SELECT vehicle_id, plate, registration_country, vin, make, model, colour, reported_stolen_on,
                   restricted_to, reporting_ncb FROM smv_vehicle
            """;
    private static final String VEHICLES_BY_PLATE = VEHICLE_COLUMNS
            + " WHERE registration_country = $1 AND " + SqlSupport.normalisedPlate("plate") + " = $2";
    private static final String VEHICLES_BY_VIN = VEHICLE_COLUMNS + " WHERE vin = $1";

    private final Pool pool;

    public InterpolConnector(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Set<QueryKind> kinds() {
        return Set.of(QueryKind.PERSON, QueryKind.DOCUMENT, QueryKind.VEHICLE);
    }

    @Override
    public Uni<List<PersonRecord>> findPersonCandidates(String searchName, int limit) {
        return SqlSupport.select(pool, PERSONS, Tuple.of(searchName, limit), InterpolConnector::person);
    }

    private static PersonRecord person(Row row) {
        String forename = row.getString("forename");
        String family = row.getString("family_name");
        LocalDate birthDate = row.getLocalDate("birth_date");
        Short birthYear = row.getShort("birth_year");
        PartialDate dob = birthDate != null ? PartialDate.of(birthDate)
                : birthYear != null ? PartialDate.ofYear(birthYear) : null;
        List<String> aliases = objects(jsonArray(row, "aliases")).stream()
                .map(a -> joinNames(a.getString("forename"), a.getString("family")))
                .toList();
        List<Alert> alerts = objects(jsonArray(row, "notices")).stream()
                .map(InterpolConnector::notice)
                .toList();
        return new PersonRecord(String.valueOf(row.getLong("subject_id")), forename, family,
                joinNames(forename, family), aliases, dob, sex(row.getString("sex")),
                row.getString("nationality"), alerts);
    }

    private static Alert notice(JsonObject n) {
        HandlingRestrictions restrictions = new HandlingRestrictions(
                Set.copyOf(strings(n.getJsonArray("countries"))), Set.of(),
                Clearance.valueOf(n.getString("clearance")), null,
                "CONTACT_ONLY".equals(n.getString("ifRestricted")) ? WhenRestricted.CONTACT_ONLY : WhenRestricted.HIDE);
        return new Alert(n.getString("id"), category(n.getString("colour")), action(n.getString("action")),
                SqlSupport.mapAll(strings(n.getJsonArray("caution")), InterpolConnector::warning),
                SqlSupport.date(n, "issued"), restrictions, n.getString("contact"));
    }

    static AlertCategory category(String colour) {
        return switch (colour) {
            case "RED" -> AlertCategory.WANTED_FOR_ARREST;
            case "YELLOW" -> AlertCategory.MISSING_PERSON;
            case "BLUE" -> AlertCategory.DISCREET_CHECK;
            case "GREEN" -> AlertCategory.DANGEROUS_PERSON;
            case "ORANGE" -> AlertCategory.DANGEROUS_PERSON;
            default -> AlertCategory.INFORMATION;
        };
    }

    static ActionToTake action(String requested) {
        return switch (requested) {
            case "PROVISIONAL_ARREST" -> ActionToTake.ARREST;
            case "LOCATE" -> ActionToTake.LOCATE;
            case "DISCREET_CHECK" -> ActionToTake.DISCREET_CHECK;
            case "REPORT" -> ActionToTake.REPORT;
            default -> ActionToTake.NO_ACTION;
        };
    }

    static SafetyWarning warning(String caution) {
        return switch (caution) {
            case "ARMED" -> SafetyWarning.ARMED;
            case "VIOLENT" -> SafetyWarning.VIOLENT;
            case "ESCAPE_RISK" -> SafetyWarning.ESCAPE_RISK;
            case "SUICIDAL" -> SafetyWarning.SELF_HARM;
            case "CONTAGIOUS" -> SafetyWarning.CONTAGIOUS;
            default -> null;
        };
    }

    private static Sex sex(String code) {
        if (code == null) {
            return Sex.UNKNOWN;
        }
        return switch (code) {
            case "M" -> Sex.MALE;
            case "F" -> Sex.FEMALE;
            default -> Sex.UNKNOWN;
        };
    }

    @Override
    public Uni<List<DocumentRecord>> findDocuments(DocumentQuery query) {
        return SqlSupport.select(pool, DOCUMENTS, Tuple.of(query.issuingCountry(), query.number()),
                InterpolConnector::document);
    }

    private static DocumentRecord document(Row row) {
        String status = row.getString("status");
        AlertCategory category = switch (status) {
            case "STOLEN" -> AlertCategory.STOLEN_DOCUMENT;
            case "LOST" -> AlertCategory.LOST_DOCUMENT;
            default -> AlertCategory.REVOKED_DOCUMENT;
        };
        String number = row.getString("document_number");
        String country = row.getString("issuing_country");
        Alert alert = new Alert("SLTD-" + country + "-" + number, category, ActionToTake.SEIZE, List.of(),
                row.getLocalDate("reported_on"), SqlSupport.visibleTo(row.getArrayOfStrings("restricted_to")),
                row.getString("reporting_ncb"));
        Long holder = row.getLong("holder_subject_id");
        return new DocumentRecord(country + "/" + number, number, country,
                DocumentType.valueOf(row.getString("document_type")),
                holder == null ? null : String.valueOf(holder), List.of(alert));
    }

    @Override
    public Uni<List<VehicleRecord>> findVehicles(VehicleQuery query) {
        return SqlSupport.vehicles(pool, query, query.registrationCountry(), VEHICLES_BY_PLATE, VEHICLES_BY_VIN,
                InterpolConnector::vehicle);
    }

    private static VehicleRecord vehicle(Row row) {
        String id = String.valueOf(row.getLong("vehicle_id"));
        Alert alert = new Alert("SMV-" + id, AlertCategory.STOLEN_VEHICLE, ActionToTake.SEIZE, List.of(),
                row.getLocalDate("reported_stolen_on"), SqlSupport.visibleTo(row.getArrayOfStrings("restricted_to")),
                row.getString("reporting_ncb"));
        return new VehicleRecord(id, row.getString("plate"), row.getString("registration_country"),
                row.getString("vin"), joinNames(row.getString("colour"), row.getString("make"), row.getString("model")),
                List.of(alert));
    }

    @Override
    public Uni<Void> ping() {
        return pool.query("SELECT 1").execute().replaceWithVoid();
    }
}
