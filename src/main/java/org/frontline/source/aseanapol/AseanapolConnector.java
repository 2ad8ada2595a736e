package org.frontline.source.aseanapol;

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
import static org.frontline.source.SqlSupport.strings;

/**
 * Reads an ASEANAPOL-style source: one name field as written on the subject's documents (so the
 * family name may come first), dates of birth as YYYYMMDD with 00 for unknown parts, ICAO country
 * codes (D for Germany).
 */
public final class AseanapolConnector implements SourceConnector {

    private static final String PERSONS = """
            WITH hits AS (
                SELECT subject_no, similarity(lower(full_name), $1) AS sim FROM subject WHERE lower(full_name) % $1
                UNION ALL
                SELECT subject_no, similarity(lower(aka_name), $1) AS sim FROM subject_aka WHERE lower(aka_name) % $1
            ), best AS (
                SELECT subject_no, max(sim) AS sim FROM hits GROUP BY subject_no ORDER BY sim DESC LIMIT $2
            )
            SELECT s.subject_no, s.full_name, s.dob, s.sex, s.citizenship_icao,
                   (SELECT coalesce(json_agg(a.aka_name), '[]') FROM subject_aka a
                     WHERE a.subject_no = s.subject_no) AS aliases,
                   (SELECT coalesce(json_agg(json_build_object('id', w.entry_id, 'type', w.entry_type,
                           'response', w.response_code, 'flags', w.safety_flags, 'listed', w.date_listed,
                           'dissemination', w.dissemination, 'members', w.member_states,
                           'classification', w.classification, 'contactOnly', w.contact_only_when_restricted,
                           'ncb', w.originating_ncb)), '[]')
                      FROM watchlist_entry w WHERE w.subject_no = s.subject_no) AS entries
              FROM best b JOIN subject s ON s.subject_no = b.subject_no
             ORDER BY b.sim DESC
            """;

    private static final String DOCUMENTS = """
            SELECT td_id, td_number, issuer_icao, td_type, td_status, status_date, holder_subject_no,
                   member_states, originating_ncb
              FROM travel_document WHERE issuer_icao = $1 AND td_number = $2
            """;

    private static final String VEHICLE_COLUMNS = """
            SELECT conveyance_id, reg_no, reg_icao, chassis_no, description, conveyance_status, status_date,
                   member_states, originating_ncb FROM conveyance
            """;
    private static final String VEHICLES_BY_PLATE = VEHICLE_COLUMNS
            + " WHERE reg_icao = $1 AND " + SqlSupport.normalisedPlate("reg_no") + " = $2";
    private static final String VEHICLES_BY_VIN = VEHICLE_COLUMNS + " WHERE chassis_no = $1";

    private final Pool pool;

    public AseanapolConnector(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Set<QueryKind> kinds() {
        return Set.of(QueryKind.PERSON, QueryKind.DOCUMENT, QueryKind.VEHICLE);
    }

    @Override
    public Uni<List<PersonRecord>> findPersonCandidates(String searchName, int limit) {
        return SqlSupport.select(pool, PERSONS, Tuple.of(searchName, limit), AseanapolConnector::subject);
    }

    private static PersonRecord subject(Row row) {
        List<Alert> alerts = objects(jsonArray(row, "entries")).stream().map(AseanapolConnector::entry).toList();
        String sex = row.getString("sex");
        return new PersonRecord(row.getString("subject_no"), null, null, row.getString("full_name"),
                strings(jsonArray(row, "aliases")), dateOfBirth(row.getString("dob")),
                "MALE".equals(sex) ? Sex.MALE : "FEMALE".equals(sex) ? Sex.FEMALE : Sex.UNKNOWN,
                Countries.icaoToAlpha3(row.getString("citizenship_icao")), alerts);
    }

    /** YYYYMMDD with 00 for an unknown month or day. */
    static PartialDate dateOfBirth(String text) {
        if (text == null || !text.matches("\\d{8}")) {
            return null;
        }
        try {
            int month = Integer.parseInt(text.substring(4, 6));
            int day = Integer.parseInt(text.substring(6, 8));
            return new PartialDate(Integer.parseInt(text.substring(0, 4)), month, month == 0 ? 0 : day);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Alert entry(JsonObject e) {
        AlertCategory category = switch (e.getString("type")) {
            case "WANTED" -> AlertCategory.WANTED_FOR_ARREST;
            case "MISSING" -> AlertCategory.MISSING_PERSON;
            case "SUSPECT" -> AlertCategory.SPECIFIC_CHECK;
            default -> AlertCategory.DANGEROUS_PERSON;
        };
        ActionToTake action = switch (e.getString("response")) {
            case "APPREHEND" -> ActionToTake.ARREST;
            case "LOCATE" -> ActionToTake.LOCATE;
            case "OBSERVE" -> ActionToTake.DISCREET_CHECK;
            default -> ActionToTake.REPORT;
        };
        Set<String> countries = "LISTED_MEMBERS".equals(e.getString("dissemination"))
                ? SqlSupport.mapToSet(split(e.getString("members"), "\\|"), Countries::icaoToAlpha3)
                : Set.of();
        HandlingRestrictions restrictions = new HandlingRestrictions(countries, Set.of(),
                Clearance.valueOf(e.getString("classification")), null,
                Boolean.TRUE.equals(e.getBoolean("contactOnly")) ? WhenRestricted.CONTACT_ONLY : WhenRestricted.HIDE);
        return new Alert("ASN-W-" + e.getValue("id"), category, action,
                SqlSupport.mapAll(split(e.getString("flags"), "\\|"), AseanapolConnector::flag),
                SqlSupport.date(e, "listed"), restrictions, e.getString("ncb"));
    }

    static SafetyWarning flag(String code) {
        return switch (code) {
            case "ARMED" -> SafetyWarning.ARMED;
            case "VIOLENT" -> SafetyWarning.VIOLENT;
            case "FLIGHT_RISK" -> SafetyWarning.ESCAPE_RISK;
            case "SELF_HARM" -> SafetyWarning.SELF_HARM;
            default -> null;
        };
    }

    @Override
    public Uni<List<DocumentRecord>> findDocuments(DocumentQuery query) {
        return SqlSupport.select(pool, DOCUMENTS, Tuple.of(Countries.alpha3ToIcao(query.issuingCountry()), query.number()),
                AseanapolConnector::document);
    }

    private static DocumentRecord document(Row row) {
        AlertCategory category = switch (row.getString("td_status")) {
            case "STOLEN" -> AlertCategory.STOLEN_DOCUMENT;
            case "LOST" -> AlertCategory.LOST_DOCUMENT;
            default -> AlertCategory.REVOKED_DOCUMENT;
        };
        DocumentType type = switch (row.getString("td_type")) {
            case "P" -> DocumentType.PASSPORT;
            case "I" -> DocumentType.ID_CARD;
            case "V" -> DocumentType.VISA;
            default -> DocumentType.TRAVEL_DOCUMENT;
        };
        String id = String.valueOf(row.getLong("td_id"));
        Alert alert = new Alert("ASN-D-" + id, category, ActionToTake.SEIZE, List.of(), row.getLocalDate("status_date"),
                members(row.getString("member_states")), row.getString("originating_ncb"));
        return new DocumentRecord(id, row.getString("td_number"), Countries.icaoToAlpha3(row.getString("issuer_icao")),
                type, row.getString("holder_subject_no"), List.of(alert));
    }

    @Override
    public Uni<List<VehicleRecord>> findVehicles(VehicleQuery query) {
        String icao = query.registrationCountry() == null ? null : Countries.alpha3ToIcao(query.registrationCountry());
        return SqlSupport.vehicles(pool, query, icao, VEHICLES_BY_PLATE, VEHICLES_BY_VIN, AseanapolConnector::conveyance);
    }

    private static VehicleRecord conveyance(Row row) {
        String id = String.valueOf(row.getLong("conveyance_id"));
        boolean stolen = "STOLEN".equals(row.getString("conveyance_status"));
        Alert alert = new Alert("ASN-V-" + id, stolen ? AlertCategory.STOLEN_VEHICLE : AlertCategory.WANTED_VEHICLE,
                ActionToTake.SEIZE, List.of(), row.getLocalDate("status_date"), members(row.getString("member_states")),
                row.getString("originating_ncb"));
        return new VehicleRecord(id, row.getString("reg_no"), Countries.icaoToAlpha3(row.getString("reg_icao")),
                row.getString("chassis_no"), row.getString("description"), List.of(alert));
    }

    private static HandlingRestrictions members(String pipeSeparated) {
        return SqlSupport.visibleTo(SqlSupport.mapToSet(split(pipeSeparated, "\\|"), Countries::icaoToAlpha3));
    }

    @Override
    public Uni<Void> ping() {
        return pool.query("SELECT 1").execute().replaceWithVoid();
    }
}
