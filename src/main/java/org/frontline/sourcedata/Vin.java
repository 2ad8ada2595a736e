package org.frontline.sourcedata;

/**
 * Vehicle identification numbers (ISO 3779): 17 characters, no I, O or Q. Position 9 is the check
 * digit North America requires (49 CFR 565) and many other makers use: each character is
 * transliterated to a number, weighted by its position, summed modulo 11; 10 is written X.
 */
public final class Vin {

    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    /** Characters a VIN may hold. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

    private Vin() {
    }

    /** The check digit position 9 must hold for this VIN (its own position 9 is ignored). */
    public static char checkDigit(String vin) {
        if (vin == null || vin.length() != 17) {
            throw new IllegalArgumentException("a VIN has 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += value(vin.charAt(i)) * WEIGHTS[i];
        }
        int r = sum % 11;
        return r == 10 ? 'X' : (char) ('0' + r);
    }

    /** 17 allowed characters with the right check digit in position 9. */
    public static boolean isValid(String vin) {
        if (vin == null || vin.length() != 17) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (ALPHABET.indexOf(vin.charAt(i)) < 0) {
                return false;
            }
        }
        return vin.charAt(8) == checkDigit(vin);
    }

    /** The VIN with its check digit put in position 9. */
    public static String withCheckDigit(String vin) {
        char c = checkDigit(vin);
        return vin.substring(0, 8) + c + vin.substring(9);
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> throw new IllegalArgumentException("not a VIN character");
        };
    }
}
