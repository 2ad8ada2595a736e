package org.frontline.source.gccpol;

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
 * Writes entries as rows of GCCPOL's own schema (db/sources/gccpol): the write side of {@link GccpolConnector},
 * through the same {@link GccpolVocabulary}. Its tables and columns change with the connector's SQL and the
 * schema's migrations, all three in this folder's reach.
 */
public final class GccpolWriter extends SourceWriter {
    static final Table INDIVIDUAL = new Table("gcc_individual", QueryKind.PERSON, List.of("individual_id",
            "first_name", "father_name", "grandfather_name", "family_name", "name_ar", "birth_date", "gender",
            "nationality"));
    static final Table ALIAS = new Table("gcc_individual_alias", QueryKind.PERSON, List.of("individual_id", "alias_name"));
    static final Table CIRCULAR = new Table("gcc_circular", QueryKind.PERSON, List.of("circular_no", "individual_id",
            "circular_type", "instruction", "hazards", "issued_at", "shared_with", "clearance", "when_restricted",
            "issuing_authority"));
    static final Table DOC = new Table("gcc_document", QueryKind.DOCUMENT, List.of("document_id", "document_no",
            "issuing_state", "document_kind", "document_status", "status_date", "individual_id", "shared_with",
            "issuing_authority"));
    static final Table VEH = new Table("gcc_vehicle", QueryKind.VEHICLE, List.of("vehicle_id", "plate_no",
            "plate_state", "vin", "make", "vehicle_status", "status_date", "shared_with", "issuing_authority"));

    @Override
    public boolean numericAlertIds() {
        return false;
    }

    @Override
    public List<Table> tables() {
        return List.of(INDIVIDUAL, ALIAS, NAME_KEYS, CIRCULAR, DOC, VEH);
    }

    @Override
    public Alert normalize(Alert a) {
        return readBack(a, "GCCPOL", GccpolVocabulary.CIRCULAR_TYPE, GccpolVocabulary.INSTRUCTION, GccpolVocabulary.HAZARD);
    }

    @Override
    public DocumentType documentType(DocumentType t) {
        return GccpolVocabulary.DOCUMENT_KIND.readBack(t);
    }

    @Override
    public void person(Person p, RowSink out) {
        Name n = p.name();
        Long id = id(p.recordId());
        String first;
        String father = null;
        String grandfather = null;
        String family;
        if (n.ancestral()) {
            first = n.given();
            father = n.middle().size() > 0 ? n.middle().get(0) : null;
            grandfather = n.middle().size() > 1 ? n.middle().get(1) : null;
            family = n.familyNames();
        } else {
            first = n.givenNames() != null ? n.givenNames() : sole(n);
            family = n.givenNames() != null ? n.familyNames() : null;
        }
        out.row(INDIVIDUAL, id, first == null ? sole(n) : first, father, grandfather, family, p.nameInScript(),
                GccpolVocabulary.birthDate(p.dateOfBirth()), GccpolVocabulary.genderCode(p.sex()),
                p.nationality() == null ? null : GccpolVocabulary.countryCode(p.nationality()));
        for (Name a : p.aliases()) {
            out.row(ALIAS, id, a.natural());
        }
        List<String> keyed = names(org.frontline.source.SqlSupport.joinNames(first == null ? sole(n) : first, father, grandfather, family),
                p.aliases(), Name::natural);
        keyed.add(p.nameInScript());
        nameKeys(id, p.dateOfBirth(), out, keyed);
        for (Alert a : p.alerts()) {
            HandlingRestrictions r = a.restrictions();
            out.row(CIRCULAR, a.alertId(), id, GccpolVocabulary.CIRCULAR_TYPE.code(a.category()),
                    GccpolVocabulary.INSTRUCTION.code(a.action()), array(GccpolVocabulary.HAZARD.codesOf(a.warnings())),
                    a.issuedOn(), array(GccpolVocabulary.countryCodes(r.countries())),
                    GccpolVocabulary.CLEARANCE.code(r.minimumClearance()),
                    GccpolVocabulary.WHEN_RESTRICTED.code(r.whenRestricted()), a.contactPoint());
        }
    }

    @Override
    public void document(Document d, RowSink out) {
        out.row(DOC, id(d.recordId()), d.number(), GccpolVocabulary.countryCode(d.country()),
                GccpolVocabulary.DOCUMENT_KIND.code(d.type()), GccpolVocabulary.DOCUMENT_STATUS.code(d.status()),
                d.reportedOn(), d.holderRecordId() == null ? null : id(d.holderRecordId()),
                array(GccpolVocabulary.countryCodes(d.restrictedTo())), d.contactPoint());
    }

    @Override
    public void vehicle(Vehicle v, RowSink out) {
        out.row(VEH, id(v.recordId()), v.plate(), v.country() == null ? null : GccpolVocabulary.countryCode(v.country()),
                v.vin(), v.make(), GccpolVocabulary.VEHICLE_STATUS.code(v.status()), v.reportedOn(),
                array(GccpolVocabulary.countryCodes(v.restrictedTo())), v.contactPoint());
    }
}
