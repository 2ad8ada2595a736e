package org.frontline.source.europol;

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
 * Writes entries as rows of Europol's own schema (db/sources/europol): the write side of {@link EuropolConnector},
 * through the same {@link EuropolVocabulary}. Its tables and columns change with the connector's SQL and the
 * schema's migrations, all three in this folder's reach.
 */
public final class EuropolWriter extends SourceWriter {
    static final Table PERSON = new Table("eis_person", QueryKind.PERSON, List.of("person_ref", "full_name",
            "dob_text", "gender", "nationality_iso2", "owner_ms", "handling_code"));
    static final Table ALIAS = new Table("eis_person_alias", QueryKind.PERSON, List.of("person_ref", "alias_full_name"));
    static final Table FLAG = new Table("eis_flag", QueryKind.PERSON, List.of("flag_id", "person_ref", "measure",
            "crime_area", "risk_markers", "flagged_on", "releasable_to", "releasable_agency", "min_clearance",
            "on_restriction", "contact_unit"));
    static final Table DOC = new Table("eis_object_document", QueryKind.DOCUMENT, List.of("doc_ref", "doc_no",
            "doc_country_iso2", "doc_kind", "doc_state", "reported_on", "linked_person_ref", "handling_code",
            "releasable_to", "contact_unit"));
    static final Table VEH = new Table("eis_object_vehicle", QueryKind.VEHICLE, List.of("veh_ref", "licence_plate",
            "reg_country_iso2", "vin", "make_model", "veh_state", "reported_on", "linked_person_ref", "handling_code",
            "releasable_to", "contact_unit"));
    private static final String[] OWNERS = {"DE", "FR", "NL", "BE", "IT", "ES", "PL", "AT", "SE", "PT"};
    private static final String[] CRIME_AREAS = {"drug trafficking", "robbery", "fraud", "trafficking in human beings",
            "murder", "organised property crime"};

    @Override
    public boolean numericRecordIds(QueryKind kind) {
        return false;
    }

    @Override
    public boolean handlingCodes() {
        return true;
    }

    @Override
    public boolean vehiclesLinkPersons() {
        return true;
    }

    @Override
    public List<Table> tables() {
        return List.of(PERSON, ALIAS, NAME_KEYS, FLAG, DOC, VEH);
    }

    @Override
    public Alert normalize(Alert a) {
        String measure = EuropolVocabulary.MEASURE.code(a.category());
        HandlingRestrictions r = a.restrictions();
        String code = r.handlingCode() == null ? "H0" : r.handlingCode();
        if (!EuropolVocabulary.HANDLING_CODES.contains(code)) {
            throw new IllegalArgumentException("Europol handling codes are H0..H3");
        }
        return new Alert(a.alertId(), EuropolVocabulary.MEASURE.value(measure), EuropolVocabulary.action(measure),
                EuropolVocabulary.RISK_MARKER.readBackAll(a.warnings()), a.issuedOn(),
                new HandlingRestrictions(r.countries(), r.agencies(), r.minimumClearance(), code, r.whenRestricted()),
                a.contactPoint());
    }

    @Override
    public DocumentType documentType(DocumentType t) {
        return EuropolVocabulary.DOC_KIND.readBack(t);
    }

    static String layout(Name n) {
        return EuropolVocabulary.fullName(givenIfFamily(n), sole(n));
    }

    @Override
    public void person(Person p, RowSink out) {
        String handling = "H0";
        for (Alert a : p.alerts()) {
            String h = a.restrictions().handlingCode();
            if (h != null && h.compareTo(handling) > 0) {
                handling = h;
            }
        }
        String owner = OWNERS[Math.floorMod(p.recordId().hashCode(), OWNERS.length)];
        out.row(PERSON, p.recordId(), layout(p.name()), EuropolVocabulary.dobText(p.dateOfBirth()),
                EuropolVocabulary.GENDER.code(p.sex()),
                p.nationality() == null ? null : EuropolVocabulary.countryCode(p.nationality()), owner, handling);
        for (Name a : p.aliases()) {
            out.row(ALIAS, p.recordId(), layout(a));
        }
        nameKeys(p.recordId(), p.dateOfBirth(), out, names(layout(p.name()), p.aliases(), EuropolWriter::layout));
        for (Alert a : p.alerts()) {
            HandlingRestrictions r = a.restrictions();
            String measure = EuropolVocabulary.MEASURE.code(a.category());
            String crimeArea = "EAW_ARREST".equals(measure)
                    ? CRIME_AREAS[Math.floorMod(a.alertId().hashCode(), CRIME_AREAS.length)] : null;
            out.row(FLAG, id(a.alertId()), p.recordId(), measure, crimeArea,
                    EuropolVocabulary.riskMarkersText(a.warnings()), a.issuedOn(),
                    EuropolVocabulary.countryList(r.countries()),
                    r.agencies().isEmpty() ? null : String.join(",", new java.util.TreeSet<>(r.agencies())),
                    EuropolVocabulary.MIN_CLEARANCE.code(r.minimumClearance()),
                    EuropolVocabulary.ON_RESTRICTION.code(r.whenRestricted()), a.contactPoint());
        }
    }

    @Override
    public void document(Document d, RowSink out) {
        out.row(DOC, d.recordId(), d.number(), EuropolVocabulary.countryCode(d.country()),
                EuropolVocabulary.DOC_KIND.code(d.type()), EuropolVocabulary.DOC_STATE.code(d.status()), d.reportedOn(),
                d.holderRecordId(), handling(d.handlingCode()), EuropolVocabulary.countryList(d.restrictedTo()),
                d.contactPoint());
    }

    @Override
    public void vehicle(Vehicle v, RowSink out) {
        String state = v.status() == AlertCategory.WANTED_VEHICLE && v.action() == ActionToTake.REPORT
                ? "used in crime" : EuropolVocabulary.VEH_STATE.code(v.status());
        String makeModel = v.make() == null ? v.model() : v.model() == null ? v.make() : v.make() + " " + v.model();
        out.row(VEH, v.recordId(), v.plate(), v.country() == null ? null : EuropolVocabulary.countryCode(v.country()),
                v.vin(), makeModel, state, v.reportedOn(), v.linkedPersonRecordId(), handling(v.handlingCode()),
                EuropolVocabulary.countryList(v.restrictedTo()), v.contactPoint());
    }

    private static String handling(String code) {
        String c = code == null ? "H0" : code;
        if (!EuropolVocabulary.HANDLING_CODES.contains(c)) {
            throw new IllegalArgumentException("Europol handling codes are H0..H3");
        }
        return c;
    }
}
