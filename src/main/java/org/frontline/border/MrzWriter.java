package org.frontline.border;

import java.util.Locale;

/**
 * Writes a machine-readable zone from its fields, check digits computed: the demo's MRZs for the
 * walkthrough subjects and the tests' generated documents. The inverse of {@link MrzParser} for
 * anything that fits: names longer than their field are cut (ICAO's truncation rules are not
 * applied), a TD1 or TD2 document number longer than 9 characters continues in the optional data.
 *
 * @param documentCode one or two characters ({@code P}, {@code ID}, {@code V}...)
 * @param dateOfBirth  YYMMDD, {@code <} where unknown
 * @param dateOfExpiry YYMMDD
 * @param sex          {@code M}, {@code F}, {@code X} or {@code <}
 * @param optionalData TD3: the personal number; TD1: line 1's optional data; TD2, MRV: the optional data
 * @param optionalData2 TD1: line 2's optional data; ignored otherwise
 */
public record MrzWriter(MrzFormat format, String documentCode, String issuer, String documentNumber,
                        String primaryIdentifier, String secondaryIdentifier, String nationality, String dateOfBirth,
                        char sex, String dateOfExpiry, String optionalData, String optionalData2) {

    /** The zone, its lines separated by {@code \n}. */
    public String write() {
        String code = pad(documentCode, 2);
        String name = name(format == MrzFormat.TD1 ? 30 : format.width() - 5);
        String issuerField = pad(issuer, 3);
        String nationalityField = pad(nationality, 3);
        String number = clean(documentNumber);
        if (format == MrzFormat.TD1) {
            String numberAndOptional = numberAndOptional(number, 15 + 1 + 9);
            String first = code + issuerField + numberAndOptional;
            String secondStart = dateOfBirth + digit(dateOfBirth) + sex + dateOfExpiry + digit(dateOfExpiry)
                    + nationalityField + pad(optionalData2, 11);
            String composite = numberAndOptional + secondStart.substring(0, 7) + secondStart.substring(8, 15)
                    + secondStart.substring(18, 29);
            return first + "\n" + secondStart + MrzParser.checkDigit(composite) + "\n" + name;
        }
        String first = code + issuerField + name;
        String numberPart;
        String optionalPart;
        if (format == MrzFormat.TD2) {
            String numberAndOptional = numberAndOptional(number, 10 + 7);
            numberPart = numberAndOptional.substring(0, 10);
            optionalPart = numberAndOptional.substring(10);
        } else {
            numberPart = pad(number, 9) + digit(pad(number, 9));
            int optionalWidth = switch (format) {
                case TD3 -> 14;
                case MRV_A -> 16;
                default -> 8;
            };
            optionalPart = pad(optionalData, optionalWidth);
            if (format == MrzFormat.TD3) {
                // an unused personal number's check digit is written as a filler, as ICAO allows and JMRTD writes
                optionalPart = optionalPart + (optionalData == null || optionalData.isBlank() ? '<' : digit(optionalPart));
            }
        }
        String dates = dateOfBirth + digit(dateOfBirth) + sex + dateOfExpiry + digit(dateOfExpiry);
        String second = numberPart + nationalityField + dates + optionalPart;
        if (!format.isVisa()) {
            second = second + MrzParser.checkDigit(numberPart + dates.substring(0, 7) + dates.substring(8) + optionalPart);
        }
        return first + "\n" + second;
    }

    /** The number with its check digit, then the optional data: {@code width} characters in all. */
    private String numberAndOptional(String number, int width) {
        if (number.length() <= 9) {
            String field = pad(number, 9);
            return field + digit(field) + pad(optionalData, width - 10);
        }
        String continued = number.substring(9) + digit(number) + "<" + clean(optionalData);
        return pad(number.substring(0, 9) + "<" + continued, width);
    }

    private String name(int width) {
        String primary = clean(primaryIdentifier.replace(' ', '<').replace('-', '<'));
        String secondary = secondaryIdentifier == null || secondaryIdentifier.isBlank()
                ? "" : clean(secondaryIdentifier.replace(' ', '<').replace('-', '<'));
        String name = secondary.isEmpty() ? primary : primary + "<<" + secondary;
        return pad(name.length() > width ? name.substring(0, width) : name, width);
    }

    private static char digit(String field) {
        return (char) ('0' + MrzParser.checkDigit(field));
    }

    private static String clean(String value) {
        return value == null ? "" : value.toUpperCase(Locale.ROOT).strip();
    }

    private static String pad(String value, int width) {
        String v = clean(value);
        if (v.length() > width) {
            throw new IllegalArgumentException("a field is longer than its " + width + " characters");
        }
        return v + "<".repeat(width - v.length());
    }
}
