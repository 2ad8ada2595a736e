package org.frontline.sourcedata;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Document numbers, number plates and VINs in each country's layout. A pattern holds '9' for a
 * digit, '@' for a letter, '#' for a letter or digit, '%' for a consonant, '&' for a VIN character;
 * anything else is literal. Uniqueness without memory: the generator hands in a number n, unique
 * within its stream and below {@link #CAPACITY}, which is written in mixed radix into the rightmost
 * positions of the pattern; the positions left of those are random. Two different n therefore never
 * give the same string for the same pattern.
 */
final class Formats {

    /** Numbers handed to {@link #encode} are below this (2^23): at most 8,388,608 items of a kind per source. */
    static final int CAPACITY = 1 << 23;

    private static final String DIGITS = "0123456789";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALNUM = DIGITS + LETTERS;
    private static final String CONSONANTS = "BCDFGHJKLMNPRSTVWXYZ";

    static final Map<String, String> DOCUMENT_PATTERNS = Map.ofEntries(
            Map.entry("FRA", "99@@99999"), Map.entry("DEU", "C########"), Map.entry("GBR", "999999999"),
            Map.entry("USA", "999999999"), Map.entry("ESP", "@@@999999"), Map.entry("ITA", "@@9999999"),
            Map.entry("NLD", "@@#####9"), Map.entry("BEL", "@@999999"), Map.entry("POL", "@@9999999"),
            Map.entry("RUS", "99 9999999"), Map.entry("UKR", "@@999999"), Map.entry("TUR", "U99999999"),
            Map.entry("IRN", "@99999999"), Map.entry("JOR", "@9999999"), Map.entry("SAU", "@9999999"),
            Map.entry("ARE", "@99999999"), Map.entry("EGY", "@99999999"), Map.entry("IRQ", "@9999999"),
            Map.entry("CHN", "E99999999"), Map.entry("VNM", "@9999999"), Map.entry("IDN", "@9999999"),
            Map.entry("MYS", "@99999999"), Map.entry("SGP", "K9999999@"), Map.entry("PHL", "P9999999@"),
            Map.entry("THA", "@@9999999"), Map.entry("BRA", "@@999999"), Map.entry("ARG", "@@@999999"),
            Map.entry("COL", "@@999999"), Map.entry("MEX", "G99999999"), Map.entry("NGA", "@99999999"),
            Map.entry("GHA", "G9999999"), Map.entry("SEN", "@9999999"), Map.entry("PAK", "@@9999999"),
            Map.entry("KWT", "@9999999"), Map.entry("QAT", "@99999999"), Map.entry("OMN", "@99999999"),
            Map.entry("BHR", "@99999999"));
    static final String DOCUMENT_FALLBACK = "@@#######";

    static final Map<String, String> PLATE_PATTERNS = Map.ofEntries(
            Map.entry("BRA", "@@@9@99"), Map.entry("ARG", "@@ 999 @@"), Map.entry("COL", "@@@999"),
            Map.entry("MEX", "@@@-999-@"), Map.entry("CHL", "%%%%99"), Map.entry("PER", "@@@-999"),
            Map.entry("USA", "9@@@999"), Map.entry("DEU", "@ @@ 9999"), Map.entry("FRA", "@@-999-@@"),
            Map.entry("ITA", "@@999@@"), Map.entry("ESP", "9999 %%%"), Map.entry("NLD", "@@-999-@"),
            Map.entry("POL", "@@ 99999"), Map.entry("BEL", "1-@@@-999"), Map.entry("GBR", "@@99 @@@"),
            Map.entry("TUR", "99 @@ 999"), Map.entry("RUS", "@999@@ 99"), Map.entry("SAU", "9999 @@@"),
            Map.entry("ARE", "@@ 99999"), Map.entry("KWT", "99/99999"), Map.entry("QAT", "@ 999999"),
            Map.entry("OMN", "99999 @@"), Map.entry("BHR", "@ 999999"), Map.entry("JOR", "99-99999"),
            Map.entry("MYS", "@@@ 9999"), Map.entry("SGP", "S@@9999@"), Map.entry("IDN", "@ 9999 @@@"),
            Map.entry("THA", "9@@ 9999"), Map.entry("VNM", "99@-999.99"), Map.entry("PHL", "@@@ 9999"));
    static final String PLATE_FALLBACK = "@@@ 9999";

    /** World manufacturer identifiers with the make and a few models. */
    record Maker(String wmi, String make, List<String> models) {
    }

    static final List<Maker> MAKERS = List.of(
            new Maker("1HG", "Honda", List.of("Accord", "Civic")),
            new Maker("1FA", "Ford", List.of("Mustang", "Focus")),
            new Maker("2T1", "Toyota", List.of("Corolla", "Matrix")),
            new Maker("3VW", "Volkswagen", List.of("Jetta", "Beetle")),
            new Maker("5YJ", "Tesla", List.of("Model 3", "Model S")),
            new Maker("JTD", "Toyota", List.of("Yaris", "Prius")),
            new Maker("JHM", "Honda", List.of("Fit", "CR-V")),
            new Maker("KMH", "Hyundai", List.of("Elantra", "Tucson")),
            new Maker("WVW", "Volkswagen", List.of("Golf", "Passat")),
            new Maker("WBA", "BMW", List.of("320d", "X5")),
            new Maker("WDD", "Mercedes-Benz", List.of("C 220", "E 300")),
            new Maker("VF1", "Renault", List.of("Clio", "Megane")),
            new Maker("VF3", "Peugeot", List.of("208", "3008")),
            new Maker("ZFA", "Fiat", List.of("Panda", "500")),
            new Maker("SAL", "Land Rover", List.of("Defender", "Discovery")),
            new Maker("9BW", "Volkswagen", List.of("Gol", "Polo")),
            new Maker("8AF", "Ford", List.of("Ranger", "EcoSport")),
            new Maker("MR0", "Toyota", List.of("Hilux", "Fortuner")),
            new Maker("LSV", "Volkswagen", List.of("Lavida", "Santana")),
            new Maker("MA3", "Suzuki", List.of("Swift", "Dzire")),
            new Maker("JN1", "Nissan", List.of("Patrol", "Sunny")));

    static final List<String> COLOURS = List.of("white", "black", "silver", "grey", "red", "blue", "green", "beige");

    private static final String YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

    static {
        for (String p : DOCUMENT_PATTERNS.values()) {
            rightmostPositions(p);
        }
        for (String p : PLATE_PATTERNS.values()) {
            rightmostPositions(p);
        }
    }

    private Formats() {
    }

    static String documentNumber(String country, int n, SplittableRandom rnd) {
        return encode(DOCUMENT_PATTERNS.getOrDefault(country, DOCUMENT_FALLBACK), n, rnd);
    }

    static String plate(String country, int n, SplittableRandom rnd) {
        return encode(PLATE_PATTERNS.getOrDefault(country, PLATE_FALLBACK), n, rnd);
    }

    /** A VIN of this maker with a valid check digit; n encoded in the plant code and serial number. */
    static String vin(Maker maker, int n, SplittableRandom rnd) {
        // positions 4-8 descriptor, 9 check digit (placeholder), 10 model year, 11 plant, 12-17 serial
        char year = YEAR_CODES.charAt(rnd.nextInt(YEAR_CODES.length()));
        String rest = encode("&&&&&0Y&999999", n, rnd);
        return Vin.withCheckDigit(maker.wmi() + rest.substring(0, 6) + year + rest.substring(7));
    }

    static String encode(String pattern, int n, SplittableRandom rnd) {
        if (n < 0 || n >= CAPACITY) {
            throw new IllegalArgumentException("n out of range");
        }
        int firstEncoded = rightmostPositions(pattern);
        char[] out = new char[pattern.length()];
        long rest = n;
        for (int i = pattern.length() - 1; i >= 0; i--) {
            String alphabet = alphabet(pattern.charAt(i));
            if (alphabet == null) {
                out[i] = pattern.charAt(i);
            } else if (i >= firstEncoded) {
                out[i] = alphabet.charAt((int) (rest % alphabet.length()));
                rest /= alphabet.length();
            } else {
                out[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
            }
        }
        return new String(out);
    }

    /** The index from which the rightmost positions hold at least CAPACITY values. */
    private static int rightmostPositions(String pattern) {
        long capacity = 1;
        for (int i = pattern.length() - 1; i >= 0; i--) {
            String alphabet = alphabet(pattern.charAt(i));
            if (alphabet != null) {
                capacity *= alphabet.length();
                if (capacity >= CAPACITY) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("pattern too small for unique numbers: " + pattern);
    }

    private static String alphabet(char p) {
        return switch (p) {
            case '9' -> DIGITS;
            case '@' -> LETTERS;
            case '#' -> ALNUM;
            case '%' -> CONSONANTS;
            case '&' -> Vin.ALPHABET;
            default -> null;
        };
    }
}
