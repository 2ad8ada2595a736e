package org.frontline.source.europol;

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
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Europol schema's vocabulary against the common model, both ways. A flag's measure carries
 * both the category and the action (there is no action column). Names are one field,
 * "FAMILY, Given Names"; dates of birth text "DD.MM.YYYY" or "YYYY"; countries ISO alpha-2 in
 * comma-separated lists; risk markers semicolon-separated; handling codes H0..H3 pass through.
 */
public final class EuropolVocabulary {

    public static final Codebook<AlertCategory> MEASURE = Codebook.of("measure", AlertCategory.class)
            .both(AlertCategory.WANTED_FOR_ARREST, "EAW_ARREST")
            .both(AlertCategory.MISSING_PERSON, "MISSING_PERSON")
            .both(AlertCategory.DISCREET_CHECK, "DISCREET_SURVEILLANCE")
            .both(AlertCategory.SPECIFIC_CHECK, "SPECIFIC_CHECK")
            .both(AlertCategory.INFORMATION, "INFORMATION")
            .write(AlertCategory.DANGEROUS_PERSON, "INFORMATION")
            .write(AlertCategory.TRAVEL_BAN, "SPECIFIC_CHECK")
            .build();

    public static final Codebook<SafetyWarning> RISK_MARKER = Codebook.of("risk marker", SafetyWarning.class)
            .both(SafetyWarning.ARMED, "armed")
            .both(SafetyWarning.VIOLENT, "violent")
            .both(SafetyWarning.ESCAPE_RISK, "escape")
            .both(SafetyWarning.SELF_HARM, "self-harm")
            .build();

    public static final Codebook<Clearance> MIN_CLEARANCE = Codebook.of("min clearance", Clearance.class)
            .both(Clearance.UNCLASSIFIED, "UNCLASSIFIED")
            .both(Clearance.RESTRICTED, "RESTRICTED")
            .both(Clearance.CONFIDENTIAL, "CONFIDENTIAL")
            .both(Clearance.SECRET, "SECRET")
            .build();

    public static final Codebook<WhenRestricted> ON_RESTRICTION = Codebook.of("on restriction", WhenRestricted.class)
            .both(WhenRestricted.HIDE, "suppress")
            .both(WhenRestricted.CONTACT_ONLY, "contact-only")
            .build();

    public static final Codebook<DocumentType> DOC_KIND = Codebook.of("document kind", DocumentType.class)
            .both(DocumentType.PASSPORT, "passport")
            .both(DocumentType.ID_CARD, "identity card")
            .both(DocumentType.RESIDENCE_PERMIT, "residence permit")
            .both(DocumentType.VISA, "visa")
            .write(DocumentType.TRAVEL_DOCUMENT, "passport")
            .build();

    public static final Codebook<AlertCategory> DOC_STATE = Codebook.of("document state", AlertCategory.class)
            .both(AlertCategory.STOLEN_DOCUMENT, "stolen")
            .both(AlertCategory.LOST_DOCUMENT, "lost")
            .both(AlertCategory.REVOKED_DOCUMENT, "revoked")
            .build();

    /** "used in crime" reads as a wanted vehicle to report; a wanted vehicle is written "wanted for seizure". */
    public static final Codebook<AlertCategory> VEH_STATE = Codebook.of("vehicle state", AlertCategory.class)
            .both(AlertCategory.STOLEN_VEHICLE, "stolen")
            .both(AlertCategory.WANTED_VEHICLE, "wanted for seizure")
            .read("used in crime", AlertCategory.WANTED_VEHICLE)
            .build();

    public static final Codebook<Sex> GENDER = Codebook.of("gender", Sex.class)
            .both(Sex.MALE, "male").both(Sex.FEMALE, "female").both(Sex.UNKNOWN, "unknown")
            .build();

    public static final Set<String> HANDLING_CODES = Set.of("H0", "H1", "H2", "H3");

    private EuropolVocabulary() {
    }

    /** The action a measure asks for; a measure we do not know (read as INFORMATION) asks to report. Never throws. */
    public static ActionToTake action(String measure) {
        return switch (MEASURE.valueOr(measure, AlertCategory.INFORMATION)) {
            case WANTED_FOR_ARREST -> ActionToTake.ARREST;
            case MISSING_PERSON -> ActionToTake.LOCATE;
            case DISCREET_CHECK -> ActionToTake.DISCREET_CHECK;
            default -> ActionToTake.REPORT;
        };
    }

    /** The action a vehicle state asks for. */
    public static ActionToTake vehicleAction(String vehState) {
        return "used in crime".equals(vehState) ? ActionToTake.REPORT : ActionToTake.SEIZE;
    }

    public static ActionToTake documentAction(AlertCategory status) {
        return status == AlertCategory.LOST_DOCUMENT ? ActionToTake.REPORT : ActionToTake.SEIZE;
    }

    /** risk_markers text ("armed;violent", any case) to warnings; empty text: none; unknown markers dropped. */
    public static List<SafetyWarning> riskMarkers(String text) {
        return RISK_MARKER.readAll(SqlSupport.split(text, ";"));
    }

    /** Warnings to risk_markers text; warnings Europol has no marker for are dropped. */
    public static String riskMarkersText(List<SafetyWarning> warnings) {
        return String.join(";", RISK_MARKER.codesOf(warnings));
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

    /** Alpha-3 set to the comma-separated alpha-2 list of releasable_to; empty set: null (all). */
    public static String countryList(Collection<String> alpha3) {
        if (alpha3 == null || alpha3.isEmpty()) {
            return null;
        }
        return alpha3.stream().map(EuropolVocabulary::countryCode).sorted().collect(Collectors.joining(","));
    }

    /**
     * {@code releasable_to} (free text, on flags, documents and vehicles): NULL is all member states,
     * as the schema documents; otherwise the codes listed, separated by commas (semicolons and spaces
     * are read as separators too). Codes are alpha-2, plus Europol's own: {@code UK} the United
     * Kingdom, {@code EL} Greece, {@code XK} Kosovo (RKS), {@code EU} every EU member state (see
     * {@link org.frontline.model.Countries}). An entry we cannot read, or a text without entries, which
     * the schema does not document, restricts to nobody but the owner ({@link VisibleTo}): the member
     * state of {@code eis_person.owner_ms} for a flag; objects name no owner. Never throws.
     */
    public static VisibleTo releasableTo(String listOrNull) {
        return listOrNull == null ? VisibleTo.EVERYONE : COUNTRY.readList(SqlSupport.split(listOrNull, "[,;\\s]+"));
    }

    /**
     * {@code releasable_agency} (free text): NULL is any agency, as the schema documents; otherwise the
     * agency codes listed, separated by commas. A text without entries, which the schema does not
     * document, is unreadable: the caller adds it to the flag's {@link VisibleTo} ({@link #agenciesUnreadable}).
     */
    public static Set<String> releasableAgencies(String listOrNull) {
        return Set.copyOf(SqlSupport.split(listOrNull, ","));
    }

    /** 1 when {@code releasable_agency} is present but names no agency, else 0. */
    public static int agenciesUnreadable(String listOrNull) {
        return listOrNull != null && SqlSupport.split(listOrNull, ",").isEmpty() ? 1 : 0;
    }

    /** {@code owner_ms}: the member state that owns a person's data, the one a flag we cannot read stays visible to. */
    public static String owner(String ownerMs) {
        return country(ownerMs);
    }

    /** "DD.MM.YYYY" when known to the day, else "YYYY". */
    public static String dobText(PartialDate dob) {
        if (dob == null) {
            return null;
        }
        return dob.isFullDate() ? String.format("%02d.%02d.%04d", dob.day(), dob.month(), dob.year())
                : String.format("%04d", dob.year());
    }

    /** Read path: dob_text "DD.MM.YYYY" or "YYYY" back to a date; anything else (or no such date): null. Never throws. */
    public static PartialDate dateOfBirth(String dobText) {
        if (dobText == null) {
            return null;
        }
        String t = dobText.trim();
        try {
            if (t.matches("\\d{2}\\.\\d{2}\\.\\d{4}")) {
                return new PartialDate(Integer.parseInt(t.substring(6)), Integer.parseInt(t.substring(3, 5)),
                        Integer.parseInt(t.substring(0, 2)));
            }
            if (t.matches("\\d{4}")) {
                return PartialDate.ofYear(Integer.parseInt(t));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** "FAMILY, Given Names": the family name upper-cased; no given names: "FAMILY". */
    public static String fullName(String givenNames, String familyName) {
        String family = familyName == null ? "" : familyName.trim().toUpperCase(Locale.ROOT);
        if (givenNames == null || givenNames.isBlank()) {
            return family;
        }
        return family.isEmpty() ? givenNames.trim() : family + ", " + givenNames.trim();
    }

    /** The family part of a "FAMILY, Given Names" field (the whole field when there is no comma). */
    public static String familyName(String fullName) {
        int comma = fullName.indexOf(',');
        return (comma < 0 ? fullName : fullName.substring(0, comma)).trim();
    }

    /** A "FAMILY, Given Names" field in natural order, "Given Names FAMILY" (the field itself when there is no comma). */
    public static String naturalName(String fullName) {
        return SqlSupport.joinNames(givenNames(fullName), familyName(fullName));
    }

    /** The given-names part of a "FAMILY, Given Names" field, or null. */
    public static String givenNames(String fullName) {
        int comma = fullName.indexOf(',');
        String given = comma < 0 ? "" : fullName.substring(comma + 1).trim();
        return given.isEmpty() ? null : given;
    }
}
