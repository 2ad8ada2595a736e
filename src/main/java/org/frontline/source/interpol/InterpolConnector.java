package org.frontline.source.interpol;

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
import org.frontline.model.PartialDate;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.Sex;
import org.frontline.model.VehicleQuery;
import org.frontline.model.VehicleRecord;
import org.frontline.model.WhenRestricted;
import org.frontline.source.SourceConnector;
import org.frontline.source.SqlSupport;
import org.frontline.source.UnreadableCodes;

import java.util.List;
import java.util.Set;

import static org.frontline.source.SqlSupport.jsonArray;
import static org.frontline.source.SqlSupport.joinNames;
import static org.frontline.source.SqlSupport.objects;
import static org.frontline.source.SqlSupport.listOrNull;
import static org.frontline.source.SqlSupport.strings;
import static org.frontline.source.SqlSupport.stringsOrNull;

/**
 * Reads an INTERPOL-style source: notices on subjects (forename / family name, DATE of birth or
 * birth year, alpha-3 nationality), SLTD documents and SMV vehicles.
 */
public final class InterpolConnector implements SourceConnector {


    private static final String PERSONS = SqlSupport.personCandidates("subject_id") + """
            SELECT s.subject_id, s.family_name, s.forename, s.birth_date, s.birth_year, s.sex, s.nationality,
                   (SELECT coalesce(json_agg(json_build_object('forename', a.forename, 'family', a.family_name)), '[]')
                      FROM subject_alias a WHERE a.subject_id = s.subject_id) AS aliases,
                   (SELECT coalesce(json_agg(json_build_object('id', n.notice_id, 'colour', n.colour,
                           'action', n.requested_action, 'caution', n.caution, 'issued', n.issued_on,
                           'countries', n.restricted_to, 'clearance', n.min_clearance,
                           'ifRestricted', n.if_restricted, 'contact', n.ncb_contact)), '[]')
                      FROM notice n WHERE n.subject_id = s.subject_id) AS notices,
            """ + SqlSupport.nameFrequencyColumns("s.subject_id") + """
              FROM best b JOIN notice_subject s ON s.subject_id = b.subject_id
             ORDER BY b.sim DESC
            """;

    /**
     * The document look-up: $1 every form of the issuing country this source might hold, $2 the number
     * normalised. Public for the peers load driver's copy (loadtests/peers, pinned by PeersDocumentSqlTest).
     */
    public static final String DOCUMENTS = """
            SELECT document_number, issuing_country, document_type, status, reported_on, holder_subject_id,
                   restricted_to, reporting_ncb
              FROM sltd_document WHERE issuing_country = ANY($1) AND %s = $2
            """.formatted(SqlSupport.normalisedIdentifier("document_number"));

    private static final String VEHICLE_COLUMNS = """
            SELECT vehicle_id, plate, registration_country, vin, make, model, colour, reported_stolen_on,
                   restricted_to, reporting_ncb FROM smv_vehicle
            """;
    private static final String VEHICLES_BY_PLATE = VEHICLE_COLUMNS
            + " WHERE registration_country = ANY($1) AND " + SqlSupport.normalisedPlate("plate") + " = $2";
    private static final String VEHICLES_BY_VIN = VEHICLE_COLUMNS + " WHERE vin = $1";

    private final Pool pool;
    private final UnreadableCodes unreadable;

    /** A connector that reads restriction lists without counting what it cannot read (tooling, tests). */
    public InterpolConnector(Pool pool) {
        this(pool, UnreadableCodes.UNCOUNTED);
    }

    public InterpolConnector(Pool pool, UnreadableCodes unreadable) {
        this.pool = pool;
        this.unreadable = unreadable;
    }

    @Override
    public Set<QueryKind> kinds() {
        return Set.of(QueryKind.PERSON, QueryKind.DOCUMENT, QueryKind.VEHICLE);
    }

    @Override
    public Uni<List<PersonRecord>> findPersonCandidates(String searchName, Integer birthYear, int limit) {
        return SqlSupport.select(pool, PERSONS, SqlSupport.personSearch(searchName, birthYear, limit), this::person);
    }

    private PersonRecord person(Row row) {
        String forename = row.getString("forename");
        String family = row.getString("family_name");
        Short birthYear = row.getShort("birth_year");
        PartialDate dob = InterpolVocabulary.dateOfBirth(row.getLocalDate("birth_date"),
                birthYear == null ? null : birthYear.intValue());
        List<String> aliases = objects(jsonArray(row, "aliases")).stream()
                .map(a -> joinNames(a.getString("forename"), a.getString("family")))
                .toList();
        List<Alert> alerts = objects(jsonArray(row, "notices")).stream()
                .map(this::notice)
                .toList();
        String fullName = joinNames(forename, family);
        return new PersonRecord(String.valueOf(row.getLong("subject_id")), forename, family,
                fullName, aliases, dob,
                InterpolVocabulary.SEX.valueOr(row.getString("sex"), Sex.UNKNOWN),
                InterpolVocabulary.country(row.getString("nationality")), alerts,
                SqlSupport.nameStatistics(row, fullName));
    }

    private Alert notice(JsonObject n) {
        HandlingRestrictions restrictions = new HandlingRestrictions(
                unreadable.countries(InterpolVocabulary.restrictedTo(stringsOrNull(n.getJsonArray("countries"))), null),
                Set.of(),
                InterpolVocabulary.MIN_CLEARANCE.valueOr(n.getString("clearance"), SqlSupport.UNKNOWN_CLEARANCE), null,
                InterpolVocabulary.IF_RESTRICTED.valueOr(n.getString("ifRestricted"), WhenRestricted.HIDE));
        return new Alert(n.getString("id"),
                InterpolVocabulary.NOTICE_COLOUR.valueOr(n.getString("colour"), AlertCategory.INFORMATION),
                InterpolVocabulary.REQUESTED_ACTION.valueOr(n.getString("action"), ActionToTake.NO_ACTION),
                InterpolVocabulary.CAUTION.readAll(strings(n.getJsonArray("caution"))),
                SqlSupport.date(n, "issued"), restrictions, n.getString("contact"));
    }

    @Override
    public Uni<List<DocumentRecord>> findDocuments(DocumentQuery query) {
        return SqlSupport.documents(pool, DOCUMENTS, InterpolVocabulary.COUNTRY.queryForms(query.issuingCountry()),
                query.number(), this::document);
    }

    private DocumentRecord document(Row row) {
        AlertCategory category = InterpolVocabulary.DOCUMENT_STATUS.valueOr(row.getString("status"),
                AlertCategory.REVOKED_DOCUMENT);
        String number = row.getString("document_number");
        String country = row.getString("issuing_country");
        Alert alert = new Alert("SLTD-" + country + "-" + number, category, InterpolVocabulary.documentAction(category),
                List.of(), row.getLocalDate("reported_on"),
                restrictedTo(row), row.getString("reporting_ncb"));
        Long holder = row.getLong("holder_subject_id");
        return new DocumentRecord(country + "/" + number, number, InterpolVocabulary.country(country),
                InterpolVocabulary.DOCUMENT_TYPE.valueOr(row.getString("document_type"), DocumentType.TRAVEL_DOCUMENT),
                holder == null ? null : String.valueOf(holder), List.of(alert));
    }

    @Override
    public Uni<List<VehicleRecord>> findVehicles(VehicleQuery query) {
        return SqlSupport.vehicles(pool, query, InterpolVocabulary.COUNTRY.queryForms(query.registrationCountry()),
                VEHICLES_BY_PLATE, VEHICLES_BY_VIN, this::vehicle);
    }

    private VehicleRecord vehicle(Row row) {
        String id = String.valueOf(row.getLong("vehicle_id"));
        Alert alert = new Alert("SMV-" + id, InterpolVocabulary.VEHICLE_CATEGORY, InterpolVocabulary.VEHICLE_ACTION,
                List.of(), row.getLocalDate("reported_stolen_on"),
                restrictedTo(row), row.getString("reporting_ncb"));
        return new VehicleRecord(id, row.getString("plate"), InterpolVocabulary.country(row.getString("registration_country")),
                row.getString("vin"), joinNames(row.getString("colour"), row.getString("make"), row.getString("model")),
                List.of(alert));
    }

    private HandlingRestrictions restrictedTo(Row row) {
        return unreadable.visibleTo(InterpolVocabulary.restrictedTo(listOrNull(row.getArrayOfStrings("restricted_to"))));
    }

    @Override
    public Uni<Void> ping() {
        return pool.query("SELECT 1").execute().replaceWithVoid();
    }
}
