package org.frontline.access;

import org.frontline.model.Alert;
import org.frontline.model.DocumentRecord;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.PersonRecord;
import org.frontline.model.Sex;
import org.frontline.model.SourceRecord;
import org.frontline.model.VehicleRecord;
import org.frontline.model.WhenRestricted;
import org.frontline.search.RecordAccess;
import org.frontline.search.ScoredRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the sources' handling restrictions and the officer's role profile to every record.
 *
 * <p>An alert is visible to an officer when their country is among the alert's countries (or the
 * alert names none), their agency among its agencies (or none), their clearance at least its
 * minimum, and their role does not withhold its category. A record whose alerts are all visible
 * passes (without handling codes when the role may not see them). Otherwise: if some alerts remain
 * visible, the record passes with those only and is counted as withheld, so that the answer says
 * some alerts are not available, names the source's contact point and is not complete (a hidden
 * alert may ask for a more urgent action than the visible ones); if none remains and a hidden alert
 * asks for "contact only", the record becomes a data-free "possible hit - contact ..." entry; else
 * the record is withheld entirely and counted, so that the answer can never claim NO_HIT on the
 * strength of a record it removed.
 *
 * <p>A source's restriction list that we could not read restricts its alert to nobody but the
 * owner ({@link org.frontline.model.HandlingRestrictions#NOBODY}, see {@code source.VisibleTo}):
 * no officer's country matches it.
 */
public final class NeedToKnow implements RecordAccess {

    private final Officer officer;
    private final AccessPolicy.Grant grant;

    public NeedToKnow(Officer officer, AccessPolicy.Grant grant) {
        this.officer = officer;
        this.grant = grant;
    }

    @Override
    public boolean mayQuery(String sourceId) {
        return grant.mayQuery(sourceId);
    }

    @Override
    public Filtered filter(List<ScoredRecord> records) {
        List<ScoredRecord> visible = new ArrayList<>(records.size());
        int withheld = 0;
        for (ScoredRecord scored : records) {
            List<Alert> alerts = scored.record().alerts();
            List<Alert> shown = new ArrayList<>(alerts.size());
            Alert contactOnly = null;
            for (Alert alert : alerts) {
                if (visible(alert)) {
                    shown.add(grant.handlingCodes() ? alert : withoutHandlingCode(alert));
                } else if (contactOnly == null && alert.restrictions().whenRestricted() == WhenRestricted.CONTACT_ONLY
                        && !grant.withheldCategories().contains(alert.category())) {
                    contactOnly = alert;
                }
            }
            if (shown.size() == alerts.size()) {
                visible.add(shown.equals(alerts) ? scored : withAlerts(scored, shown));
            } else if (!shown.isEmpty()) {
                // some alerts hidden: the record shows the others, and is counted, so that the answer is not
                // complete and names the source's contact point (a hidden alert may ask for more than a visible one)
                visible.add(withAlerts(scored, shown));
                withheld++;
            } else if (contactOnly != null) {
                visible.add(scored.restrictedTo(blank(scored.record()), contactOnly.contactPoint(),
                        List.of("restricted by the source: confirm with its contact point")));
            } else {
                withheld++;
            }
        }
        return new Filtered(visible, withheld);
    }

    boolean visible(Alert alert) {
        HandlingRestrictions r = alert.restrictions();
        return (r.countries().isEmpty() || r.countries().contains(officer.country()))
                && (r.agencies().isEmpty() || r.agencies().contains(officer.agency()))
                && officer.clearance().atLeast(r.minimumClearance())
                && !grant.withheldCategories().contains(alert.category());
    }

    private static Alert withoutHandlingCode(Alert alert) {
        HandlingRestrictions r = alert.restrictions();
        if (r.handlingCode() == null) {
            return alert;
        }
        return new Alert(alert.alertId(), alert.category(), alert.action(), alert.warnings(), alert.issuedOn(),
                new HandlingRestrictions(r.countries(), r.agencies(), r.minimumClearance(), null, r.whenRestricted()),
                alert.contactPoint());
    }

    private static ScoredRecord withAlerts(ScoredRecord scored, List<Alert> alerts) {
        SourceRecord r = scored.record();
        SourceRecord replaced;
        if (r instanceof PersonRecord p) {
            replaced = new PersonRecord(p.recordId(), p.givenNames(), p.familyName(), p.fullName(), p.aliases(),
                    p.dateOfBirth(), p.sex(), p.nationality(), alerts, p.nameStatistics());
        } else if (r instanceof DocumentRecord d) {
            replaced = new DocumentRecord(d.recordId(), d.number(), d.issuingCountry(), d.type(), d.holderRecordId(), alerts);
        } else {
            VehicleRecord v = (VehicleRecord) r;
            replaced = new VehicleRecord(v.recordId(), v.plate(), v.registrationCountry(), v.vin(), v.description(), alerts);
        }
        return scored.withRecord(replaced);
    }

    /** The same kind of record with nothing in it: not even the source's record id. */
    private static SourceRecord blank(SourceRecord r) {
        if (r instanceof PersonRecord) {
            return new PersonRecord("restricted", null, null, null, List.of(), null, Sex.UNKNOWN, null, List.of());
        }
        if (r instanceof DocumentRecord d) {
            return new DocumentRecord("restricted", null, null, d.type(), null, List.of());
        }
        return new VehicleRecord("restricted", null, null, null, null, List.of());
    }
}
