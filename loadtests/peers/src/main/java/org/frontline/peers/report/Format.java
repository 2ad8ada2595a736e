package org.frontline.peers.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** How a figure is shown in the section and the plots: a few significant digits, thousands separated. */
final class Format {

    private Format() {
    }

    /** 1,733 / 241 / 17.6 / 2.43 / 0.063; "-" for none. */
    static String number(Double v) {
        if (v == null) {
            return "-";
        }
        double a = Math.abs(v);
        if (a == Math.rint(a) && a < 1e15) {
            return String.format(Locale.ROOT, "%,d", v.longValue());
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.2g", v);
    }

    /**
     * A value as read: a number as {@link #number}, an object as "key=value, ...", text as it is,
     * "-" for none (absent, JSON null).
     */
    static String value(Object o) {
        if (o instanceof JsonNode n) {
            if (n.isNumber()) {
                return number(n.doubleValue());
            }
            if (n.isObject()) {
                StringBuilder b = new StringBuilder();
                n.properties().forEach(e -> b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append('=')
                        .append(value(e.getValue())));
                return b.toString();
            }
            return n.isNull() || n.isMissingNode() ? "-" : n.asText();
        }
        return o instanceof Number n ? number(n.doubleValue()) : o == null ? "-" : String.valueOf(o);
    }

    /** A number as {@link #number}, or "not measured". */
    static String measured(JsonNode n) {
        return n != null && n.isNumber() ? number(n.doubleValue()) : "not measured";
    }

    /** A ratio as "2.84x", or "not measured". */
    static String times(JsonNode n) {
        return n != null && n.isNumber() ? number(n.doubleValue()) + "x" : "not measured";
    }

    /** Text for HTML. */
    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
