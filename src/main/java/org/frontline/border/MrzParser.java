package org.frontline.border;

import org.frontline.model.PartialDate;
import org.frontline.model.Sex;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a machine-readable zone (ICAO Doc 9303 parts 4 to 7) as a border terminal scans it.
 *
 * <h2>What is tolerated, what is refused</h2>
 * Scanners send the lines with surrounding whitespace, {@code \r\n} or spaces between them, in lower
 * case, or run together; and some drop the fillers at the end of a line. So the text is upper-cased
 * and split at any whitespace (an MRZ holds none: a name's spaces are {@code <}), one line of 90, 72
 * or 88 characters is cut into its 3 or 2 lines, and a short line is completed with fillers, but only
 * where the line ends in a field that may end in fillers (a name, optional data): a line that would
 * lose a date or a check digit is refused as too short. Anything else that is not an MRZ is refused
 * with every reason at once ({@link MalformedMrzException}): the wrong number or length of lines,
 * characters outside {@code A-Z 0-9 <}, dates that are not dates, a sex outside {@code M F X <}, a
 * digit in a name (names carry no check digit, so a misread name is refused rather than searched).
 *
 * <h2>What is read</h2>
 * The format follows from the lines (3 x 30: TD1; 2 x 36: TD2, or MRV-B when the document code
 * starts with {@code V}; 2 x 44: TD3, or MRV-A). Check digits are the 7-3-1 weighted sum modulo 10
 * ({@code 0-9} their value, {@code A-Z} 10 to 35, {@code <} 0) over the document number, the dates
 * of birth and expiry, TD3's personal number and the composite (TD1, TD2, TD3); a failed check digit
 * is not a refusal here, it is reported in {@link Mrz#checks()} and the caller decides. A TD1 or TD2
 * document number longer than 9 characters has {@code <} in its check digit's place and continues in
 * the optional data, up to the next filler, its check digit last. Two-digit years get their century
 * from today's date (the injected clock): a date of birth is never in the future (YY = 30 in 2026 is
 * 1930), an expiry lies within 50 years either side of today.
 */
public final class MrzParser {

    private static final Pattern LETTERS_THEN_FILLERS = Pattern.compile("[A-Z]{1,3}<*");
    private static final Pattern SPLIT = Pattern.compile("\\s+");
    private static final Pattern FILLERS = Pattern.compile("<+");
    private static final Pattern BIRTH = Pattern.compile("(\\d\\d|<<)(\\d\\d|<<)(\\d\\d|<<)");
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    private final Clock clock;

    public MrzParser(Clock clock) {
        this.clock = clock;
    }

    /**
     * @throws MalformedMrzException when the text is not an MRZ, with every reason found
     */
    public Mrz parse(String text) {
        return new Reading(text, LocalDate.now(clock)).read();
    }

    /** The 7-3-1 check digit of a string of MRZ characters. */
    public static int checkDigit(CharSequence characters) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < characters.length(); i++) {
            sum += value(characters.charAt(i)) * weights[i % 3];
        }
        return sum % 10;
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("not an MRZ character");
    }

    private static boolean holds(CharSequence field, char check) {
        return check >= '0' && check <= '9' && checkDigit(field) == check - '0';
    }

    private static String withoutTrailingFillers(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '<') {
            end--;
        }
        return s.substring(0, end);
    }

    /** One parse: the text, today, and the reasons found so far. */
    private static final class Reading {

        private final String text;
        private final LocalDate today;
        private final List<String> reasons = new ArrayList<>();
        private final Map<Mrz.CheckDigit, Boolean> checks = new EnumMap<>(Mrz.CheckDigit.class);

        Reading(String text, LocalDate today) {
            this.text = text;
            this.today = today;
        }

        Mrz read() {
            if (text == null || text.isBlank()) {
                throw refused("required: the 2 or 3 lines of the machine-readable zone, as scanned");
            }
            List<String> lines = lines(text.strip().toUpperCase(Locale.ROOT));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (int j = 0; j < line.length(); j++) {
                    char c = line.charAt(j);
                    if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '<')) {
                        reasons.add("line " + (i + 1) + ", character " + (j + 1) + ": only A-Z, 0-9 and < may appear"
                                + " in an MRZ; rescan the document or type the zone again");
                        break;
                    }
                }
            }
            throwIfAny();
            MrzFormat format = format(lines);
            List<String> full = completed(lines, format);
            throwIfAny();
            Mrz mrz = switch (format) {
                case TD1 -> td1(full.get(0), full.get(1), full.get(2));
                case TD2, TD3, MRV_A, MRV_B -> twoLines(format, full.get(0), full.get(1));
            };
            throwIfAny();
            return mrz;
        }

        private MalformedMrzException refused(String reason) {
            reasons.add(reason);
            return new MalformedMrzException(reasons);
        }

        private void throwIfAny() {
            if (!reasons.isEmpty()) {
                throw new MalformedMrzException(reasons);
            }
        }

        private static List<String> lines(String text) {
            List<String> lines = new ArrayList<>(List.of(SPLIT.split(text)));
            if (lines.size() == 1) {
                String only = lines.get(0);
                int width = switch (only.length()) {
                    case 90 -> 30;
                    case 72 -> 36;
                    case 88 -> 44;
                    default -> 0;
                };
                if (width > 0) {
                    lines.clear();
                    for (int i = 0; i < only.length(); i += width) {
                        lines.add(only.substring(i, i + width));
                    }
                }
            }
            return lines;
        }

        private MrzFormat format(List<String> lines) {
            if (lines.size() == 3) {
                return MrzFormat.TD1;
            }
            if (lines.size() != 2) {
                throw refused("expected 2 lines (passport, visa, TD2 card) or 3 lines (TD1 identity card), got "
                        + lines.size() + "; send the whole zone, its lines separated by line breaks");
            }
            boolean visa = lines.get(0).startsWith("V");
            boolean wide = lines.get(0).length() > 36 || lines.get(1).length() > 36;
            if (wide) {
                return visa ? MrzFormat.MRV_A : MrzFormat.TD3;
            }
            return visa ? MrzFormat.MRV_B : MrzFormat.TD2;
        }

        /** Each line at the format's width, or a reason: longer is refused, shorter only where fillers may end it. */
        private List<String> completed(List<String> lines, MrzFormat format) {
            List<String> full = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int min = shortest(format, i);
                if (line.length() > format.width() || line.length() < min) {
                    String lengths = format == MrzFormat.TD1 ? "30" : format.width() == 36 ? "36" : "44";
                    reasons.add("line " + (i + 1) + " has " + line.length() + " characters; each line of a "
                            + format.label() + " zone has " + lengths
                            + (line.length() < min ? " (only fillers at the end of a line may be left out)" : "")
                            + "; rescan the document or check the zone");
                } else {
                    full.add(line + "<".repeat(format.width() - line.length()));
                }
            }
            return full;
        }

        /** The shortest a line may be sent: up to the last field that may not end in fillers. */
        private static int shortest(MrzFormat format, int line) {
            return switch (format) {
                case TD1 -> line == 0 ? 15 : line == 1 ? 30 : 1;
                case TD2, TD3 -> line == 0 ? 6 : format.width();
                case MRV_A, MRV_B -> line == 0 ? 6 : 28;
            };
        }

        private Mrz twoLines(MrzFormat format, String first, String second) {
            int width = format.width();
            String code = documentCode(first.substring(0, 2));
            String issuer = country("issuing state (line 1, characters 3-5)", first.substring(2, 5));
            String[] name = name("line 1", first.substring(5));
            String numberField = second.substring(0, 9);
            char numberCheck = second.charAt(9);
            String nationality = country("nationality (line 2, characters 11-13)", second.substring(10, 13));
            String dob = second.substring(13, 19);
            check(Mrz.CheckDigit.DATE_OF_BIRTH, dob, second.charAt(19));
            char sexCode = sex(second.charAt(20), "line 2, character 21");
            String expiry = second.substring(21, 27);
            check(Mrz.CheckDigit.DATE_OF_EXPIRY, expiry, second.charAt(27));
            String optional;
            String number;
            if (format == MrzFormat.TD3) {
                optional = second.substring(28, 42);
                char optionalCheck = second.charAt(42);
                // a filler for a check digit of 0: what ICAO allows for an unused personal number, and JMRTD writes for any
                checks.put(Mrz.CheckDigit.OPTIONAL_DATA, holds(optional, optionalCheck == '<' ? '0' : optionalCheck));
                check(Mrz.CheckDigit.COMPOSITE, second.substring(0, 10) + second.substring(13, 20) + second.substring(21, 43),
                        second.charAt(43));
                number = documentNumber(numberField, numberCheck, null);
                optional = withoutTrailingFillers(optional);
            } else if (format == MrzFormat.TD2) {
                String raw = second.substring(28, 35);
                check(Mrz.CheckDigit.COMPOSITE, second.substring(0, 10) + second.substring(13, 20) + second.substring(21, 35),
                        second.charAt(35));
                String[] numberAndRest = new String[] {null, raw};
                number = documentNumber(numberField, numberCheck, numberAndRest);
                optional = withoutTrailingFillers(numberAndRest[1]);
            } else {
                number = documentNumber(numberField, numberCheck, null);
                optional = withoutTrailingFillers(second.substring(28, width));
            }
            return new Mrz(format, code, issuer, number, name[0], name[1], nationality, dob, birth(dob), sexCode,
                    sexOf(sexCode), expiry, expiry(expiry), optional, "", checks);
        }

        private Mrz td1(String first, String second, String third) {
            String code = documentCode(first.substring(0, 2));
            String issuer = country("issuing state (line 1, characters 3-5)", first.substring(2, 5));
            String[] numberAndRest = new String[] {null, first.substring(15, 30)};
            String number = documentNumber(first.substring(5, 14), first.charAt(14), numberAndRest);
            String dob = second.substring(0, 6);
            check(Mrz.CheckDigit.DATE_OF_BIRTH, dob, second.charAt(6));
            char sexCode = sex(second.charAt(7), "line 2, character 8");
            String expiry = second.substring(8, 14);
            check(Mrz.CheckDigit.DATE_OF_EXPIRY, expiry, second.charAt(14));
            String nationality = country("nationality (line 2, characters 16-18)", second.substring(15, 18));
            String optional2 = withoutTrailingFillers(second.substring(18, 29));
            check(Mrz.CheckDigit.COMPOSITE, first.substring(5, 30) + second.substring(0, 7) + second.substring(8, 15)
                    + second.substring(18, 29), second.charAt(29));
            String[] name = name("line 3", third);
            return new Mrz(MrzFormat.TD1, code, issuer, number, name[0], name[1], nationality, dob, birth(dob), sexCode,
                    sexOf(sexCode), expiry, expiry(expiry), withoutTrailingFillers(numberAndRest[1]), optional2, checks);
        }

        private void check(Mrz.CheckDigit digit, String field, char check) {
            checks.put(digit, holds(field, check));
        }

        /**
         * The document number and its check. With {@code optional} (TD1, TD2: {null, optional data}),
         * a {@code <} in the check digit's place after 9 characters means the number continues in the
         * optional data up to the next filler, its check digit last; {@code optional[1]} is left with
         * the rest of the optional data.
         */
        private String documentNumber(String field, char check, String[] optional) {
            if (optional != null && check == '<' && field.indexOf('<') < 0) {
                String rest = optional[1];
                int end = rest.indexOf('<');
                String continued = end < 0 ? rest : rest.substring(0, end);
                if (continued.isEmpty()) {
                    checks.put(Mrz.CheckDigit.DOCUMENT_NUMBER, false);
                    return field;
                }
                String number = field + continued.substring(0, continued.length() - 1);
                checks.put(Mrz.CheckDigit.DOCUMENT_NUMBER, holds(number, continued.charAt(continued.length() - 1)));
                optional[1] = end < 0 ? "" : rest.substring(end + 1);
                return number;
            }
            checks.put(Mrz.CheckDigit.DOCUMENT_NUMBER, holds(field, check));
            return withoutTrailingFillers(field);
        }

        private String documentCode(String code) {
            char kind = code.charAt(0);
            if (kind < 'A' || kind > 'Z' || Character.isDigit(code.charAt(1))) {
                reasons.add("document code (line 1, characters 1-2): a letter (P passport; I, A or C card; V visa)"
                        + " then a letter or <");
            }
            return code;
        }

        private String country(String what, String field) {
            if (!LETTERS_THEN_FILLERS.matcher(field).matches()) {
                reasons.add(what + ": an ICAO code of 1 to 3 letters, filled with <");
                return field;
            }
            return withoutTrailingFillers(field);
        }

        /** {primary, secondary}: split at the first {@code <<}, each filler a space. */
        private String[] name(String where, String field) {
            for (int i = 0; i < field.length(); i++) {
                if (Character.isDigit(field.charAt(i))) {
                    reasons.add("name (" + where + "): a digit where only letters and < may be; rescan the document");
                    break;
                }
            }
            String name = withoutTrailingFillers(field);
            int split = name.indexOf("<<");
            String primary = split < 0 ? name : name.substring(0, split);
            String secondary = split < 0 ? "" : name.substring(split + 2);
            return new String[] {spaced(primary), spaced(secondary)};
        }

        private static String spaced(String part) {
            return FILLERS.matcher(part).replaceAll(" ").strip();
        }

        private char sex(char code, String where) {
            if (code != 'M' && code != 'F' && code != 'X' && code != '<') {
                reasons.add("sex (" + where + "): M, F, X or <");
            }
            return code;
        }

        private static Sex sexOf(char code) {
            return switch (code) {
                case 'M' -> Sex.MALE;
                case 'F' -> Sex.FEMALE;
                case 'X' -> Sex.UNKNOWN;
                default -> null;
            };
        }

        /** YYMMDD, {@code <<} where a part is unknown; never in the future. */
        private PartialDate birth(String text) {
            if (!BIRTH.matcher(text).matches()) {
                reasons.add("date of birth: YYMMDD in digits (< where a part is unknown)");
                return null;
            }
            if (text.startsWith("<<")) {
                return null;
            }
            int yy = Integer.parseInt(text.substring(0, 2));
            int month = text.startsWith("<<", 2) ? 0 : Integer.parseInt(text.substring(2, 4));
            int day = month == 0 || text.startsWith("<<", 4) ? 0 : Integer.parseInt(text.substring(4, 6));
            try {
                PartialDate recent = new PartialDate(2000 + yy, month, day);
                return inFuture(recent) ? new PartialDate(1900 + yy, month, day) : recent;
            } catch (IllegalArgumentException e) {
                reasons.add("date of birth: not a real date (YYMMDD)");
                return null;
            }
        }

        private boolean inFuture(PartialDate date) {
            if (date.year() != today.getYear()) {
                return date.year() > today.getYear();
            }
            if (date.month() == 0) {
                return false;
            }
            if (date.month() != today.getMonthValue()) {
                return date.month() > today.getMonthValue();
            }
            return date.day() > today.getDayOfMonth();
        }

        /** YYMMDD within 50 years of today; null when all fillers (no expiry stated). */
        private LocalDate expiry(String text) {
            if ("<<<<<<".equals(text)) {
                return null;
            }
            if (!SIX_DIGITS.matcher(text).matches()) {
                reasons.add("date of expiry: YYMMDD in digits");
                return null;
            }
            int year = 2000 + Integer.parseInt(text.substring(0, 2));
            if (year > today.getYear() + 50) {
                year -= 100;
            } else if (year <= today.getYear() - 50) {
                year += 100;
            }
            try {
                return LocalDate.of(year, Integer.parseInt(text.substring(2, 4)), Integer.parseInt(text.substring(4, 6)));
            } catch (DateTimeException e) {
                reasons.add("date of expiry: not a real date (YYMMDD)");
                return null;
            }
        }
    }
}
