package org.frontline.source.eco;

import org.frontline.model.ActionToTake;
import org.frontline.model.AlertCategory;
import org.frontline.model.Clearance;
import org.frontline.model.DocumentType;
import org.frontline.model.PartialDate;
import org.frontline.model.SafetyWarning;
import org.frontline.model.Sex;
import org.frontline.model.WhenRestricted;
import org.frontline.source.Codebook;
import org.frontline.source.CountryForm;
import org.frontline.source.SqlSupport;
import org.frontline.source.VisibleTo;

import java.util.Collection;
import java.util.List;

/**
 * The ECO schema's vocabulary against the common model, both ways: what the partner's database holds
 * ({@link EcoWriter}) and its API serves unchanged ({@link EcoConnector}). Names as surname, forenames and
 * patronymic plus the name in its own script; dates of birth "DD.MM.YYYY" or "YYYY"; countries ISO
 * alpha-3; sex M, F or X; notices with ECO's own types, measures, cautions and releasability.
 *
 * <h2>Releasability, read fail closed</h2>
 * A notice is releasable {@code ECO} (every member and partner), {@code ORIGINATOR} (the issuing state
 * only) or {@code LIST} (the states of {@code releasableTo}). Anything else, an ORIGINATOR notice whose
 * originator we cannot read, or a LIST whose list is absent, empty or holds a code that names no state,
 * restricts the notice to nobody ({@link VisibleTo}); a grading or handling we do not know reads as the
 * strictest. Documents and vehicles carry a list only: absent means everyone.
 */
public final class EcoVocabulary {

    public static final Codebook<AlertCategory> NOTICE_TYPE = Codebook.of("notice type", AlertCategory.class)
            .both(AlertCategory.WANTED_FOR_ARREST, "WANTED")
            .both(AlertCategory.TRAVEL_BAN, "EXIT_BAN")
            .both(AlertCategory.MISSING_PERSON, "MISSING")
            .both(AlertCategory.DISCREET_CHECK, "OBSERVE")
            .both(AlertCategory.DANGEROUS_PERSON, "DANGER")
            .write(AlertCategory.SPECIFIC_CHECK, "OBSERVE")
            .write(AlertCategory.INFORMATION, "DANGER")
            .build();

    public static final Codebook<ActionToTake> MEASURE = Codebook.of("measure", ActionToTake.class)
            .both(ActionToTake.ARREST, "DETAIN")
            .both(ActionToTake.PREVENT_TRAVEL, "STOP_AT_BORDER")
            .both(ActionToTake.LOCATE, "TRACE")
            .both(ActionToTake.DISCREET_CHECK, "OBSERVE_DISCREETLY")
            .both(ActionToTake.REPORT, "INFORM")
            .write(ActionToTake.SEIZE, "INFORM")
            .write(ActionToTake.VERIFY_IDENTITY, "INFORM")
            .write(ActionToTake.NO_ACTION, "INFORM")
            .build();

    public static final Codebook<SafetyWarning> CAUTION = Codebook.of("caution", SafetyWarning.class)
            .both(SafetyWarning.ARMED, "WEAPON")
            .both(SafetyWarning.VIOLENT, "VIOLENCE")
            .both(SafetyWarning.ESCAPE_RISK, "FLIGHT")
            .build();

    public static final Codebook<Clearance> GRADING = Codebook.of("grading", Clearance.class)
            .both(Clearance.UNCLASSIFIED, "OPEN")
            .both(Clearance.RESTRICTED, "RESTRICTED")
            .both(Clearance.CONFIDENTIAL, "CONFIDENTIAL")
            .both(Clearance.SECRET, "SECRET")
            .build();

    public static final Codebook<WhenRestricted> ON_RESTRICTED = Codebook.of("on restricted", WhenRestricted.class)
            .both(WhenRestricted.HIDE, "HIDE")
            .both(WhenRestricted.CONTACT_ONLY, "REFER")
            .build();

    public static final Codebook<DocumentType> DOC_TYPE = Codebook.of("document type", DocumentType.class)
            .both(DocumentType.PASSPORT, "PASSPORT")
            .both(DocumentType.ID_CARD, "ID_CARD")
            .both(DocumentType.VISA, "VISA")
            .both(DocumentType.RESIDENCE_PERMIT, "RESIDENCE_PERMIT")
            .both(DocumentType.TRAVEL_DOCUMENT, "TRAVEL_DOC")
            .build();

    public static final Codebook<AlertCategory> DOC_STATUS = Codebook.of("document status", AlertCategory.class)
            .both(AlertCategory.STOLEN_DOCUMENT, "STOLEN")
            .both(AlertCategory.LOST_DOCUMENT, "LOST")
            .both(AlertCategory.REVOKED_DOCUMENT, "INVALIDATED")
            .build();

    public static final Codebook<AlertCategory> VEHICLE_STATUS = Codebook.of("vehicle status", AlertCategory.class)
            .both(AlertCategory.STOLEN_VEHICLE, "STOLEN")
            .both(AlertCategory.WANTED_VEHICLE, "SOUGHT")
            .build();

    /** Releasability of a notice: every member and partner. */
    public static final String RELEASABLE_ECO = "ECO";
    /** Releasability of a notice: the originator only. */
    public static final String RELEASABLE_ORIGINATOR = "ORIGINATOR";
    /** Releasability of a notice: the states listed. */
    public static final String RELEASABLE_LIST = "LIST";

    /** Countries are ISO alpha-3. */
    public static final CountryForm COUNTRY = CountryForm.ALPHA3;

    private EcoVocabulary() {
    }

    public static ActionToTake documentAction(AlertCategory status) {
        return status == AlertCategory.LOST_DOCUMENT ? ActionToTake.REPORT : ActionToTake.SEIZE;
    }

    public static ActionToTake vehicleAction(AlertCategory status) {
        return status == AlertCategory.WANTED_VEHICLE ? ActionToTake.REPORT : ActionToTake.SEIZE;
    }

    public static String sexCode(Sex sex) {
        return sex == Sex.MALE ? "M" : sex == Sex.FEMALE ? "F" : "X";
    }

    /** M, F; X, null or a code we do not know is unknown. Never throws. */
    public static Sex sex(String code) {
        return "M".equals(code) ? Sex.MALE : "F".equals(code) ? Sex.FEMALE : Sex.UNKNOWN;
    }

    public static String countryCode(String alpha3) {
        return alpha3 == null ? null : COUNTRY.code(alpha3);
    }

    /** Read path: a country as ECO holds it, to alpha-3; null stays null. Never throws. */
    public static String country(String code) {
        return COUNTRY.read(code);
    }

    /** Alpha-3 codes as a releasable-to list, sorted; empty: null (everyone). */
    public static List<String> countryCodes(Collection<String> alpha3) {
        if (alpha3 == null || alpha3.isEmpty()) {
            return null;
        }
        return alpha3.stream().map(EcoVocabulary::countryCode).sorted().toList();
    }

    /** "DD.MM.YYYY" when known to the day, else "YYYY". */
    public static String birthDate(PartialDate dob) {
        if (dob == null) {
            return null;
        }
        if (dob.isFullDate()) {
            return String.format("%02d.%02d.%04d", dob.day(), dob.month(), dob.year());
        }
        return String.format("%04d", dob.year());
    }

    /** Read path: "DD.MM.YYYY" or "YYYY" back to a date; anything else: null. Never throws. */
    public static PartialDate dateOfBirth(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.matches("\\d{2}\\.\\d{2}\\.\\d{4}")) {
                return PartialDate.parse(t.substring(6, 10) + "-" + t.substring(3, 5) + "-" + t.substring(0, 2));
            }
            return t.matches("\\d{4}") ? PartialDate.parse(t) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Forenames, patronymic, surname as one Latin name in natural order, skipping the missing ones. */
    public static String fullName(String forenames, String patronymic, String surname) {
        return SqlSupport.joinNames(forenames, patronymic, surname);
    }

    /** The given names of the common model: forenames and patronymic. */
    public static String givenNames(String forenames, String patronymic) {
        return SqlSupport.joinNames(forenames, patronymic);
    }

    /**
     * Who may see a notice, fail closed (see the class comment).
     *
     * @param releasability ECO, ORIGINATOR or LIST as the partner sent it
     * @param releasableTo  the list, or null when absent
     * @param originator    the originating state as alpha-3 (already read), or null
     */
    public static VisibleTo releasableTo(String releasability, List<String> releasableTo, String originator) {
        if (RELEASABLE_ECO.equals(releasability)) {
            return VisibleTo.EVERYONE;
        }
        if (RELEASABLE_ORIGINATOR.equals(releasability)) {
            return originator == null ? VisibleTo.unreadable(1) : new VisibleTo(java.util.Set.of(originator), 0);
        }
        if (RELEASABLE_LIST.equals(releasability)) {
            return COUNTRY.readList(releasableTo);
        }
        return VisibleTo.unreadable(1);
    }

    /** A document's or vehicle's list: absent is everyone, else read fail closed. */
    public static VisibleTo releasableTo(List<String> releasableTo) {
        return releasableTo == null ? VisibleTo.EVERYONE : COUNTRY.readList(releasableTo);
    }
}
