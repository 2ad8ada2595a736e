package org.frontline.border;

import org.frontline.model.PartialDate;
import org.frontline.model.Sex;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a machine-readable zone says, as read by {@link MrzParser}: every field without its fillers,
 * and whether each check digit agrees with the characters it protects.
 *
 * @param documentCode        the two-character code ({@code P<}, {@code ID}, {@code I<}, {@code V<}...), fillers kept
 * @param issuer              the issuing state or organisation as printed (ICAO code: {@code D}, {@code UTO}, {@code XXA}...)
 * @param documentNumber      without fillers; a TD1 or TD2 number longer than 9 characters is read whole
 * @param primaryIdentifier   the surname(s), {@code <} read as a space
 * @param secondaryIdentifier the given names, {@code <} read as a space; empty when there are none
 * @param nationality         as printed (ICAO code)
 * @param dateOfBirthText     the six characters as printed (YYMMDD, {@code <} where unknown)
 * @param dateOfBirth         with its century inferred (never in the future); month and day 0 where
 *                            unknown; null when not even the year is known
 * @param sexCode             {@code M}, {@code F}, {@code X} or {@code <} (unspecified)
 * @param sex                 MALE, FEMALE, UNKNOWN for X; null when unspecified
 * @param dateOfExpiryText    the six characters as printed
 * @param dateOfExpiry        with its century inferred (within 50 years of today); null when the
 *                            document states none
 * @param optionalData        TD3: the personal number; TD1: optional data of line 1 (after a long
 *                            document number); TD2, MRV: the optional data. Fillers removed.
 * @param optionalData2       TD1: the optional data of line 2; empty otherwise
 * @param checks              every check digit the format carries, and whether it holds
 */
public record Mrz(MrzFormat format, String documentCode, String issuer, String documentNumber,
                  String primaryIdentifier, String secondaryIdentifier, String nationality,
                  String dateOfBirthText, PartialDate dateOfBirth, char sexCode, Sex sex,
                  String dateOfExpiryText, LocalDate dateOfExpiry, String optionalData, String optionalData2,
                  Map<CheckDigit, Boolean> checks) {

    public Mrz {
        checks = Map.copyOf(checks);
    }

    /** The fields protected by a check digit. */
    public enum CheckDigit {
        DOCUMENT_NUMBER("documentNumber"),
        DATE_OF_BIRTH("dateOfBirth"),
        DATE_OF_EXPIRY("dateOfExpiry"),
        OPTIONAL_DATA("optionalData"),
        COMPOSITE("composite");

        private final String field;

        CheckDigit(String field) {
            this.field = field;
        }

        /** The name an answer or a problem gives the field. */
        public String field() {
            return field;
        }
    }

    /** The check digits that do not agree with their fields, in the order of {@link CheckDigit}. */
    public List<CheckDigit> failedChecks() {
        return checks.entrySet().stream()
                .filter(e -> !e.getValue())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The holder's name in reading order: given names, then surname(s). */
    public String holderName() {
        return secondaryIdentifier.isEmpty() ? primaryIdentifier : secondaryIdentifier + " " + primaryIdentifier;
    }

    /** Whether the document's stated expiry lies before {@code today}. */
    public boolean expiredOn(LocalDate today) {
        return dateOfExpiry != null && dateOfExpiry.isBefore(today);
    }
}
