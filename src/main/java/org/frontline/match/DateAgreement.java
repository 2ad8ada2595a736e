package org.frontline.match;

import org.frontline.model.PartialDate;

/**
 * How two dates of birth agree, as a level of evidence (the Fellegi–Sunter comparison levels of the
 * date). Levels are tried in this order; the first that holds is the level.
 */
public enum DateAgreement {
    /** Both full and equal. */
    EXACT("equal"),
    /** Compatible where one side knows only the year (or year and month): the year agrees. */
    YEAR("compatible (only the year is known on one side)"),
    /** Both full, same year, day and month swapped (a clerk's or a form's DD/MM vs MM/DD). */
    SWAPPED("day and month swapped"),
    /** Both full, one digit of YYYYMMDD differs (a typing error). */
    ONE_DIGIT("one digit differs"),
    /** Both full, same year and month, another day. */
    SAME_YEAR_MONTH("same year and month, another day"),
    /** Same year, month or day differ. */
    SAME_YEAR("same year, another day"),
    /** The years differ by one. */
    ONE_YEAR_OFF("one year apart"),
    /** Nothing in common. */
    CONFLICT("conflicts"),
    /** Unknown on either side: no evidence either way. */
    UNKNOWN("unknown");

    final String label;

    DateAgreement(String label) {
        this.label = label;
    }

    /** Exact, or the year when only a year is known on either side: what can corroborate a name. */
    public boolean corroborates() {
        return this == EXACT || this == YEAR;
    }

    /** Nothing known of the two dates contradicts the other. */
    public boolean compatible() {
        return this == EXACT || this == YEAR || this == UNKNOWN;
    }

    public static DateAgreement of(PartialDate a, PartialDate b) {
        if (a == null || b == null) {
            return UNKNOWN;
        }
        if (a.isFullDate() && b.isFullDate()) {
            if (a.equals(b)) {
                return EXACT;
            }
            if (a.year() == b.year() && a.month() == b.day() && a.day() == b.month()) {
                return SWAPPED;
            }
            if (digitsApart(a, b) == 1) {
                return ONE_DIGIT;
            }
            if (a.year() == b.year() && a.month() == b.month()) {
                return SAME_YEAR_MONTH;
            }
        } else if (a.compatibleWith(b)) {
            return YEAR;
        }
        if (a.year() == b.year()) {
            return SAME_YEAR;
        }
        return Math.abs(a.year() - b.year()) == 1 ? ONE_YEAR_OFF : CONFLICT;
    }

    /** Digits that differ between the two dates written YYYYMMDD (no text is formatted: this runs for every pair of records). */
    private static int digitsApart(PartialDate a, PartialDate b) {
        return digitsApart(a.year(), b.year(), 4) + digitsApart(a.month(), b.month(), 2) + digitsApart(a.day(), b.day(), 2);
    }

    private static int digitsApart(int x, int y, int width) {
        int n = 0;
        for (int i = 0; i < width; i++, x /= 10, y /= 10) {
            if (x % 10 != y % 10) {
                n++;
            }
        }
        return n;
    }
}
