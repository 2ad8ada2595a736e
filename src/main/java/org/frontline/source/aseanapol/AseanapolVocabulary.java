package org.frontline.source.aseanapol;

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
import java.util.stream.Collectors;

/**
 * The ASEANAPOL schema's vocabulary against the common model, both ways. One name field in the
 * order of the subject's own documents (family name first for Chinese and Vietnamese names);
 * dates of birth "YYYYMMDD" with 00 for an unknown month or day; countries as ICAO Doc 9303 codes
 * (alpha-3, but D for Germany), in pipe-separated lists; safety flags pipe-separated. Document
 * types are ICAO document codes: P passport, I identity card, V visa, A residence permit.
 */
public final class AseanapolVocabulary {

    public static final Codebook<AlertCategory> ENTRY_TYPE = Codebook.of("entry type", AlertCategory.class)
            .both(AlertCategory.WANTED_FOR_ARREST, "WANTED")
            .both(AlertCategory.MISSING_PERSON, "MISSING")
            .both(AlertCategory.DISCREET_CHECK, "SUSPECT")
            .both(AlertCategory.DANGEROUS_PERSON, "DANGEROUS")
            .write(AlertCategory.SPECIFIC_CHECK, "SUSPECT")
            .write(AlertCategory.INFORMATION, "SUSPECT")
            .write(AlertCategory.TRAVEL_BAN, "SUSPECT")
            .build();

    public static final Codebook<ActionToTake> RESPONSE_CODE = Codebook.of("response code", ActionToTake.class)
            .both(ActionToTake.ARREST, "APPREHEND")
            .both(ActionToTake.LOCATE, "LOCATE")
            .both(ActionToTake.DISCREET_CHECK, "OBSERVE")
            .both(ActionToTake.REPORT, "NOTIFY")
            .write(ActionToTake.PREVENT_TRAVEL, "NOTIFY")
            .write(ActionToTake.SEIZE, "NOTIFY")
            .write(ActionToTake.NO_ACTION, "NOTIFY")
            .build();

    /**
     * Elements of watchlist_entry.safety_flags. SELF_HARM is not among the flags the schema documents,
     * but the read side has always understood it: it is read (a warning a source sends is never
     * dropped) and never written.
     */
    public static final Codebook<SafetyWarning> SAFETY_FLAG = Codebook.of("safety flag", SafetyWarning.class)
            .both(SafetyWarning.ARMED, "ARMED")
            .both(SafetyWarning.VIOLENT, "VIOLENT")
            .both(SafetyWarning.ESCAPE_RISK, "FLIGHT_RISK")
            .read("SELF_HARM", SafetyWarning.SELF_HARM)
            .build();

    public static final Codebook<Clearance> CLASSIFICATION = Codebook.of("classification", Clearance.class)
            .both(Clearance.UNCLASSIFIED, "UNCLASSIFIED")
            .both(Clearance.RESTRICTED, "RESTRICTED")
            .both(Clearance.CONFIDENTIAL, "CONFIDENTIAL")
            .both(Clearance.SECRET, "SECRET")
            .build();

    public static final Codebook<DocumentType> TD_TYPE = Codebook.of("travel document type", DocumentType.class)
            .both(DocumentType.PASSPORT, "P")
            .both(DocumentType.ID_CARD, "I")
            .both(DocumentType.VISA, "V")
            .both(DocumentType.RESIDENCE_PERMIT, "A")
            .write(DocumentType.TRAVEL_DOCUMENT, "P")
            .build();

    public static final Codebook<AlertCategory> TD_STATUS = Codebook.of("travel document status", AlertCategory.class)
            .both(AlertCategory.STOLEN_DOCUMENT, "STOLEN")
            .both(AlertCategory.LOST_DOCUMENT, "LOST")
            .both(AlertCategory.REVOKED_DOCUMENT, "CANCELLED")
            .build();

    public static final Codebook<AlertCategory> CONVEYANCE_STATUS = Codebook.of("conveyance status", AlertCategory.class)
            .both(AlertCategory.STOLEN_VEHICLE, "STOLEN")
            .both(AlertCategory.WANTED_VEHICLE, "WANTED")
            .build();

    public static final Codebook<Sex> SEX = Codebook.of("sex", Sex.class)
            .both(Sex.MALE, "MALE").both(Sex.FEMALE, "FEMALE").both(Sex.UNKNOWN, "UNKNOWN")
            .build();

    /** dissemination values. */
    public static final String ALL_MEMBERS = "ALL_MEMBERS";
    public static final String LISTED_MEMBERS = "LISTED_MEMBERS";

    private AseanapolVocabulary() {
    }

    public static ActionToTake documentAction(AlertCategory status) {
        return status == AlertCategory.LOST_DOCUMENT ? ActionToTake.REPORT : ActionToTake.SEIZE;
    }

    public static ActionToTake vehicleAction(String status) {
        return "WANTED".equals(status) ? ActionToTake.REPORT : ActionToTake.SEIZE;
    }

    /** safety_flags text ("ARMED|VIOLENT", any case) to warnings; empty text: none; unknown flags dropped. */
    public static List<SafetyWarning> safetyFlags(String text) {
        return SAFETY_FLAG.readAll(SqlSupport.split(text, "\\|"));
    }

    /** contact_only_when_restricted: true is contact-only, false or null hides the entry. */
    public static WhenRestricted whenRestricted(Boolean contactOnly) {
        return Boolean.TRUE.equals(contactOnly) ? WhenRestricted.CONTACT_ONLY : WhenRestricted.HIDE;
    }

    /**
     * Who may see a watch-list entry, as the schema documents: {@code ALL_MEMBERS} every member
     * state ({@code member_states} is then ignored); {@code LISTED_MEMBERS} only the states of
     * {@code member_states} (pipe-separated ICAO codes), so NULL or empty {@code member_states} lists
     * nobody. A dissemination value we do not know, or an entry of the list we cannot read (unknown,
     * or a code that names no state such as XXA, UNO, EUE), restricts to nobody ({@link VisibleTo}).
     * The schema names no owner state. Never throws.
     */
    public static VisibleTo disseminatedTo(String dissemination, String memberStates) {
        if (ALL_MEMBERS.equals(dissemination)) {
            return VisibleTo.EVERYONE;
        }
        if (LISTED_MEMBERS.equals(dissemination)) {
            return COUNTRY.readList(SqlSupport.split(memberStates, "\\|"));
        }
        return VisibleTo.unreadable(1);
    }

    /**
     * {@code member_states} of travel documents and conveyances (no dissemination column): NULL is
     * every member state (documented in V4's column comments, as our tooling has always written it);
     * otherwise only the states listed. An entry we cannot read, or a text without entries, restricts
     * to nobody ({@link VisibleTo}). Never throws.
     */
    public static VisibleTo memberStates(String listOrNull) {
        return listOrNull == null ? VisibleTo.EVERYONE : COUNTRY.readList(SqlSupport.split(listOrNull, "\\|"));
    }

    public static String safetyFlagsText(List<SafetyWarning> warnings) {
        return String.join("|", SAFETY_FLAG.codesOf(warnings));
    }

    /** Countries are ICAO Doc 9303 codes. */
    public static final CountryForm COUNTRY = CountryForm.ICAO;

    /** Common alpha-3 to ICAO (DEU is D). */
    public static String countryCode(String alpha3) {
        return COUNTRY.code(alpha3);
    }

    /** Read path: ICAO to alpha-3 (D is DEU); null for a code we do not know. Never throws. */
    public static String country(String icao) {
        return COUNTRY.read(icao);
    }

    /** Alpha-3 set to the pipe-separated ICAO list of member_states; empty: null. */
    public static String countryList(Collection<String> alpha3) {
        if (alpha3 == null || alpha3.isEmpty()) {
            return null;
        }
        return alpha3.stream().map(AseanapolVocabulary::countryCode).sorted().collect(Collectors.joining("|"));
    }

    /** "YYYYMMDD" with 00 for unknown parts. */
    public static String dob(PartialDate dob) {
        return dob == null ? null : String.format("%04d%02d%02d", dob.year(), dob.month(), dob.day());
    }

    /**
     * Read path: "YYYYMMDD" back to a date, 00 for an unknown month or day (a day without a month is
     * dropped); anything else, or no such date: null. Never throws.
     */
    public static PartialDate dateOfBirth(String dob) {
        if (dob == null || !dob.matches("\\d{8}")) {
            return null;
        }
        int month = Integer.parseInt(dob.substring(4, 6));
        int day = Integer.parseInt(dob.substring(6, 8));
        try {
            return new PartialDate(Integer.parseInt(dob.substring(0, 4)), month, month == 0 ? 0 : day);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The name field in document order. */
    public static String fullName(String givenNames, String familyName, boolean familyNameFirst) {
        if (givenNames == null || givenNames.isBlank()) {
            return familyName;
        }
        if (familyName == null || familyName.isBlank()) {
            return givenNames;
        }
        return familyNameFirst ? familyName + " " + givenNames : givenNames + " " + familyName;
    }
}
