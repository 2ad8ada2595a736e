package org.frontline.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: fields separated by commas, records by CRLF or LF; a field in double
 * quotes may hold commas, line breaks and doubled quotes ({@code ""}). A byte-order mark at the
 * start is skipped, blank lines are skipped, a last line break is optional. A quote inside an
 * unquoted field, text after a closing quote or a quoted field never closed is refused, with its
 * line, never its text (it may be personal data).
 *
 * <p>Why our own and not commons-csv: the manifest needs exactly this (one dialect, the whole text
 * already in memory, bounded by the body limit) and strict refusals with a line number instead of
 * the library's lenient defaults and its messages, which quote the input; forty lines carry no
 * dependency, its updates or its CVEs. {@code CsvTest} pins the dialect.
 */
final class Csv {

    /** The text is not CSV: the reason names the line, never the text. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private Csv() {
    }

    static List<List<String>> parse(String text) throws Malformed {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStarted = false;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                if (!(record.size() == 1 && record.get(0).isEmpty() && !fieldStarted)) {
                    records.add(record);
                }
                record = new ArrayList<>();
                afterQuote = false;
                fieldStarted = false;
                line++;
            } else if (afterQuote) {
                throw new Malformed("line " + line + ": text after a closing quote; quote the whole field");
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new Malformed("line " + line + ": a quote inside an unquoted field; quote the whole field"
                            + " and double the quotes inside it");
                }
                quoted = true;
                fieldStarted = true;
            } else {
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (quoted) {
            throw new Malformed("line " + line + ": a quoted field is not closed");
        }
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
