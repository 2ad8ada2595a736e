package org.frontline.source.europol;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.Clearance;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.Sex;
import org.frontline.model.VehicleQuery;
import org.frontline.model.VehicleRecord;
import org.frontline.model.WhenRestricted;
import org.frontline.source.SourceConnector;
import org.frontline.source.SqlSupport;
import org.frontline.source.UnreadableCodes;
import org.frontline.source.VisibleTo;

import java.util.List;
import java.util.Set;

import static org.frontline.source.SqlSupport.jsonArray;
import static org.frontline.source.SqlSupport.objects;

/**
 * Reads a Europol-style (EIS-like) source: one name field "FAMILY, Given Names", dates of birth as
 * text "DD.MM.YYYY" or "YYYY", alpha-2 countries, handling codes H0..H3 passed through unchanged.
 */
public final class EuropolConnector implements SourceConnector {

    private static final String PERSONS = SqlSupport.personCandidates("person_ref") + """
            SELECT p.person_ref, p.full_name, p.dob_text, p.gender, p.nationality_iso2, p.handling_code,
                   (SELECT coalesce(json_agg(a.alias_full_name), '[]') FROM eis_person_alias a
                     WHERE a.person_ref = p.person_ref) AS aliases,
                   (SELECT coalesce(json_agg(json_build_object('id', f.flag_id, 'measure', f.measure,
                           'risk', f.risk_markers, 'flagged', f.flagged_on, 'countries', f.releasable_to,
                           'agencies', f.releasable_agency, 'clearance', f.min_clearance,
                           'onRestriction', f.on_restriction, 'contact', f.contact_unit,
                           'owner', p.owner_ms)), '[]')
                      FROM eis_flag f WHERE f.person_ref = p.person_ref) AS flags,
            """ + SqlSupport.nameFrequencyColumns("p.person_ref") + """
              FROM best b JOIN eis_person p ON p.person_ref = b.person_ref
             ORDER BY b.sim DESC
            """;

    /**
     * The document look-up: $1 every form of the issuing country this source might hold, $2 the number
     * normalised. Public for the peers load driver's copy (loadtests/peers, pinned by PeersDocumentSqlTest).
     */
    public static final String DOCUMENTS = """
            SELECT doc_ref, doc_no, doc_country_iso2, doc_kind, doc_state, reported_on, linked_person_ref,
                   handling_code, releasable_to, contact_unit
              FROM eis_object_document WHERE doc_country_iso2 = ANY($1) AND %s = $2
            """.formatted(SqlSupport.normalisedIdentifier("doc_no"));

    private static final String VEHICLE_COLUMNS = """
            SELECT veh_ref, licence_plate, reg_country_iso2, vin, make_model, veh_state, reported_on,
                   handling_code, releasable_to, contact_unit FROM eis_object_vehicle
            """;
    private static final String VEHICLES_BY_PLATE = VEHICLE_COLUMNS
            + " WHERE reg_country_iso2 = ANY($1) AND " + SqlSupport.normalisedPlate("licence_plate") + " = $2";
    private static final String VEHICLES_BY_VIN = VEHICLE_COLUMNS + " WHERE vin = $1";

    private final Pool pool;
    private final UnreadableCodes unreadable;

    /** A connector that reads restriction lists without counting what it cannot read (tooling, tests). */
    public EuropolConnector(Pool pool) {
        this(pool, UnreadableCodes.UNCOUNTED);
    }

    public EuropolConnector(Pool pool, UnreadableCodes unreadable) {
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
        String fullName = row.getString("full_name");
        String handlingCode = row.getString("handling_code");
        List<Alert> alerts = objects(jsonArray(row, "flags")).stream()
                .map(f -> flag(f, handlingCode))
                .toList();
        List<String> aliases = SqlSupport.strings(jsonArray(row, "aliases")).stream()
                .map(EuropolVocabulary::naturalName)
                .toList();
        return new PersonRecord(row.getString("person_ref"), EuropolVocabulary.givenNames(fullName),
                EuropolVocabulary.familyName(fullName), EuropolVocabulary.naturalName(fullName), aliases,
                EuropolVocabulary.dateOfBirth(row.getString("dob_text")),
                EuropolVocabulary.GENDER.valueOr(row.getString("gender"), Sex.UNKNOWN),
                EuropolVocabulary.country(row.getString("nationality_iso2")), alerts,
                SqlSupport.nameStatistics(row, fullName));
    }

    private Alert flag(JsonObject f, String handlingCode) {
        String measure = f.getString("measure");
        String agencies = f.getString("agencies");
        VisibleTo countries = EuropolVocabulary.releasableTo(f.getString("countries"))
                .plusUnreadable(EuropolVocabulary.agenciesUnreadable(agencies));
        HandlingRestrictions restrictions = new HandlingRestrictions(
                unreadable.countries(countries, EuropolVocabulary.owner(f.getString("owner"))),
                countries.unreadable() > 0 ? Set.of() : EuropolVocabulary.releasableAgencies(agencies),
                EuropolVocabulary.MIN_CLEARANCE.valueOr(f.getString("clearance"), SqlSupport.UNKNOWN_CLEARANCE),
                handlingCode,
                EuropolVocabulary.ON_RESTRICTION.valueOr(f.getString("onRestriction"), WhenRestricted.HIDE));
        return new Alert("EIS-F-" + f.getValue("id"), EuropolVocabulary.MEASURE.valueOr(measure, AlertCategory.INFORMATION),
                EuropolVocabulary.action(measure), EuropolVocabulary.riskMarkers(f.getString("risk")),
                SqlSupport.date(f, "flagged"), restrictions, f.getString("contact"));
    }

    @Override
    public Uni<List<DocumentRecord>> findDocuments(DocumentQuery query) {
        return SqlSupport.documents(pool, DOCUMENTS, EuropolVocabulary.COUNTRY.queryForms(query.issuingCountry()),
                query.number(), this::document);
    }

    private DocumentRecord document(Row row) {
        AlertCategory category = EuropolVocabulary.DOC_STATE.valueOr(row.getString("doc_state"), AlertCategory.REVOKED_DOCUMENT);
        Alert alert = new Alert(row.getString("doc_ref"), category, EuropolVocabulary.documentAction(category), List.of(),
                row.getLocalDate("reported_on"), objectRestrictions(row), row.getString("contact_unit"));
        return new DocumentRecord(row.getString("doc_ref"), row.getString("doc_no"),
                EuropolVocabulary.country(row.getString("doc_country_iso2")),
                EuropolVocabulary.DOC_KIND.valueOr(row.getString("doc_kind"), DocumentType.VISA),
                row.getString("linked_person_ref"), List.of(alert));
    }

    @Override
    public Uni<List<VehicleRecord>> findVehicles(VehicleQuery query) {
        return SqlSupport.vehicles(pool, query, EuropolVocabulary.COUNTRY.queryForms(query.registrationCountry()),
                VEHICLES_BY_PLATE, VEHICLES_BY_VIN, this::vehicle);
    }

    private VehicleRecord vehicle(Row row) {
        String state = row.getString("veh_state");
        Alert alert = new Alert(row.getString("veh_ref"),
                EuropolVocabulary.VEH_STATE.valueOr(state, AlertCategory.WANTED_VEHICLE),
                EuropolVocabulary.vehicleAction(state), List.of(), row.getLocalDate("reported_on"),
                objectRestrictions(row), row.getString("contact_unit"));
        return new VehicleRecord(row.getString("veh_ref"), row.getString("licence_plate"),
                EuropolVocabulary.country(row.getString("reg_country_iso2")), row.getString("vin"),
                row.getString("make_model"), List.of(alert));
    }

    /** Objects carry no clearance and no owner of their own; the handling code passes through unchanged. */
    private HandlingRestrictions objectRestrictions(Row row) {
        return new HandlingRestrictions(unreadable.countries(EuropolVocabulary.releasableTo(row.getString("releasable_to")), null),
                Set.of(), Clearance.UNCLASSIFIED, row.getString("handling_code"), WhenRestricted.HIDE);
    }

    @Override
    public Uni<Void> ping() {
        return pool.query("SELECT 1").execute().replaceWithVoid();
    }
}
