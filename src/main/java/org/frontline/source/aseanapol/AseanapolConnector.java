package org.frontline.source.aseanapol;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.Sex;
import org.frontline.model.VehicleQuery;
import org.frontline.model.VehicleRecord;
import org.frontline.source.SourceConnector;
import org.frontline.source.SqlSupport;
import org.frontline.source.UnreadableCodes;

import java.util.List;
import java.util.Set;

import static org.frontline.source.SqlSupport.jsonArray;
import static org.frontline.source.SqlSupport.objects;
import static org.frontline.source.SqlSupport.strings;

/**
 * Reads an ASEANAPOL-style source: one name field as written on the subject's documents (so the
 * family name may come first), dates of birth as YYYYMMDD with 00 for unknown parts, ICAO country
 * codes (D for Germany).
 */
public final class AseanapolConnector implements SourceConnector {

    private static final String PERSONS = SqlSupport.personCandidates("subject_no") + """
            SELECT s.subject_no, s.full_name, s.dob, s.sex, s.citizenship_icao,
                   (SELECT coalesce(json_agg(a.aka_name), '[]') FROM subject_aka a
                     WHERE a.subject_no = s.subject_no) AS aliases,
                   (SELECT coalesce(json_agg(json_build_object('id', w.entry_id, 'type', w.entry_type,
                           'response', w.response_code, 'flags', w.safety_flags, 'listed', w.date_listed,
                           'dissemination', w.dissemination, 'members', w.member_states,
                           'classification', w.classification, 'contactOnly', w.contact_only_when_restricted,
                           'ncb', w.originating_ncb)), '[]')
                      FROM watchlist_entry w WHERE w.subject_no = s.subject_no) AS entries,
            """ + SqlSupport.nameFrequencyColumns("s.subject_no") + """
              FROM best b JOIN subject s ON s.subject_no = b.subject_no
             ORDER BY b.sim DESC
            """;

    /**
     * The document look-up: $1 every form of the issuing country this source might hold, $2 the number
     * normalised. Public for the peers load driver's copy (loadtests/peers, pinned by PeersDocumentSqlTest).
     */
    public static final String DOCUMENTS = """
            SELECT td_id, td_number, issuer_icao, td_type, td_status, status_date, holder_subject_no,
                   member_states, originating_ncb
              FROM travel_document WHERE issuer_icao = ANY($1) AND %s = $2
            """.formatted(SqlSupport.normalisedIdentifier("td_number"));

    private static final String VEHICLE_COLUMNS = """
            SELECT conveyance_id, reg_no, reg_icao, chassis_no, description, conveyance_status, status_date,
                   member_states, originating_ncb FROM conveyance
            """;
    private static final String VEHICLES_BY_PLATE = VEHICLE_COLUMNS
            + " WHERE reg_icao = ANY($1) AND " + SqlSupport.normalisedPlate("reg_no") + " = $2";
    private static final String VEHICLES_BY_VIN = VEHICLE_COLUMNS + " WHERE chassis_no = $1";

    private final Pool pool;
    private final UnreadableCodes unreadable;

    /** A connector that reads restriction lists without counting what it cannot read (tooling, tests). */
    public AseanapolConnector(Pool pool) {
        this(pool, UnreadableCodes.UNCOUNTED);
    }

    public AseanapolConnector(Pool pool, UnreadableCodes unreadable) {
        this.pool = pool;
        this.unreadable = unreadable;
    }

    @Override
    public Set<QueryKind> kinds() {
        return Set.of(QueryKind.PERSON, QueryKind.DOCUMENT, QueryKind.VEHICLE);
    }

    @Override
    public Uni<List<PersonRecord>> findPersonCandidates(String searchName, Integer birthYear, int limit) {
        return SqlSupport.select(pool, PERSONS, SqlSupport.personSearch(searchName, birthYear, limit), this::subject);
    }

    private PersonRecord subject(Row row) {
        List<Alert> alerts = objects(jsonArray(row, "entries")).stream().map(this::entry).toList();
        String fullName = row.getString("full_name");
        return new PersonRecord(row.getString("subject_no"), null, null, fullName,
                strings(jsonArray(row, "aliases")), AseanapolVocabulary.dateOfBirth(row.getString("dob")),
                AseanapolVocabulary.SEX.valueOr(row.getString("sex"), Sex.UNKNOWN),
                AseanapolVocabulary.country(row.getString("citizenship_icao")), alerts,
                SqlSupport.nameStatistics(row, fullName));
    }

    private Alert entry(JsonObject e) {
        HandlingRestrictions restrictions = new HandlingRestrictions(
                unreadable.countries(AseanapolVocabulary.disseminatedTo(e.getString("dissemination"), e.getString("members")), null),
                Set.of(),
                AseanapolVocabulary.CLASSIFICATION.valueOr(e.getString("classification"), SqlSupport.UNKNOWN_CLEARANCE),
                null, AseanapolVocabulary.whenRestricted(e.getBoolean("contactOnly")));
        return new Alert("ASN-W-" + e.getValue("id"),
                AseanapolVocabulary.ENTRY_TYPE.valueOr(e.getString("type"), AlertCategory.DANGEROUS_PERSON),
                AseanapolVocabulary.RESPONSE_CODE.valueOr(e.getString("response"), ActionToTake.REPORT),
                AseanapolVocabulary.safetyFlags(e.getString("flags")),
                SqlSupport.date(e, "listed"), restrictions, e.getString("ncb"));
    }

    @Override
    public Uni<List<DocumentRecord>> findDocuments(DocumentQuery query) {
        return SqlSupport.documents(pool, DOCUMENTS, AseanapolVocabulary.COUNTRY.queryForms(query.issuingCountry()),
                query.number(), this::document);
    }

    private DocumentRecord document(Row row) {
        AlertCategory category = AseanapolVocabulary.TD_STATUS.valueOr(row.getString("td_status"),
                AlertCategory.REVOKED_DOCUMENT);
        String id = String.valueOf(row.getLong("td_id"));
        Alert alert = new Alert("ASN-D-" + id, category, AseanapolVocabulary.documentAction(category), List.of(),
                row.getLocalDate("status_date"), members(row.getString("member_states")), row.getString("originating_ncb"));
        return new DocumentRecord(id, row.getString("td_number"), AseanapolVocabulary.country(row.getString("issuer_icao")),
                AseanapolVocabulary.TD_TYPE.valueOr(row.getString("td_type"), DocumentType.TRAVEL_DOCUMENT),
                row.getString("holder_subject_no"), List.of(alert));
    }

    @Override
    public Uni<List<VehicleRecord>> findVehicles(VehicleQuery query) {
        return SqlSupport.vehicles(pool, query, AseanapolVocabulary.COUNTRY.queryForms(query.registrationCountry()),
                VEHICLES_BY_PLATE, VEHICLES_BY_VIN, this::conveyance);
    }

    private VehicleRecord conveyance(Row row) {
        String id = String.valueOf(row.getLong("conveyance_id"));
        String status = row.getString("conveyance_status");
        Alert alert = new Alert("ASN-V-" + id,
                AseanapolVocabulary.CONVEYANCE_STATUS.valueOr(status, AlertCategory.WANTED_VEHICLE),
                AseanapolVocabulary.vehicleAction(status), List.of(), row.getLocalDate("status_date"),
                members(row.getString("member_states")), row.getString("originating_ncb"));
        return new VehicleRecord(id, row.getString("reg_no"), AseanapolVocabulary.country(row.getString("reg_icao")),
                row.getString("chassis_no"), row.getString("description"), List.of(alert));
    }

    private HandlingRestrictions members(String pipeSeparated) {
        return unreadable.visibleTo(AseanapolVocabulary.memberStates(pipeSeparated));
    }

    @Override
    public Uni<Void> ping() {
        return pool.query("SELECT 1").execute().replaceWithVoid();
    }
}
