package org.frontline.model;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date of birth that may be known to the day or only to the year, as sources and documents hold
 * them. Month and day are 0 when unknown.
 */
public record PartialDate(int year, int month, int day) {

    public PartialDate {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits");
        }
        if (month == 0 && day != 0) {
            throw new IllegalArgumentException("a day without a month");
        }
        if (month != 0) {
            try {
                LocalDate.of(year, month, day == 0 ? 1 : day);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("no such date");
            }
        }
    }

    public static PartialDate ofYear(int year) {
        return new PartialDate(year, 0, 0);
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /**
     * Parses "YYYY-MM-DD" or "YYYY".
     *
     * @throws IllegalArgumentException with a reason a person can act on
     */
    public static PartialDate parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing");
        }
        if (text.matches("\\d{4}")) {
            return ofYear(Integer.parseInt(text));
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return new PartialDate(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5, 7)),
                    Integer.parseInt(text.substring(8, 10)));
        }
        throw new IllegalArgumentException("expected YYYY-MM-DD or YYYY");
    }

    public boolean isYearOnly() {
        return month == 0;
    }

    public boolean isFullDate() {
        return month != 0 && day != 0;
    }

    /** True when nothing known of the two dates contradicts the other. */
    public boolean compatibleWith(PartialDate other) {
        if (year != other.year) {
            return false;
        }
        if (month != 0 && other.month != 0 && month != other.month) {
            return false;
        }
        return day == 0 || other.day == 0 || day == other.day;
    }

    @Override
    public String toString() {
        if (month == 0) {
            return String.format("%04d", year);
        }
        if (day == 0) {
            return String.format("%04d-%02d", year, month);
        }
        return String.format("%04d-%02d-%02d", year, month, day);
    }
}
