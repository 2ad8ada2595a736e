package org.frontline.source.aseanapol;

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
 * Writes entries as rows of ASEANAPOL's own schema (db/sources/aseanapol): the write side of {@link AseanapolConnector},
 * through the same {@link AseanapolVocabulary}. Its tables and columns change with the connector's SQL and the
 * schema's migrations, all three in this folder's reach.
 */
public final class AseanapolWriter extends SourceWriter {
    static final Table SUBJECT = new Table("subject", QueryKind.PERSON, List.of("subject_no", "full_name", "dob",
            "sex", "citizenship_icao"));
    static final Table AKA = new Table("subject_aka", QueryKind.PERSON, List.of("subject_no", "aka_name"));
    static final Table ENTRY = new Table("watchlist_entry", QueryKind.PERSON, List.of("entry_id", "subject_no",
            "entry_type", "response_code", "safety_flags", "date_listed", "dissemination", "member_states",
            "classification", "contact_only_when_restricted", "originating_ncb"));
    static final Table DOC = new Table("travel_document", QueryKind.DOCUMENT, List.of("td_id", "td_number",
            "issuer_icao", "td_type", "td_status", "status_date", "holder_subject_no", "member_states", "originating_ncb"));
    static final Table CONVEYANCE = new Table("conveyance", QueryKind.VEHICLE, List.of("conveyance_id", "reg_no",
            "reg_icao", "chassis_no", "description", "conveyance_status", "status_date", "member_states",
            "originating_ncb"));

    @Override
    public boolean numericRecordIds(QueryKind kind) {
        return kind != QueryKind.PERSON;
    }

    @Override
    public List<Table> tables() {
        return List.of(SUBJECT, AKA, NAME_KEYS, ENTRY, DOC, CONVEYANCE);
    }

    @Override
    public Alert normalize(Alert a) {
        return readBack(a, "ASEANAPOL", AseanapolVocabulary.ENTRY_TYPE, AseanapolVocabulary.RESPONSE_CODE, AseanapolVocabulary.SAFETY_FLAG);
    }

    @Override
    public DocumentType documentType(DocumentType t) {
        return AseanapolVocabulary.TD_TYPE.readBack(t);
    }

    @Override
    public void person(Person p, RowSink out) {
        out.row(SUBJECT, p.recordId(), p.name().natural(), AseanapolVocabulary.dob(p.dateOfBirth()),
                AseanapolVocabulary.SEX.code(p.sex()),
                p.nationality() == null ? null : AseanapolVocabulary.countryCode(p.nationality()));
        for (Name a : p.aliases()) {
            out.row(AKA, p.recordId(), a.natural());
        }
        nameKeys(p.recordId(), p.dateOfBirth(), out, names(p.name().natural(), p.aliases(), Name::natural));
        for (Alert a : p.alerts()) {
            HandlingRestrictions r = a.restrictions();
            boolean listed = !r.countries().isEmpty();
            out.row(ENTRY, id(a.alertId()), p.recordId(), AseanapolVocabulary.ENTRY_TYPE.code(a.category()),
                    AseanapolVocabulary.RESPONSE_CODE.code(a.action()), AseanapolVocabulary.safetyFlagsText(a.warnings()),
                    a.issuedOn(), listed ? AseanapolVocabulary.LISTED_MEMBERS : AseanapolVocabulary.ALL_MEMBERS,
                    AseanapolVocabulary.countryList(r.countries()),
                    AseanapolVocabulary.CLASSIFICATION.code(r.minimumClearance()),
                    r.whenRestricted() == WhenRestricted.CONTACT_ONLY, a.contactPoint());
        }
    }

    @Override
    public void document(Document d, RowSink out) {
        out.row(DOC, id(d.recordId()), d.number(), AseanapolVocabulary.countryCode(d.country()),
                AseanapolVocabulary.TD_TYPE.code(d.type()), AseanapolVocabulary.TD_STATUS.code(d.status()),
                d.reportedOn(), d.holderRecordId(), AseanapolVocabulary.countryList(d.restrictedTo()), d.contactPoint());
    }

    @Override
    public void vehicle(Vehicle v, RowSink out) {
        out.row(CONVEYANCE, id(v.recordId()), v.plate(),
                v.country() == null ? null : AseanapolVocabulary.countryCode(v.country()), v.vin(), v.description(),
                AseanapolVocabulary.CONVEYANCE_STATUS.code(v.status()), v.reportedOn(),
                AseanapolVocabulary.countryList(v.restrictedTo()), v.contactPoint());
    }
}
