package org.frontline.source.ameripol;

import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.QueryKind;
import org.frontline.model.WhenRestricted;
import org.frontline.source.Entries.Document;
import org.frontline.source.Entries.Name;
import org.frontline.source.Entries.Person;
import org.frontline.source.Entries.Vehicle;
import org.frontline.source.SourceWriter;

import java.util.List;
import java.util.Set;

/**
 * Writes entries as rows of AMERIPOL's own schema (db/sources/ameripol): the write side of {@link AmeripolConnector},
 * through the same {@link AmeripolVocabulary}. Its tables and columns change with the connector's SQL and the
 * schema's migrations, all three in this folder's reach.
 */
public final class AmeripolWriter extends SourceWriter {
    static final Table PERSONA = new Table("persona", QueryKind.PERSON, List.of("id_persona", "nombres",
            "primer_apellido", "segundo_apellido", "fecha_nacimiento", "anio_nacimiento", "sexo", "nacionalidad"));
    static final Table ALIAS = new Table("persona_alias", QueryKind.PERSON, List.of("id_persona", "nombre_completo"));
    static final Table ALERTA = new Table("alerta", QueryKind.PERSON, List.of("id_alerta", "id_persona", "tipo",
            "accion", "advertencias", "fecha_emision", "paises_autorizados", "nivel_acceso", "si_restringido",
            "punto_contacto"));
    static final Table DOC = new Table("documento_viaje", QueryKind.DOCUMENT, List.of("id_documento", "numero",
            "pais_emisor", "tipo", "estado", "fecha_denuncia", "id_titular", "paises_autorizados", "punto_contacto"));
    static final Table VEH = new Table("vehiculo", QueryKind.VEHICLE, List.of("id_vehiculo", "placa",
            "pais_matricula", "numero_vin", "marca", "modelo", "estado", "fecha_denuncia", "paises_autorizados",
            "punto_contacto"));

    @Override
    public List<Table> tables() {
        return List.of(PERSONA, ALIAS, NAME_KEYS, ALERTA, DOC, VEH);
    }

    @Override
    public Alert normalize(Alert a) {
        return readBack(a, "AMERIPOL", AmeripolVocabulary.TIPO, AmeripolVocabulary.ACCION, AmeripolVocabulary.ADVERTENCIA);
    }

    @Override
    public DocumentType documentType(DocumentType t) {
        return AmeripolVocabulary.TIPO_DOCUMENTO.readBack(t);
    }

    private static String[] countries(Set<String> alpha3) {
        return alpha3.isEmpty() ? null : alpha3.stream().map(AmeripolVocabulary::countryCode).sorted().toArray(String[]::new);
    }

    @Override
    public void person(Person p, RowSink out) {
        Name n = p.name();
        Long id = id(p.recordId());
        String primer = n.family() != null ? n.family() : sole(n);
        String segundo = n.family() != null ? n.family2() : null;
        String nombres = n.family() != null && n.givenNames() != null ? n.givenNames() : "";
        out.row(PERSONA, id, nombres, primer, segundo, AmeripolVocabulary.fechaNacimiento(p.dateOfBirth()),
                AmeripolVocabulary.anioNacimiento(p.dateOfBirth()), AmeripolVocabulary.SEXO.code(p.sex()),
                p.nationality() == null ? null : AmeripolVocabulary.countryCode(p.nationality()));
        for (Name a : p.aliases()) {
            out.row(ALIAS, id, a.natural());
        }
        nameKeys(id, p.dateOfBirth(), out, names(nombres + " " + primer + (segundo == null ? "" : " " + segundo), p.aliases(),
                Name::natural));
        for (Alert a : p.alerts()) {
            HandlingRestrictions r = a.restrictions();
            out.row(ALERTA, id(a.alertId()), id, AmeripolVocabulary.TIPO.code(a.category()),
                    AmeripolVocabulary.ACCION.code(a.action()), array(AmeripolVocabulary.ADVERTENCIA.codesOf(a.warnings())),
                    a.issuedOn(), countries(r.countries()), AmeripolVocabulary.NIVEL_ACCESO.code(r.minimumClearance()),
                    AmeripolVocabulary.SI_RESTRINGIDO.code(r.whenRestricted()), a.contactPoint());
        }
    }

    @Override
    public void document(Document d, RowSink out) {
        out.row(DOC, id(d.recordId()), d.number(), AmeripolVocabulary.countryCode(d.country()),
                AmeripolVocabulary.TIPO_DOCUMENTO.code(d.type()), AmeripolVocabulary.ESTADO_DOCUMENTO.code(d.status()),
                d.reportedOn(), d.holderRecordId() == null ? null : id(d.holderRecordId()), countries(d.restrictedTo()),
                d.contactPoint());
    }

    @Override
    public void vehicle(Vehicle v, RowSink out) {
        out.row(VEH, id(v.recordId()), v.plate(), v.country() == null ? null : AmeripolVocabulary.countryCode(v.country()),
                v.vin(), v.make(), v.model(), AmeripolVocabulary.ESTADO_VEHICULO.code(v.status()), v.reportedOn(),
                countries(v.restrictedTo()), v.contactPoint());
    }
}
