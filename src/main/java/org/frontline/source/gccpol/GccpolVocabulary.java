package org.frontline.source.gccpol;

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
import org.frontline.source.VisibleTo;
import org.frontline.source.SqlSupport;

import java.util.Collection;
import java.util.List;

/**
 * The GCCPOL schema's vocabulary against the common model, both ways. Names in four parts (first,
 * father, grandfather, family) plus Arabic script; dates of birth text "YYYY-MM-DD" or "YYYY";
 * countries ISO alpha-2 (arrays); gender M/F only (unknown is NULL). "REFER" is contact-only.
 */
public final class GccpolVocabulary {

    public static final Codebook<AlertCategory> CIRCULAR_TYPE = Codebook.of("circular type", AlertCategory.class)
            .both(AlertCategory.WANTED_FOR_ARREST, "ARREST_WARRANT")
            .both(AlertCategory.TRAVEL_BAN, "TRAVEL_BAN")
            .both(AlertCategory.MISSING_PERSON, "MISSING")
            .both(AlertCategory.DISCREET_CHECK, "SURVEILLANCE")
            .both(AlertCategory.DANGEROUS_PERSON, "CAUTION")
            .write(AlertCategory.SPECIFIC_CHECK, "SURVEILLANCE")
            .write(AlertCategory.INFORMATION, "CAUTION")
            .build();

    public static final Codebook<ActionToTake> INSTRUCTION = Codebook.of("instruction", ActionToTake.class)
            .both(ActionToTake.ARREST, "ARREST")
            .both(ActionToTake.PREVENT_TRAVEL, "PREVENT_TRAVEL_AND_REPORT")
            .both(ActionToTake.LOCATE, "LOCATE")
            .both(ActionToTake.DISCREET_CHECK, "MONITOR")
            .both(ActionToTake.REPORT, "REPORT")
            .write(ActionToTake.SEIZE, "REPORT")
            .write(ActionToTake.NO_ACTION, "REPORT")
            .build();

    public static final Codebook<SafetyWarning> HAZARD = Codebook.of("hazard", SafetyWarning.class)
            .both(SafetyWarning.ARMED, "ARMED")
            .both(SafetyWarning.VIOLENT, "VIOLENT")
            .both(SafetyWarning.ESCAPE_RISK, "ESCAPE_RISK")
            .build();

    public static final Codebook<Clearance> CLEARANCE = Codebook.of("clearance", Clearance.class)
            .both(Clearance.UNCLASSIFIED, "UNCLASSIFIED")
            .both(Clearance.RESTRICTED, "RESTRICTED")
            .both(Clearance.CONFIDENTIAL, "CONFIDENTIAL")
            .both(Clearance.SECRET, "SECRET")
            .build();

    public static final Codebook<WhenRestricted> WHEN_RESTRICTED = Codebook.of("when restricted", WhenRestricted.class)
            .both(WhenRestricted.HIDE, "WITHHOLD")
            .both(WhenRestricted.CONTACT_ONLY, "REFER")
            .build();

    public static final Codebook<DocumentType> DOCUMENT_KIND = Codebook.of("document kind", DocumentType.class)
            .both(DocumentType.PASSPORT, "PASSPORT")
            .both(DocumentType.ID_CARD, "NATIONAL_ID")
            .both(DocumentType.VISA, "VISA")
            .both(DocumentType.RESIDENCE_PERMIT, "RESIDENCE_PERMIT")
            .write(DocumentType.TRAVEL_DOCUMENT, "PASSPORT")
            .build();

    public static final Codebook<AlertCategory> DOCUMENT_STATUS = Codebook.of("document status", AlertCategory.class)
            .both(AlertCategory.STOLEN_DOCUMENT, "STOLEN")
            .both(AlertCategory.LOST_DOCUMENT, "LOST")
            .both(AlertCategory.REVOKED_DOCUMENT, "REVOKED")
            .build();

    public static final Codebook<AlertCategory> VEHICLE_STATUS = Codebook.of("vehicle status", AlertCategory.class)
            .both(AlertCategory.STOLEN_VEHICLE, "STOLEN")
            .both(AlertCategory.WANTED_VEHICLE, "WANTED")
            .build();

    private GccpolVocabulary() {
    }

    public static ActionToTake documentAction(AlertCategory status) {
        return status == AlertCategory.LOST_DOCUMENT ? ActionToTake.REPORT : ActionToTake.SEIZE;
    }

    public static ActionToTake vehicleAction(String status) {
        return "WANTED".equals(status) ? ActionToTake.REPORT : ActionToTake.SEIZE;
    }

    /** gender column: M, F, or null for unknown. */
    public static String genderCode(Sex sex) {
        return sex == Sex.MALE ? "M" : sex == Sex.FEMALE ? "F" : null;
    }

    /** gender column back: M, F; null or a code we do not know is unknown. Never throws. */
    public static Sex sex(String gender) {
        return "M".equals(gender) ? Sex.MALE : "F".equals(gender) ? Sex.FEMALE : Sex.UNKNOWN;
    }

    /** Countries are ISO alpha-2. */
    public static final CountryForm COUNTRY = CountryForm.ALPHA2;

    public static String countryCode(String alpha3) {
        return COUNTRY.code(alpha3);
    }

    /** Read path: alpha-2 to alpha-3; null for a code we do not know. Never throws. */
    public static String country(String alpha2) {
        return COUNTRY.read(alpha2);
    }

    /**
     * {@code shared_with} (CHAR(2)[], on circulars, documents and vehicles): NULL is all GCC member
     * states and partners, as the schema documents; otherwise only the states listed (ISO alpha-2,
     * plus the UK, EL and XK that partners write, see {@link org.frontline.model.Countries}). An entry
     * we cannot read (unknown, blank, NULL), or an empty array, which the schema does not document,
     * restricts to nobody ({@link VisibleTo}). The schema names no owner state. Never throws.
     */
    public static VisibleTo sharedWith(List<String> alpha2OrNull) {
        return alpha2OrNull == null ? VisibleTo.EVERYONE : COUNTRY.readList(alpha2OrNull);
    }

    /** Alpha-3 codes to the alpha-2 list of shared_with, sorted; empty: null (everyone). */
    public static List<String> countryCodes(Collection<String> alpha3) {
        if (alpha3 == null || alpha3.isEmpty()) {
            return null;
        }
        return alpha3.stream().map(GccpolVocabulary::countryCode).sorted().toList();
    }

    /** "YYYY-MM-DD" when known to the day, else "YYYY". */
    public static String birthDate(PartialDate dob) {
        if (dob == null) {
            return null;
        }
        return dob.isFullDate() ? dob.toString() : String.format("%04d", dob.year());
    }

    /** Read path: birth_date "YYYY-MM-DD" or "YYYY" back to a date; anything else (or no such date): null. Never throws. */
    public static PartialDate dateOfBirth(String birthDate) {
        try {
            return birthDate == null ? null : PartialDate.parse(birthDate.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The four parts as one Latin name in natural order, skipping the missing ones. */
    public static String fullName(String first, String father, String grandfather, String family) {
        return SqlSupport.joinNames(first, father, grandfather, family);
    }

    /** The given names of the common model: first, father's and grandfather's names (the patronymic chain). */
    public static String givenNames(String first, String father, String grandfather) {
        return SqlSupport.joinNames(first, father, grandfather);
    }
}
