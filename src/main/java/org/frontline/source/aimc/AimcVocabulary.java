package org.frontline.source.aimc;

import org.frontline.model.ActionToTake;
import org.frontline.model.Countries;
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

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The AIMC schema's vocabulary against the common model, both ways. Names in Arabic script first,
 * with the clerk's Latin transliteration beside them; dates of birth text in the calendar they were
 * recorded in (G Gregorian, H Hijri Umm al-Qura, read through {@link HijrahDate}); sex by ISO/IEC 5218;
 * countries ISO alpha-3; bulletin types and measures in the Council's own (transliterated Arabic) terms.
 *
 * <h2>The restriction model, read fail closed</h2>
 * Every bulletin, document and vehicle names its issuing state and a distribution: {@code ALL} (every
 * member state and partner), {@code LIST} (only the states of {@code shared_with}, a JSON array of
 * alpha-3 codes) or {@code ORIGIN} (the issuing state alone). A distribution we do not know, a LIST
 * whose array is missing, empty or holds a state we cannot read, restricts the record to its issuing
 * state when that is a state we know, else to nobody ({@link VisibleTo#restrictTo}); a secrecy level
 * we do not know reads as the highest ({@link SqlSupport#UNKNOWN_CLEARANCE}); an unknown
 * {@code on_restricted} as WITHHOLD (hide). Nothing here widens what a record says about who may see it.
 */
public final class AimcVocabulary {

    public static final Codebook<AlertCategory> BULLETIN_TYPE = Codebook.of("bulletin type", AlertCategory.class)
            .both(AlertCategory.WANTED_FOR_ARREST, "QABD")            // qabd: arrest
            .both(AlertCategory.TRAVEL_BAN, "MAN_SAFAR")              // man' al-safar: travel ban
            .both(AlertCategory.MISSING_PERSON, "BAHTH")              // bahth: search (missing person)
            .both(AlertCategory.DISCREET_CHECK, "RASD")               // rasd: watch
            .both(AlertCategory.DANGEROUS_PERSON, "TAHDHIR")          // tahdhir: caution
            .write(AlertCategory.SPECIFIC_CHECK, "RASD")
            .write(AlertCategory.INFORMATION, "TAHDHIR")
            .build();

    public static final Codebook<ActionToTake> MEASURE = Codebook.of("measure", ActionToTake.class)
            .both(ActionToTake.ARREST, "ARREST")
            .both(ActionToTake.PREVENT_TRAVEL, "STOP_TRAVEL")
            .both(ActionToTake.LOCATE, "LOCATE")
            .both(ActionToTake.DISCREET_CHECK, "WATCH")
            .both(ActionToTake.REPORT, "NOTIFY")
            .write(ActionToTake.SEIZE, "NOTIFY")
            .write(ActionToTake.NO_ACTION, "NOTIFY")
            .build();

    public static final Codebook<SafetyWarning> HAZARD = Codebook.of("hazard", SafetyWarning.class)
            .both(SafetyWarning.ARMED, "ARMED")
            .both(SafetyWarning.VIOLENT, "VIOLENT")
            .both(SafetyWarning.ESCAPE_RISK, "ESCAPE")
            .build();

    /** secrecy_level 1..4. */
    public static final Codebook<Clearance> SECRECY = Codebook.of("secrecy level", Clearance.class)
            .both(Clearance.UNCLASSIFIED, "1")
            .both(Clearance.RESTRICTED, "2")
            .both(Clearance.CONFIDENTIAL, "3")
            .both(Clearance.SECRET, "4")
            .build();

    public static final Codebook<WhenRestricted> ON_RESTRICTED = Codebook.of("on restricted", WhenRestricted.class)
            .both(WhenRestricted.HIDE, "WITHHOLD")
            .both(WhenRestricted.CONTACT_ONLY, "REFER")
            .build();

    public static final Codebook<DocumentType> DOCUMENT_KIND = Codebook.of("document kind", DocumentType.class)
            .both(DocumentType.PASSPORT, "JAWAZ")
            .both(DocumentType.ID_CARD, "HAWIYA")
            .both(DocumentType.VISA, "TASHIRA")
            .both(DocumentType.RESIDENCE_PERMIT, "IQAMA")
            .write(DocumentType.TRAVEL_DOCUMENT, "JAWAZ")
            .build();

    public static final Codebook<AlertCategory> DOCUMENT_STATE = Codebook.of("document state", AlertCategory.class)
            .both(AlertCategory.STOLEN_DOCUMENT, "MASRUQ")
            .both(AlertCategory.LOST_DOCUMENT, "MAFQUD")
            .both(AlertCategory.REVOKED_DOCUMENT, "MULGHA")
            .build();

    public static final Codebook<AlertCategory> VEHICLE_STATE = Codebook.of("vehicle state", AlertCategory.class)
            .both(AlertCategory.STOLEN_VEHICLE, "MASRUQA")
            .both(AlertCategory.WANTED_VEHICLE, "MATLUBA")
            .build();

    /** The distributions of the restriction model. */
    public static final String ALL = "ALL";
    public static final String LIST = "LIST";
    public static final String ORIGIN = "ORIGIN";

    /** Countries are ISO alpha-3. */
    public static final CountryForm COUNTRY = CountryForm.ALPHA3;

    /** Gregorian and Hijri (Umm al-Qura), as birth_calendar holds them. */
    public static final String GREGORIAN = "G";
    public static final String HIJRI = "H";

    private AimcVocabulary() {
    }

    public static ActionToTake documentAction(AlertCategory state) {
        return state == AlertCategory.LOST_DOCUMENT ? ActionToTake.REPORT : ActionToTake.SEIZE;
    }

    public static ActionToTake vehicleAction(AlertCategory state) {
        return state == AlertCategory.WANTED_VEHICLE ? ActionToTake.REPORT : ActionToTake.SEIZE;
    }

    /** ISO/IEC 5218: 1 male, 2 female, 0 unknown. */
    public static String sexCode(Sex sex) {
        return sex == Sex.MALE ? "1" : sex == Sex.FEMALE ? "2" : "0";
    }

    /** ISO/IEC 5218 back: 1, 2; anything else (0, 9, a code we do not know) is unknown. Never throws. */
    public static Sex sex(String code) {
        return "1".equals(code) ? Sex.MALE : "2".equals(code) ? Sex.FEMALE : Sex.UNKNOWN;
    }

    public static String countryCode(String alpha3) {
        return COUNTRY.code(alpha3);
    }

    /** Read path: null for a code we do not know. Never throws. */
    public static String country(String alpha3) {
        return COUNTRY.read(alpha3);
    }

    /**
     * Who may see a record, as its distribution says (the class comment: unknown means the issuer or nobody).
     *
     * @param sharedWith the JSON array's codes, or null when the column is NULL
     * @param issuer     the issuing state as read (alpha-3), or null
     */
    public static VisibleTo distribution(String distribution, List<String> sharedWith, String issuer) {
        if (ALL.equals(distribution)) {
            return VisibleTo.EVERYONE;
        }
        if (LIST.equals(distribution)) {
            return COUNTRY.readList(sharedWith);
        }
        if (ORIGIN.equals(distribution) && Countries.isState(issuer)) {
            return new VisibleTo(Set.of(issuer), 0);
        }
        // an unknown distribution, or ORIGIN of an issuer we cannot read: the issuer when it is a state, else nobody
        return VisibleTo.unreadable(1);
    }

    /** The distribution written for a list of states (alpha-3; empty: everyone). */
    public static String distributionOf(Collection<String> states) {
        return states == null || states.isEmpty() ? ALL : LIST;
    }

    /** The shared_with array written for a list of states: alpha-3, sorted; null for everyone. */
    public static List<String> sharedWith(Collection<String> states) {
        return states == null || states.isEmpty() ? null
                : states.stream().map(AimcVocabulary::countryCode).sorted().toList();
    }

    // ------------------------------------------------------------------ dates of birth

    /**
     * The birth_date text for a date, in the calendar asked: "YYYY-MM-DD" (Hijri when asked and within
     * the Umm al-Qura range, else Gregorian), "YYYY" for a year alone (always Gregorian: a Hijri year
     * alone straddles two Gregorian years, and the world knows the Gregorian one). Returns
     * {date, calendar}, or null for an unknown date.
     */
    public static String[] birthDate(PartialDate date, boolean hijri) {
        if (date == null) {
            return null;
        }
        if (!date.isFullDate()) {
            return new String[] {String.format("%04d", date.year()), GREGORIAN};
        }
        LocalDate day = LocalDate.of(date.year(), date.month(), date.day());
        if (hijri) {
            try {
                HijrahDate h = HijrahDate.from(day);
                return new String[] {String.format("%04d-%02d-%02d", h.get(ChronoField.YEAR_OF_ERA),
                        h.get(ChronoField.MONTH_OF_YEAR), h.get(ChronoField.DAY_OF_MONTH)), HIJRI};
            } catch (DateTimeException outsideUmmAlQura) {
                // before 1300 AH or after 1600 AH: written Gregorian
            }
        }
        return new String[] {day.toString(), GREGORIAN};
    }

    /**
     * Read path: a date of birth in the common model (Gregorian), from the text and its calendar. A
     * Hijri day is converted by {@link HijrahDate}; a Hijri year alone is read as the Gregorian year
     * in which its middle falls (it overlaps two; the matcher compares years with a year's
     * tolerance); a date that does not parse, a Hijri date outside the Umm al-Qura tables (1300 to
     * 1600 AH), an unknown calendar: no date. Never throws.
     */
    public static PartialDate dateOfBirth(String text, String calendar) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (GREGORIAN.equals(calendar)) {
                return PartialDate.parse(t);
            }
            if (!HIJRI.equals(calendar)) {
                return null;
            }
            if (t.matches("\\d{4}")) {
                int year = Integer.parseInt(t);
                return PartialDate.ofYear(LocalDate.from(HijrahDate.of(year, 6, 15)).getYear());
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                HijrahDate h = HijrahDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(5, 7)),
                        Integer.parseInt(t.substring(8, 10)));
                return PartialDate.of(LocalDate.from(h));
            }
            return null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The Latin name: given names then family name. */
    public static String latinName(String given, String family) {
        return SqlSupport.joinNames(given, family);
    }

    /** Hazards column (comma-separated) written. */
    public static String hazards(List<SafetyWarning> warnings) {
        return String.join(",", HAZARD.codesOf(warnings));
    }

    /** Hazards column read: codes we do not know are dropped. Never throws. */
    public static List<SafetyWarning> hazards(String column) {
        return HAZARD.readAll(SqlSupport.split(column, ","));
    }
}
