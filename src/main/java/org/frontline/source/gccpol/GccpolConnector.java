package org.frontline.source.gccpol;

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
import org.frontline.model.VehicleQuery;
import org.frontline.model.VehicleRecord;
import org.frontline.model.WhenRestricted;
import org.frontline.source.SourceConnector;
import org.frontline.source.SqlSupport;
import org.frontline.source.UnreadableCodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.frontline.source.SqlSupport.jsonArray;
import static org.frontline.source.SqlSupport.objects;
import static org.frontline.source.SqlSupport.listOrNull;
import static org.frontline.source.SqlSupport.strings;
import static org.frontline.source.SqlSupport.stringsOrNull;

/**
 * Reads a GCCPOL-style source: four-part Arab names (first, father, grandfather, family) plus the
 * name in Arabic script, dates of birth as ISO text or year, alpha-2 countries, circulars.
 */
public final class GccpolConnector implements SourceConnector {


    private static final String PERSONS = SqlSupport.personCandidates("individual_id") + """
            SELECT i.individual_id, i.first_name, i.father_name, i.grandfather_name, i.family_name, i.name_ar,
                   i.birth_date, i.gender, i.nationality,
                   (SELECT coalesce(json_agg(a.alias_name), '[]') FROM gcc_individual_alias a
                     WHERE a.individual_id = i.individual_id) AS aliases,
                   (SELECT coalesce(json_agg(json_build_object('no', c.circular_no, 'type', c.circular_type,
                           'instruction', c.instruction, 'hazards', c.hazards, 'issued', c.issued_at,
                           'shared', c.shared_with, 'clearance', c.clearance, 'whenRestricted', c.when_restricted,
                           'authority', c.issuing_authority)), '[]')
                      FROM gcc_circular c WHERE c.individual_id = i.individual_id) AS circulars,
            """ + SqlSupport.nameFrequencyColumns("i.individual_id") + """
              FROM best b JOIN gcc_individual i ON i.individual_id = b.individual_id
             ORDER BY b.sim DESC
            """;

    /**
     * The document look-up: $1 every form of the issuing country this source might hold, $2 the number
     * normalised. Public for the peers load driver's copy (loadtests/peers, pinned by PeersDocumentSqlTest).
     */
    public static final String DOCUMENTS = """
            SELECT document_id, document_no, issuing_state, document_kind, document_status, status_date,
                   individual_id, shared_with, issuing_authority
              FROM gcc_document WHERE issuing_state = ANY($1) AND %s = $2
            """.formatted(SqlSupport.normalisedIdentifier("document_no"));

    private static final String VEHICLE_COLUMNS = """
            SELECT vehicle_id, plate_no, plate_state, vin, make, vehicle_status, status_date, shared_with,
                   issuing_authority FROM gcc_vehicle
            """;
    private static final String VEHICLES_BY_PLATE = VEHICLE_COLUMNS
            + " WHERE plate_state = ANY($1) AND " + SqlSupport.normalisedPlate("plate_no") + " = $2";
    private static final String VEHICLES_BY_VIN = VEHICLE_COLUMNS + " WHERE vin = $1";

    private final Pool pool;
    private final UnreadableCodes unreadable;

    /** A connector that reads restriction lists without counting what it cannot read (tooling, tests). */
    public GccpolConnector(Pool pool) {
        this(pool, UnreadableCodes.UNCOUNTED);
    }

    public GccpolConnector(Pool pool, UnreadableCodes unreadable) {
        this.pool = pool;
        this.unreadable = unreadable;
    }

    @Override
    public Set<QueryKind> kinds() {
        return Set.of(QueryKind.PERSON, QueryKind.DOCUMENT, QueryKind.VEHICLE);
    }

    @Override
    public Uni<List<PersonRecord>> findPersonCandidates(String searchName, Integer birthYear, int limit) {
        return SqlSupport.select(pool, PERSONS, SqlSupport.personSearch(searchName, birthYear, limit), this::individual);
    }

    private PersonRecord individual(Row row) {
        String first = row.getString("first_name");
        String father = row.getString("father_name");
        String grandfather = row.getString("grandfather_name");
        String family = row.getString("family_name");
        List<String> aliases = new ArrayList<>(strings(jsonArray(row, "aliases")));
        String arabic = row.getString("name_ar");
        if (arabic != null && !arabic.isBlank()) {
            aliases.add(arabic);
        }
        List<Alert> alerts = objects(jsonArray(row, "circulars")).stream().map(this::circular).toList();
        String fullName = GccpolVocabulary.fullName(first, father, grandfather, family);
        return new PersonRecord(String.valueOf(row.getLong("individual_id")),
                GccpolVocabulary.givenNames(first, father, grandfather), family,
                fullName, aliases,
                GccpolVocabulary.dateOfBirth(row.getString("birth_date")), GccpolVocabulary.sex(row.getString("gender")),
                GccpolVocabulary.country(row.getString("nationality")), alerts,
                SqlSupport.nameStatistics(row, fullName));
    }

    private Alert circular(JsonObject c) {
        HandlingRestrictions restrictions = new HandlingRestrictions(
                unreadable.countries(GccpolVocabulary.sharedWith(stringsOrNull(c.getJsonArray("shared"))), null),
                Set.of(),
                GccpolVocabulary.CLEARANCE.valueOr(c.getString("clearance"), SqlSupport.UNKNOWN_CLEARANCE), null,
                GccpolVocabulary.WHEN_RESTRICTED.valueOr(c.getString("whenRestricted"), WhenRestricted.HIDE));
        return new Alert(c.getString("no"),
                GccpolVocabulary.CIRCULAR_TYPE.valueOr(c.getString("type"), AlertCategory.DANGEROUS_PERSON),
                GccpolVocabulary.INSTRUCTION.valueOr(c.getString("instruction"), ActionToTake.REPORT),
                GccpolVocabulary.HAZARD.readAll(strings(c.getJsonArray("hazards"))),
                SqlSupport.date(c, "issued"), restrictions, c.getString("authority"));
    }

    @Override
    public Uni<List<DocumentRecord>> findDocuments(DocumentQuery query) {
        return SqlSupport.documents(pool, DOCUMENTS, GccpolVocabulary.COUNTRY.queryForms(query.issuingCountry()),
                query.number(), this::document);
    }

    private DocumentRecord document(Row row) {
        AlertCategory category = GccpolVocabulary.DOCUMENT_STATUS.valueOr(row.getString("document_status"),
                AlertCategory.REVOKED_DOCUMENT);
        String id = String.valueOf(row.getLong("document_id"));
        Alert alert = new Alert("GCC-D-" + id, category, GccpolVocabulary.documentAction(category), List.of(),
                row.getLocalDate("status_date"), sharedWith(row), row.getString("issuing_authority"));
        Long holder = row.getLong("individual_id");
        return new DocumentRecord(id, row.getString("document_no"), GccpolVocabulary.country(row.getString("issuing_state")),
                GccpolVocabulary.DOCUMENT_KIND.valueOr(row.getString("document_kind"), DocumentType.RESIDENCE_PERMIT),
                holder == null ? null : String.valueOf(holder), List.of(alert));
    }

    @Override
    public Uni<List<VehicleRecord>> findVehicles(VehicleQuery query) {
        return SqlSupport.vehicles(pool, query, GccpolVocabulary.COUNTRY.queryForms(query.registrationCountry()),
                VEHICLES_BY_PLATE, VEHICLES_BY_VIN, this::vehicle);
    }

    private VehicleRecord vehicle(Row row) {
        String id = String.valueOf(row.getLong("vehicle_id"));
        String status = row.getString("vehicle_status");
        Alert alert = new Alert("GCC-V-" + id, GccpolVocabulary.VEHICLE_STATUS.valueOr(status, AlertCategory.WANTED_VEHICLE),
                GccpolVocabulary.vehicleAction(status), List.of(), row.getLocalDate("status_date"), sharedWith(row),
                row.getString("issuing_authority"));
        return new VehicleRecord(id, row.getString("plate_no"), GccpolVocabulary.country(row.getString("plate_state")),
                row.getString("vin"), row.getString("make"), List.of(alert));
    }

    private HandlingRestrictions sharedWith(Row row) {
        return unreadable.visibleTo(GccpolVocabulary.sharedWith(listOrNull(row.getArrayOfStrings("shared_with"))));
    }

    @Override
    public Uni<Void> ping() {
        return pool.query("SELECT 1").execute().replaceWithVoid();
    }
}
