package org.frontline.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kinds of labelled person questions, in report order, with what each one asks. */
public final class QueryTypes {

    public static final String NAME_DOB = "name_dob";
    public static final String NAME_DOB_NATIONALITY = "name_dob_nationality";
    public static final String NAME_ONLY = "name_only";
    public static final String NAME_NATIONALITY = "name_nationality";
    public static final String NATIVE_SCRIPT_DOB = "native_script_dob";
    public static final String TYPO_DOB = "typo_dob";
    public static final String SWAPPED_ORDER_DOB = "swapped_order_dob";
    public static final String DOB_YEAR_ONLY = "dob_year_only";
    public static final String DOB_DAY_MONTH_SWAPPED = "dob_day_month_swapped";
    public static final String DOB_CONFLICTING = "dob_conflicting";
    public static final String DOB_NOBODY_HAS = "dob_nobody_has";
    public static final String NOBODY_NAME_DOB = "nobody_name_dob";
    public static final String NOBODY_NAME_ONLY = "nobody_name_only";

    /** Every type, in report order, with a one-line description. */
    public static final Map<String, String> ALL;
    /** The types of the synthetic world ({@link QuerySet}); the others are the UN world's ({@link UnWorld}). */
    public static final List<String> SYNTHETIC = List.of(NAME_DOB, NAME_DOB_NATIONALITY, NAME_ONLY, NAME_NATIONALITY,
            NATIVE_SCRIPT_DOB, TYPO_DOB, SWAPPED_ORDER_DOB, DOB_YEAR_ONLY, DOB_DAY_MONTH_SWAPPED, DOB_CONFLICTING,
            DOB_NOBODY_HAS, NOBODY_NAME_DOB, NOBODY_NAME_ONLY);

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(NAME_DOB, "a person held by two sources or more, the name as one of them (B) spells it, the full date of birth");
        m.put(NAME_DOB_NATIONALITY, "the same, with the nationality");
        m.put(NAME_ONLY, "B's spelling alone (date of birth missing)");
        m.put(NAME_NATIONALITY, "B's spelling and the nationality, no date of birth");
        m.put(NATIVE_SCRIPT_DOB, "the name in its original script (Arabic, Chinese, Cyrillic) and the full date of birth");
        m.put(TYPO_DOB, "B's spelling with one typing error, the full date of birth");
        m.put(SWAPPED_ORDER_DOB, "B's spelling with given and family names swapped, the full date of birth");
        m.put(DOB_YEAR_ONLY, "B's spelling and the year of birth only");
        m.put(DOB_DAY_MONTH_SWAPPED, "B's spelling and the date of birth with day and month swapped (day <= 12)");
        m.put(DOB_CONFLICTING, "B's spelling and a date of birth 3 to 12 years off (a conflicting date: never a HIT)");
        m.put(DOB_NOBODY_HAS, "B's spelling and a date of birth (1925-1940) that no record carries: nobody held is this person");
        m.put(NOBODY_NAME_DOB, "the name and date of birth of an identity no source holds (exact name + date coincidences with held records excluded)");
        m.put(NOBODY_NAME_ONLY, "the name of an identity no source holds");
        m.put(UnWorld.UN_TREATED_DOB, "UN list (second world): the treated spelling Europol holds, with its date of birth; the original is in INTERPOL");
        m.put(UnWorld.UN_ORIGINAL_DOB, "UN list: the original spelling INTERPOL holds, with its date of birth; the treated one is in Europol");
        m.put(UnWorld.UN_TREATED_NAME_ONLY, "UN list: the treated spelling alone");
        m.put(UnWorld.UN_NOBODY_NAME_DOB, "UN world: a negatives_global person held out of both sources (name + date of birth)");
        ALL = java.util.Collections.unmodifiableMap(m);
    }

    /** The three types the floors test checks. */
    public static final List<String> FLOORS = List.of(NAME_DOB, NAME_ONLY, DOB_NOBODY_HAS);

    private QueryTypes() {
    }
}
