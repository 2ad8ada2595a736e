package org.frontline.source.europol;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.Clearance;
import org.frontline.model.Countries;
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

import java.util.List;
import java.util.Set;

import static org.frontline.source.SqlSupport.jsonArray;
import static org.frontline.source.SqlSupport.objects;
import static org.frontline.source.SqlSupport.split;

/**
 * Reads a Europol-style (EIS-like) source: one name field "FAMILY, Given Names", dates of birth as
 * text "DD.MM.YYYY" or "YYYY", alpha-2 countries, handling codes H0..H3 passed through unchanged.
 */
public final class EuropolConnector implements SourceConnector {

    private static final String PERSONS = """
            WITH hits AS (
                SELECT person_ref, similarity(lower(full_name), $1) AS sim FROM eis_person WHERE lower(full_name) % $1
                UNION ALL
                SELECT person_ref, similarity(lower(alias_full_name), $1) AS sim FROM eis_person_alias
                 WHERE lower(alias_full_name) % $1
            ), best AS (
                SELECT person_ref, max(sim) AS sim FROM hits GROUP BY person_ref ORDER BY sim DESC LIMIT $2
            )
            SELECT p.person_ref, p.full_name, p.dob_text, p.gender, p.nationality_iso2, p.handling_code,
                   (SELECT coalesce(json_agg(a.alias_full_name), '[]') FROM eis_person_alias a
                     WHERE a.person_ref = p.person_ref) AS aliases,
                   (SELECT coalesce(json_agg(json_build_object('id', f.flag_id, 'measure', f.measure,
                           'risk', f.risk_markers, 'flagged', f.flagged_on, 'countries', f.releasable_to,
                           'agencies', f.releasable_agency, 'clearance', f.min_clearance,
                           'onRestriction', f.on_restriction, 'contact', f.contact_unit)), '[]')
                      FROM eis_flag f WHERE f.person_ref = p.person_ref) AS flags
              FROM best b JOIN eis_person p ON p.person_ref = b.person_ref
             ORDER BY b.sim DESC
            """;

    private static final String DOCUMENTS = """
            SELECT doc_ref, doc_no, doc_country_iso2, doc_kind, doc_state, reported_on, linked_person_ref,
                   handling_code, releasable_to, contact_unit
              FROM eis_object_document WHERE doc_country_iso2 = $1 AND doc_no = $2
            """;

    private static final String VEHICLE_COLUMNS = """
            SELECT veh_ref, licence_plate, reg_country_iso2, vin, make_model, veh_state, reported_on,
                   handling_code, releasable_to, contact_unit FROM eis_object_vehicle
            """;
    private static final String VEHICLES_BY_PLATE = VEHICLE_COLUMNS
            + " WHERE reg_country_iso2 = $1 AND " + SqlSupport.normalisedPlate("licence_plate") + " = $2";
    private static final String VEHICLES_BY_VIN = VEHICLE_COLUMNS + " WHERE vin = $1";

    private final Pool pool;

    public EuropolConnector(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Set<QueryKind> kinds() {
        return Set.of(QueryKind.PERSON, QueryKind.DOCUMENT, QueryKind.VEHICLE);
    }

    @Override
    public Uni<List<PersonRecord>> findPersonCandidates(String searchName, int limit) {
        return SqlSupport.select(pool, PERSONS, Tuple.of(searchName, limit), EuropolConnector::person);
    }

    private static PersonRecord person(Row row) {
        String fullName = row.getString("full_name");
        int comma = fullName.indexOf(',');
        String family = comma < 0 ? null : fullName.substring(0, comma).trim();
        String given = comma < 0 ? null : fullName.substring(comma + 1).trim();
        String handlingCode = row.getString("handling_code");
        List<Alert> alerts = objects(jsonArray(row, "flags")).stream()
                .map(f -> flag(f, handlingCode))
                .toList();
        List<String> aliases = SqlSupport.strings(jsonArray(row, "aliases")).stream()
                .map(EuropolConnector::naturalOrder)
                .toList();
        return new PersonRecord(row.getString("person_ref"), given, family, naturalOrder(fullName), aliases,
                dateOfBirth(row.getString("dob_text")), sex(row.getString("gender")),
                Countries.alpha2ToAlpha3(row.getString("nationality_iso2")), alerts);
    }

    /** "FAMILY, Given Names" becomes "Given Names FAMILY". */
    static String naturalOrder(String eisName) {
        int comma = eisName.indexOf(',');
        return comma < 0 ? eisName.trim()
                : SqlSupport.joinNames(eisName.substring(comma + 1), eisName.substring(0, comma));
    }

    /** "DD.MM.YYYY" or "YYYY"; anything else is treated as unknown. */
    static PartialDate dateOfBirth(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.matches("\\d{4}")) {
                return PartialDate.ofYear(Integer.parseInt(text));
            }
            if (text.matches("\\d{2}\\.\\d{2}\\.\\d{4}")) {
                return new PartialDate(Integer.parseInt(text.substring(6)), Integer.parseInt(text.substring(3, 5)),
                        Integer.parseInt(text.substring(0, 2)));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static Alert flag(JsonObject f, String handlingCode) {
        String measure = f.getString("measure");
        AlertCategory category = switch (measure) {
            case "EAW_ARREST" -> AlertCategory.WANTED_FOR_ARREST;
            case "MISSING_PERSON" -> AlertCategory.MISSING_PERSON;
            case "DISCREET_SURVEILLANCE" -> AlertCategory.DISCREET_CHECK;
            case "SPECIFIC_CHECK" -> AlertCategory.SPECIFIC_CHECK;
            default -> AlertCategory.INFORMATION;
        };
        ActionToTake action = switch (measure) {
            case "EAW_ARREST" -> ActionToTake.ARREST;
            case "MISSING_PERSON" -> ActionToTake.LOCATE;
            case "DISCREET_SURVEILLANCE" -> ActionToTake.DISCREET_CHECK;
            default -> ActionToTake.REPORT;
        };
        List<SafetyWarning> warnings = SqlSupport.mapAll(split(f.getString("risk"), ";"), EuropolConnector::warning);
        HandlingRestrictions restrictions = new HandlingRestrictions(
                SqlSupport.mapToSet(split(f.getString("countries"), ","), Countries::alpha2ToAlpha3),
                Set.copyOf(split(f.getString("agencies"), ",")),
                Clearance.valueOf(f.getString("clearance")), handlingCode,
                "contact-only".equals(f.getString("onRestriction")) ? WhenRestricted.CONTACT_ONLY : WhenRestricted.HIDE);
        return new Alert("EIS-F-" + f.getValue("id"), category, action, warnings, SqlSupport.date(f, "flagged"),
                restrictions, f.getString("contact"));
    }

    static SafetyWarning warning(String marker) {
        return switch (marker) {
            case "ARMED" -> SafetyWarning.ARMED;
            case "VIOLENT" -> SafetyWarning.VIOLENT;
            case "ESCAPE" -> SafetyWarning.ESCAPE_RISK;
            case "SELF-HARM" -> SafetyWarning.SELF_HARM;
            default -> null;
        };
    }

    private static Sex sex(String gender) {
        if (gender == null) {
            return Sex.UNKNOWN;
        }
        return switch (gender) {
            case "male" -> Sex.MALE;
            case "female" -> Sex.FEMALE;
            default -> Sex.UNKNOWN;
        };
    }

    @Override
    public Uni<List<DocumentRecord>> findDocuments(DocumentQuery query) {
        String iso2 = Countries.alpha3ToAlpha2(query.issuingCountry());
        if (iso2 == null) {
            return Uni.createFrom().item(List.of());
        }
        return SqlSupport.select(pool, DOCUMENTS, Tuple.of(iso2, query.number()), EuropolConnector::document);
    }

    private static DocumentRecord document(Row row) {
        AlertCategory category = switch (row.getString("doc_state")) {
            case "stolen" -> AlertCategory.STOLEN_DOCUMENT;
            case "lost" -> AlertCategory.LOST_DOCUMENT;
            default -> AlertCategory.REVOKED_DOCUMENT;
        };
        DocumentType type = switch (row.getString("doc_kind")) {
            case "passport" -> DocumentType.PASSPORT;
            case "identity card" -> DocumentType.ID_CARD;
            case "residence permit" -> DocumentType.RESIDENCE_PERMIT;
            default -> DocumentType.VISA;
        };
        Alert alert = new Alert(row.getString("doc_ref"), category, ActionToTake.SEIZE, List.of(),
                row.getLocalDate("reported_on"), objectRestrictions(row), row.getString("contact_unit"));
        return new DocumentRecord(row.getString("doc_ref"), row.getString("doc_no"),
                Countries.alpha2ToAlpha3(row.getString("doc_country_iso2")), type,
                row.getString("linked_person_ref"), List.of(alert));
    }

    @Override
    public Uni<List<VehicleRecord>> findVehicles(VehicleQuery query) {
        return SqlSupport.vehicles(pool, query, Countries.alpha3ToAlpha2(query.registrationCountry()),
                VEHICLES_BY_PLATE, VEHICLES_BY_VIN, EuropolConnector::vehicle);
    }

    private static VehicleRecord vehicle(Row row) {
        String state = row.getString("veh_state");
        boolean stolen = "stolen".equals(state);
        Alert alert = new Alert(row.getString("veh_ref"), stolen ? AlertCategory.STOLEN_VEHICLE : AlertCategory.WANTED_VEHICLE,
                ActionToTake.SEIZE, List.of(), row.getLocalDate("reported_on"), objectRestrictions(row),
                row.getString("contact_unit"));
        return new VehicleRecord(row.getString("veh_ref"), row.getString("licence_plate"),
                Countries.alpha2ToAlpha3(row.getString("reg_country_iso2")), row.getString("vin"),
                row.getString("make_model"), List.of(alert));
    }

    private static HandlingRestrictions objectRestrictions(Row row) {
        return new HandlingRestrictions(
                SqlSupport.mapToSet(split(row.getString("releasable_to"), ","), Countries::alpha2ToAlpha3),
                Set.of(), Clearance.UNCLASSIFIED, row.getString("handling_code"), WhenRestricted.HIDE);
    }

    @Override
    public Uni<Void> ping() {
        return pool.query("SELECT 1").execute().replaceWithVoid();
    }
}
