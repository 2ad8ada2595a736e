package org.frontline.source.interpol;

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
 * Writes entries as rows of INTERPOL's own schema (db/sources/interpol): the write side of {@link InterpolConnector},
 * through the same {@link InterpolVocabulary}. Its tables and columns change with the connector's SQL and the
 * schema's migrations, all three in this folder's reach.
 */
public final class InterpolWriter extends SourceWriter {
    static final Table SUBJECT = new Table("notice_subject", QueryKind.PERSON,
            List.of("subject_id", "family_name", "forename", "birth_date", "birth_year", "sex", "nationality"));
    static final Table ALIAS = new Table("subject_alias", QueryKind.PERSON, List.of("subject_id", "family_name", "forename"));
    static final Table NOTICE = new Table("notice", QueryKind.PERSON, List.of("notice_id", "subject_id", "colour",
            "requested_action", "caution", "issued_on", "restricted_to", "min_clearance", "if_restricted", "ncb_contact"));
    static final Table SLTD = new Table("sltd_document", QueryKind.DOCUMENT, List.of("document_number",
            "issuing_country", "document_type", "status", "reported_on", "holder_subject_id", "restricted_to", "reporting_ncb"));
    static final Table SMV = new Table("smv_vehicle", QueryKind.VEHICLE, List.of("vehicle_id", "plate",
            "registration_country", "vin", "make", "model", "colour", "reported_stolen_on", "restricted_to", "reporting_ncb"));

    @Override
    public boolean numericAlertIds() {
        return false;
    }

    @Override
    public boolean documentsKeyedByNumber() {
        return true;
    }

    @Override
    public List<Table> tables() {
        return List.of(SUBJECT, ALIAS, NAME_KEYS, NOTICE, SLTD, SMV);
    }

    @Override
    public Alert normalize(Alert a) {
        return readBack(a, "INTERPOL", InterpolVocabulary.NOTICE_COLOUR, InterpolVocabulary.REQUESTED_ACTION, InterpolVocabulary.CAUTION);
    }

    @Override
    public DocumentType documentType(DocumentType t) {
        return InterpolVocabulary.DOCUMENT_TYPE.readBack(t);
    }

    private static String[] countries(Set<String> alpha3) {
        return alpha3.isEmpty() ? null : alpha3.stream().map(InterpolVocabulary::countryCode).sorted().toArray(String[]::new);
    }

    @Override
    public void person(Person p, RowSink out) {
        Long id = id(p.recordId());
        out.row(SUBJECT, id, sole(p.name()), givenIfFamily(p.name()), InterpolVocabulary.birthDate(p.dateOfBirth()),
                InterpolVocabulary.birthYear(p.dateOfBirth()), InterpolVocabulary.SEX.code(p.sex()),
                p.nationality() == null ? null : InterpolVocabulary.countryCode(p.nationality()));
        for (Name a : p.aliases()) {
            out.row(ALIAS, id, sole(a), givenIfFamily(a));
        }
        nameKeys(id, p.dateOfBirth(), out, names(givenFirst(p.name()), p.aliases(), SourceWriter::givenFirst));
        for (Alert a : p.alerts()) {
            HandlingRestrictions r = a.restrictions();
            out.row(NOTICE, a.alertId(), id, InterpolVocabulary.NOTICE_COLOUR.code(a.category()),
                    InterpolVocabulary.REQUESTED_ACTION.code(a.action()),
                    array(InterpolVocabulary.CAUTION.codesOf(a.warnings())), a.issuedOn(), countries(r.countries()),
                    InterpolVocabulary.MIN_CLEARANCE.code(r.minimumClearance()),
                    InterpolVocabulary.IF_RESTRICTED.code(r.whenRestricted()), a.contactPoint());
        }
    }

    @Override
    public void document(Document d, RowSink out) {
        out.row(SLTD, d.number(), InterpolVocabulary.countryCode(d.country()), InterpolVocabulary.DOCUMENT_TYPE.code(d.type()),
                InterpolVocabulary.DOCUMENT_STATUS.code(d.status()), d.reportedOn(),
                d.holderRecordId() == null ? null : id(d.holderRecordId()), countries(d.restrictedTo()), d.contactPoint());
    }

    @Override
    public void vehicle(Vehicle v, RowSink out) {
        if (v.status() != AlertCategory.STOLEN_VEHICLE) {
            throw new IllegalArgumentException("INTERPOL SMV holds stolen vehicles only");
        }
        if (v.vin() != null && v.vin().length() != 17) {
            throw new IllegalArgumentException("a VIN has 17 characters");
        }
        out.row(SMV, id(v.recordId()), v.plate(), v.country() == null ? null : InterpolVocabulary.countryCode(v.country()),
                v.vin(), v.make(), v.model(), v.colour(), v.reportedOn(), countries(v.restrictedTo()), v.contactPoint());
    }
}
