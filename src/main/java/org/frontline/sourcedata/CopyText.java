package org.frontline.sourcedata;

import java.time.LocalDate;

/** PostgreSQL COPY text format: tab-separated, \N for null, backslash escapes, arrays as {"a","b"}. */
final class CopyText {

    private CopyText() {
    }

    static void appendRow(StringBuilder b, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            append(b, values[i]);
        }
        b.append('\n');
    }

    private static void append(StringBuilder b, Object v) {
        if (v == null) {
            b.append("\\N");
        } else if (v instanceof String s) {
            escape(b, s);
        } else if (v instanceof Boolean bool) {
            b.append(bool ? 't' : 'f');
        } else if (v instanceof String[] array) {
            StringBuilder a = new StringBuilder("{");
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    a.append(',');
                }
                a.append('"').append(array[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            escape(b, a.append('}').toString());
        } else if (v instanceof LocalDate || v instanceof Number) {
            b.append(v);
        } else {
            throw new IllegalArgumentException("no COPY form for " + v.getClass().getSimpleName());
        }
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }
}
