package org.frontline.match.eval;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** Just enough JSON writing for the results file (maps, strings, numbers), keys in insertion order. */
final class Json {

    private Json() {
    }

    static String write(Object o) {
        StringBuilder sb = new StringBuilder();
        write(o, sb, "");
        return sb.toString();
    }

    private static void write(Object o, StringBuilder sb, String indent) {
        if (o instanceof Map<?, ?> m) {
            sb.append("{\n");
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                sb.append(indent).append("  \"").append(e.getKey()).append("\": ");
                write(e.getValue(), sb, indent + "  ");
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            sb.append(indent).append('}');
        } else if (o instanceof Number n) {
            sb.append(n instanceof Double d ? String.format(Locale.ROOT, "%s", d) : n.toString());
        } else if (o instanceof Boolean b) {
            sb.append(b);
        } else {
            sb.append('"').append(String.valueOf(o).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
    }
}
