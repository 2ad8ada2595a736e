package org.frontline.source.interpol;

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

import java.time.LocalDate;
import java.util.List;

/**
 * The INTERPOL schema's vocabulary against the common model, both ways. Notice colours become
 * alert categories (red: arrest, yellow: missing, blue: locate/identify, green: warning about
 * criminal activity, orange: threat, diffusion: a member country's request). Countries are alpha-3,
 * as in the common model. Dates of birth: birth_date when known to the day, else birth_year.
 * SMV holds stolen vehicles only.
 */
public final class InterpolVocabulary {

    public static final Codebook<AlertCategory> NOTICE_COLOUR = Codebook.of("notice colour", AlertCategory.class)
            .both(AlertCategory.WANTED_FOR_ARREST, "RED")
            .both(AlertCategory.MISSING_PERSON, "YELLOW")
            .both(AlertCategory.DISCREET_CHECK, "BLUE")
            .both(AlertCategory.INFORMATION, "GREEN")
            .both(AlertCategory.DANGEROUS_PERSON, "ORANGE")
            .both(AlertCategory.SPECIFIC_CHECK, "DIFFUSION")
            .write(AlertCategory.TRAVEL_BAN, "DIFFUSION")
            .build();

    public static final Codebook<ActionToTake> REQUESTED_ACTION = Codebook.of("requested action", ActionToTake.class)
            .both(ActionToTake.ARREST, "PROVISIONAL_ARREST")
            .both(ActionToTake.LOCATE, "LOCATE")
            .both(ActionToTake.DISCREET_CHECK, "DISCREET_CHECK")
            .both(ActionToTake.REPORT, "REPORT")
            .both(ActionToTake.NO_ACTION, "NONE")
            .write(ActionToTake.PREVENT_TRAVEL, "REPORT")
            .write(ActionToTake.SEIZE, "REPORT")
            .build();

    /** Elements of notice.caution (TEXT[]). */
    public static final Codebook<SafetyWarning> CAUTION = Codebook.of("caution", SafetyWarning.class)
            .both(SafetyWarning.ARMED, "ARMED")
            .both(SafetyWarning.VIOLENT, "VIOLENT")
            .both(SafetyWarning.ESCAPE_RISK, "ESCAPE_RISK")
            .both(SafetyWarning.SELF_HARM, "SUICIDAL")
            .both(SafetyWarning.CONTAGIOUS, "CONTAGIOUS")
            .build();

    public static final Codebook<Clearance> MIN_CLEARANCE = Codebook.of("min clearance", Clearance.class)
            .both(Clearance.UNCLASSIFIED, "UNCLASSIFIED")
            .both(Clearance.RESTRICTED, "RESTRICTED")
            .both(Clearance.CONFIDENTIAL, "CONFIDENTIAL")
            .both(Clearance.SECRET, "SECRET")
            .build();

    public static final Codebook<WhenRestricted> IF_RESTRICTED = Codebook.of("if restricted", WhenRestricted.class)
            .both(WhenRestricted.HIDE, "HIDE")
            .both(WhenRestricted.CONTACT_ONLY, "CONTACT_ONLY")
            .build();

    public static final Codebook<DocumentType> DOCUMENT_TYPE = Codebook.of("SLTD document type", DocumentType.class)
            .both(DocumentType.PASSPORT, "PASSPORT")
            .both(DocumentType.ID_CARD, "ID_CARD")
            .both(DocumentType.VISA, "VISA")
            .both(DocumentType.TRAVEL_DOCUMENT, "TRAVEL_DOCUMENT")
            .write(DocumentType.RESIDENCE_PERMIT, "TRAVEL_DOCUMENT")
            .build();

    /** sltd_document.status as the document alert's category. */
    public static final Codebook<AlertCategory> DOCUMENT_STATUS = Codebook.of("SLTD status", AlertCategory.class)
            .both(AlertCategory.STOLEN_DOCUMENT, "STOLEN")
            .both(AlertCategory.LOST_DOCUMENT, "LOST")
            .both(AlertCategory.REVOKED_DOCUMENT, "REVOKED")
            .build();

    public static final Codebook<Sex> SEX = Codebook.of("sex", Sex.class)
            .both(Sex.MALE, "M").both(Sex.FEMALE, "F").both(Sex.UNKNOWN, "U")
            .build();

    /** Every SMV record is a stolen vehicle; its alert asks to seize it. */
    public static final AlertCategory VEHICLE_CATEGORY = AlertCategory.STOLEN_VEHICLE;
    public static final ActionToTake VEHICLE_ACTION = ActionToTake.SEIZE;

    private InterpolVocabulary() {
    }

    /** The action that goes with a document status: stolen and revoked documents are seized. */
    public static ActionToTake documentAction(AlertCategory status) {
        return status == AlertCategory.LOST_DOCUMENT ? ActionToTake.REPORT : ActionToTake.SEIZE;
    }

    /** Countries are ISO alpha-3, as in the common model. */
    public static final CountryForm COUNTRY = CountryForm.ALPHA3;

    /** Common (alpha-3 or ICAO) to the source's form: ISO alpha-3. */
    public static String countryCode(String alpha3) {
        return COUNTRY.code(alpha3);
    }

    /**
     * The source's country code to the common form (alpha-3, an ICAO-only code read as its ISO
     * country); a code we do not know is kept as stored. Never throws.
     */
    public static String country(String code) {
        return COUNTRY.read(code);
    }

    /**
     * {@code restricted_to} (CHAR(3)[], on notices, SLTD documents and SMV vehicles): NULL is every
     * member country, as the schema documents; otherwise only the countries listed. An entry we cannot
     * read (unknown, blank, NULL, or a code that names no state such as XXA or UNO), or an empty
     * array, which the schema does not document, restricts to nobody ({@link VisibleTo}). The schema
     * names no owner country. Never throws.
     */
    public static VisibleTo restrictedTo(List<String> codesOrNull) {
        return codesOrNull == null ? VisibleTo.EVERYONE : COUNTRY.readList(codesOrNull);
    }

    /** notice_subject.birth_date: the date when known to the day, else null. */
    public static LocalDate birthDate(PartialDate dob) {
        return dob != null && dob.isFullDate() ? LocalDate.of(dob.year(), dob.month(), dob.day()) : null;
    }

    /** notice_subject.birth_year: the year when only the year (or year and month) is known, else null. */
    public static Short birthYear(PartialDate dob) {
        return dob != null && !dob.isFullDate() ? (short) dob.year() : null;
    }

    /** Both columns back to one partial date; null when neither is set. */
    public static PartialDate dateOfBirth(LocalDate birthDate, Integer birthYear) {
        if (birthDate != null) {
            return PartialDate.of(birthDate);
        }
        return birthYear == null ? null : PartialDate.ofYear(birthYear);
    }
}
