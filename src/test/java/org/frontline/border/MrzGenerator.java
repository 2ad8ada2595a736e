package org.frontline.border;

import java.util.List;
import java.util.Random;

/** Random but well-formed MRZ fields of every format, from a seed. */
final class MrzGenerator {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALNUM = LETTERS + "0123456789";
    private static final List<String> CODES = List.of("D", "UTO", "GBD", "XXA", "FRA", "JOR", "SAU", "UNO", "EUE", "RKS");

    private final Random random;

    MrzGenerator(long seed) {
        this.random = new Random(seed);
    }

    MrzWriter next(MrzFormat format) {
        String code = switch (format) {
            case TD3 -> "P" + pick("<" + LETTERS.replace("V", ""));
            case MRV_A, MRV_B -> "V" + pick("<" + LETTERS);
            case TD1, TD2 -> pick("IAC") + pick("<" + LETTERS);
        };
        boolean longNumber = (format == MrzFormat.TD1 || format == MrzFormat.TD2) && random.nextInt(5) == 0;
        int numberLength = longNumber ? 10 + random.nextInt(format == MrzFormat.TD1 ? 5 : 3) : 1 + random.nextInt(9);
        String number = text(ALNUM, numberLength);
        int optionalRoom = switch (format) {
            case TD1 -> longNumber ? 15 - (numberLength - 9) - 2 : 15;
            // a TD2 long number fills the optional data alone: JMRTD reads whatever follows it as part of the number
            case TD2 -> longNumber ? 0 : 7;
            case TD3 -> 14;
            case MRV_A -> 16;
            case MRV_B -> 8;
        };
        String optional = random.nextInt(3) == 0 || optionalRoom <= 0 ? "" : optional(1 + random.nextInt(optionalRoom));
        String optional2 = format == MrzFormat.TD1 && random.nextBoolean() ? optional(1 + random.nextInt(11)) : "";
        int nameWidth = format == MrzFormat.TD1 ? 30 : format.width() - 5;
        String primary = words(1 + random.nextInt(3));
        String secondary = random.nextInt(10) == 0 ? "" : words(1 + random.nextInt(3));
        // the name fits its field (JMRTD refuses to write one that does not)
        while (primary.length() + (secondary.isEmpty() ? 0 : 2 + secondary.length()) > nameWidth) {
            if (!secondary.isEmpty()) {
                secondary = secondary.substring(0, secondary.length() - 1).strip();
            } else {
                primary = primary.substring(0, nameWidth).strip();
            }
        }
        return new MrzWriter(format, code, pick(CODES), number, primary, secondary, pick(CODES), date(true),
                pick("MFX<").charAt(0), date(false), optional, optional2);
    }

    private String optional(int length) {
        // letters and digits, with an inner filler now and then, never a filler last
        StringBuilder sb = new StringBuilder(text(ALNUM, length));
        if (length > 2 && random.nextInt(4) == 0) {
            sb.setCharAt(1 + random.nextInt(length - 2), '<');
        }
        return sb.toString();
    }

    private String date(boolean birth) {
        if (birth && random.nextInt(20) == 0) {
            return String.format("%02d<<<<", random.nextInt(100));
        }
        return String.format("%02d%02d%02d", random.nextInt(100), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private String words(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(text(LETTERS, 2 + random.nextInt(9)));
        }
        return sb.toString();
    }

    private String text(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private String pick(String chars) {
        return String.valueOf(chars.charAt(random.nextInt(chars.length())));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
