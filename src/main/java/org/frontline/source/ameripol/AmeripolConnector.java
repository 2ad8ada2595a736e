package org.frontline.source.ameripol;

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
 * Reads an AMERIPOL-style source: Spanish vocabulary, given names plus paternal and maternal
 * surnames, DATE of birth or year only, alpha-3 countries.
 */
public final class AmeripolConnector implements SourceConnector {


    private static final String PERSONS = SqlSupport.personCandidates("id_persona") + """
            SELECT p.id_persona, p.nombres, p.primer_apellido, p.segundo_apellido, p.fecha_nacimiento,
                   p.anio_nacimiento, p.sexo, p.nacionalidad,
                   (SELECT coalesce(json_agg(a.nombre_completo), '[]') FROM persona_alias a
                     WHERE a.id_persona = p.id_persona) AS aliases,
                   (SELECT coalesce(json_agg(json_build_object('id', al.id_alerta, 'tipo', al.tipo,
                           'accion', al.accion, 'advertencias', al.advertencias, 'emision', al.fecha_emision,
                           'paises', al.paises_autorizados, 'nivel', al.nivel_acceso,
                           'siRestringido', al.si_restringido, 'contacto', al.punto_contacto)), '[]')
                      FROM alerta al WHERE al.id_persona = p.id_persona) AS alertas,
            """ + SqlSupport.nameFrequencyColumns("p.id_persona") + """
              FROM best b JOIN persona p ON p.id_persona = b.id_persona
             ORDER BY b.sim DESC
            """;

    /**
     * The document look-up: $1 every form of the issuing country this source might hold, $2 the number
     * normalised. Public for the peers load driver's copy (loadtests/peers, pinned by PeersDocumentSqlTest).
     */
    public static final String DOCUMENTS = """
            SELECT id_documento, numero, pais_emisor, tipo, estado, fecha_denuncia, id_titular,
                   paises_autorizados, punto_contacto
              FROM documento_viaje WHERE pais_emisor = ANY($1) AND %s = $2
            """.formatted(SqlSupport.normalisedIdentifier("numero"));

    private static final String VEHICLE_COLUMNS = """
            SELECT id_vehiculo, placa, pais_matricula, numero_vin, marca, modelo, estado, fecha_denuncia,
                   paises_autorizados, punto_contacto FROM vehiculo
            """;
    private static final String VEHICLES_BY_PLATE = VEHICLE_COLUMNS
            + " WHERE pais_matricula = ANY($1) AND " + SqlSupport.normalisedPlate("placa") + " = $2";
    private static final String VEHICLES_BY_VIN = VEHICLE_COLUMNS + " WHERE numero_vin = $1";

    private final Pool pool;
    private final UnreadableCodes unreadable;

    /** A connector that reads restriction lists without counting what it cannot read (tooling, tests). */
    public AmeripolConnector(Pool pool) {
        this(pool, UnreadableCodes.UNCOUNTED);
    }

    public AmeripolConnector(Pool pool, UnreadableCodes unreadable) {
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
        String given = row.getString("nombres");
        String family = AmeripolVocabulary.familyName(row.getString("primer_apellido"), row.getString("segundo_apellido"));
        Short year = row.getShort("anio_nacimiento");
        PartialDate dob = AmeripolVocabulary.dateOfBirth(row.getLocalDate("fecha_nacimiento"),
                year == null ? null : year.intValue());
        List<Alert> alerts = objects(jsonArray(row, "alertas")).stream().map(a -> alerta(a, unreadable)).toList();
        String fullName = joinNames(given, family);
        return new PersonRecord(String.valueOf(row.getLong("id_persona")), given, family, fullName,
                strings(jsonArray(row, "aliases")), dob, AmeripolVocabulary.SEXO.valueOr(row.getString("sexo"), Sex.UNKNOWN),
                AmeripolVocabulary.country(row.getString("nacionalidad")), alerts,
                SqlSupport.nameStatistics(row, fullName));
    }

    /** One alert of the {@code alertas} array; an access level we do not know reads as the highest (as in every source). */
    static Alert alerta(JsonObject a, UnreadableCodes unreadable) {
        HandlingRestrictions restrictions = new HandlingRestrictions(
                unreadable.countries(AmeripolVocabulary.paisesAutorizados(stringsOrNull(a.getJsonArray("paises"))), null),
                Set.of(),
                AmeripolVocabulary.NIVEL_ACCESO.valueOr(a.getString("nivel"), SqlSupport.UNKNOWN_CLEARANCE), null,
                AmeripolVocabulary.SI_RESTRINGIDO.valueOr(a.getString("siRestringido"), WhenRestricted.HIDE));
        return new Alert("AMP-A-" + a.getValue("id"),
                AmeripolVocabulary.TIPO.valueOr(a.getString("tipo"), AlertCategory.DANGEROUS_PERSON),
                AmeripolVocabulary.ACCION.valueOr(a.getString("accion"), ActionToTake.NO_ACTION),
                AmeripolVocabulary.ADVERTENCIA.readAll(strings(a.getJsonArray("advertencias"))),
                SqlSupport.date(a, "emision"), restrictions, a.getString("contacto"));
    }

    @Override
    public Uni<List<DocumentRecord>> findDocuments(DocumentQuery query) {
        return SqlSupport.documents(pool, DOCUMENTS, AmeripolVocabulary.COUNTRY.queryForms(query.issuingCountry()),
                query.number(), this::documento);
    }

    private DocumentRecord documento(Row row) {
        AlertCategory category = AmeripolVocabulary.ESTADO_DOCUMENTO.valueOr(row.getString("estado"),
                AlertCategory.REVOKED_DOCUMENT);
        String id = String.valueOf(row.getLong("id_documento"));
        Alert alert = new Alert("AMP-D-" + id, category, AmeripolVocabulary.documentAction(category), List.of(),
                row.getLocalDate("fecha_denuncia"),
                paisesAutorizados(row), row.getString("punto_contacto"));
        Long holder = row.getLong("id_titular");
        return new DocumentRecord(id, row.getString("numero"), AmeripolVocabulary.country(row.getString("pais_emisor")),
                AmeripolVocabulary.TIPO_DOCUMENTO.valueOr(row.getString("tipo"), DocumentType.TRAVEL_DOCUMENT),
                holder == null ? null : String.valueOf(holder), List.of(alert));
    }

    @Override
    public Uni<List<VehicleRecord>> findVehicles(VehicleQuery query) {
        return SqlSupport.vehicles(pool, query, AmeripolVocabulary.COUNTRY.queryForms(query.registrationCountry()),
                VEHICLES_BY_PLATE, VEHICLES_BY_VIN, this::vehiculo);
    }

    private VehicleRecord vehiculo(Row row) {
        String id = String.valueOf(row.getLong("id_vehiculo"));
        String estado = row.getString("estado");
        Alert alert = new Alert("AMP-V-" + id, AmeripolVocabulary.ESTADO_VEHICULO.valueOr(estado, AlertCategory.STOLEN_VEHICLE),
                AmeripolVocabulary.vehicleAction(estado), List.of(), row.getLocalDate("fecha_denuncia"),
                paisesAutorizados(row), row.getString("punto_contacto"));
        return new VehicleRecord(id, row.getString("placa"), AmeripolVocabulary.country(row.getString("pais_matricula")),
                row.getString("numero_vin"), joinNames(row.getString("marca"), row.getString("modelo")), List.of(alert));
    }

    private HandlingRestrictions paisesAutorizados(Row row) {
        return unreadable.visibleTo(AmeripolVocabulary.paisesAutorizados(listOrNull(row.getArrayOfStrings("paises_autorizados"))));
    }

    @Override
    public Uni<Void> ping() {
        return pool.query("SELECT 1").execute().replaceWithVoid();
    }
}
