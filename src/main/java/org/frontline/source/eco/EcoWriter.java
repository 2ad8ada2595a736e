package org.frontline.source.eco;

import org.frontline.model.Alert;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.QueryKind;
import org.frontline.source.Entries.Document;
import org.frontline.source.Entries.Name;
import org.frontline.source.Entries.Person;
import org.frontline.source.Entries.Vehicle;
import org.frontline.source.SourceWriter;
import org.frontline.source.SqlSupport;

import java.util.List;

/**
 * Writes entries as rows of ECO's own schema (db/sources/eco), in the partner's database: the write side of
 * what the partner API serves and {@link EcoConnector} reads, through the same {@link EcoVocabulary}. A notice
 * with no restriction is releasable ECO-wide; one restricted to states is a LIST.
 */
public final class EcoWriter extends SourceWriter {
    static final Table SUBJECT = new Table("eco_subject", QueryKind.PERSON, List.of("subject_id", "surname",
            "forenames", "patronymic", "name_native", "birth_date", "sex", "citizenship"));
    static final Table ALIAS = new Table("eco_subject_alias", QueryKind.PERSON, List.of("subject_id", "alias"));
    static final Table NOTICE = new Table("eco_notice", QueryKind.PERSON, List.of("notice_ref", "subject_id",
            "notice_type", "measure", "cautions", "issued", "originator", "releasability", "releasable_to", "grading",
            "on_restricted", "point_of_contact"));
    static final Table DOC = new Table("eco_document", QueryKind.DOCUMENT, List.of("document_id", "doc_number",
            "doc_country", "doc_type", "status", "status_date", "subject_id", "releasable_to", "point_of_contact"));
    static final Table VEH = new Table("eco_vehicle", QueryKind.VEHICLE, List.of("vehicle_id", "plate",
            "plate_country", "vin", "make_model", "status", "status_date", "releasable_to", "point_of_contact"));

    @Override
    public boolean numericAlertIds() {
        return false;
    }

    @Override
    public List<Table> tables() {
        return List.of(SUBJECT, ALIAS, NAME_KEYS, NOTICE, DOC, VEH);
    }

    @Override
    public Alert normalize(Alert a) {
        return readBack(a, "ECO", EcoVocabulary.NOTICE_TYPE, EcoVocabulary.MEASURE, EcoVocabulary.CAUTION);
    }

    @Override
    public DocumentType documentType(DocumentType t) {
        return EcoVocabulary.DOC_TYPE.readBack(t);
    }

    @Override
    public void person(Person p, RowSink out) {
        Name n = p.name();
        Long id = id(p.recordId());
        String forenames;
        String patronymic = null;
        String surname;
        if (n.familyNames() == null) {
            forenames = sole(n);
            surname = null;
        } else if (!n.familyFirst() && !n.middle().isEmpty()) {
            forenames = n.given() == null || n.given().isBlank() ? String.join(" ", n.middle()) : n.given();
            patronymic = n.given() == null || n.given().isBlank() ? null : String.join(" ", n.middle());
            surname = n.familyNames();
        } else {
            forenames = n.givenNames() == null ? sole(n) : n.givenNames();
            surname = n.givenNames() == null ? null : n.familyNames();
        }
        out.row(SUBJECT, id, surname, forenames, patronymic, p.nameInScript(), EcoVocabulary.birthDate(p.dateOfBirth()),
                EcoVocabulary.sexCode(p.sex()), EcoVocabulary.countryCode(p.nationality()));
        for (Name a : p.aliases()) {
            out.row(ALIAS, id, a.natural());
        }
        List<String> keyed = names(SqlSupport.joinNames(forenames, patronymic, surname), p.aliases(), Name::natural);
        keyed.add(p.nameInScript());
        nameKeys(id, p.dateOfBirth(), out, keyed);
        for (Alert a : p.alerts()) {
            noAgencies(a, "ECO");
            HandlingRestrictions r = a.restrictions();
            List<String> list = EcoVocabulary.countryCodes(r.countries());
            out.row(NOTICE, a.alertId(), id, EcoVocabulary.NOTICE_TYPE.code(a.category()),
                    EcoVocabulary.MEASURE.code(a.action()), array(EcoVocabulary.CAUTION.codesOf(a.warnings())),
                    a.issuedOn(), null, list == null ? EcoVocabulary.RELEASABLE_ECO : EcoVocabulary.RELEASABLE_LIST,
                    array(list), EcoVocabulary.GRADING.code(r.minimumClearance()),
                    EcoVocabulary.ON_RESTRICTED.code(r.whenRestricted()), a.contactPoint());
        }
    }

    @Override
    public void document(Document d, RowSink out) {
        out.row(DOC, id(d.recordId()), d.number(), EcoVocabulary.countryCode(d.country()),
                EcoVocabulary.DOC_TYPE.code(d.type()), EcoVocabulary.DOC_STATUS.code(d.status()),
                d.reportedOn(), d.holderRecordId() == null ? null : id(d.holderRecordId()),
                array(EcoVocabulary.countryCodes(d.restrictedTo())), d.contactPoint());
    }

    @Override
    public void vehicle(Vehicle v, RowSink out) {
        out.row(VEH, id(v.recordId()), v.plate(), EcoVocabulary.countryCode(v.country()), v.vin(), v.description(),
                EcoVocabulary.VEHICLE_STATUS.code(v.status()), v.reportedOn(),
                array(EcoVocabulary.countryCodes(v.restrictedTo())), v.contactPoint());
    }
}
