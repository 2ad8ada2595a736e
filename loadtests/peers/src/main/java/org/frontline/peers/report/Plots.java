package org.frontline.peers.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.frontline.peers.report.Format.esc;

/**
 * compare.html: the targets, then per scenario one latency plot of all its phases and one per phase.
 * Inline SVG, no script and no external file. x is the percentile on a log scale of 1/(1 - p), so
 * that 50, 90, 99, 99.9... are evenly spaced and the tail is as wide as the body; y is ms.
 */
final class Plots {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};

    private final Run run;
    private final Summary summary;

    Plots(Run run, Summary summary) {
        this.run = run;
        this.summary = summary;
    }

    String html() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Frontline Query: comparison</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1100px;margin:1em auto;color:#222}")
                .append("table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}")
                .append("td:first-child,th:first-child{text-align:left}.fail{color:#b00;font-weight:bold}.pass{color:#070}")
                .append("figure{display:inline-block;margin:8px}</style></head><body>\n");
        b.append("<h1>Comparison: floors, our service, the peers</h1>\n<p>")
                .append(esc(run.meta("date", "?"))).append(" &middot; commit ").append(esc(run.meta("commit", "?")))
                .append(" &middot; ").append(esc(run.meta("nproc", "?"))).append(" vCPU")
                .append(run.meta("note") == null ? "" : " &middot; <b>" + esc(run.meta("note")) + "</b>")
                .append("</p>\n<p><code>").append(esc(run.meta("command", "?"))).append("</code></p>\n");
        b.append("<table><tr><th>target</th><th>measured</th><th>verdict</th><th>note</th></tr>\n");
        for (Summary.Verdict t : summary.targets()) {
            b.append("<tr><td>").append(esc(t.target())).append("</td><td>").append(esc(t.value())).append("</td><td class=\"")
                    .append(t.passed() ? "pass" : "fail").append("\">").append(t.verdict()).append("</td><td>")
                    .append(esc(t.note())).append("</td></tr>\n");
        }
        b.append("</table>\n<p>Answers per CPU-second (system under test + PostgreSQL, measured window): cold fan-out (c=32) ")
                .append(Format.measured(summary.get("cold_answers_per_cpu_second"))).append(", postgres_fdw (the better of c=8 and c=32) ")
                .append(Format.measured(summary.get("fdw_answers_per_cpu_second"))).append(", naive JDBC (c=8) ")
                .append(Format.measured(summary.get("jdbc_naive_answers_per_cpu_second"))).append(". ")
                .append(esc(Summary.THROUGHPUT_TARGET_WITHDRAWN)).append("</p>\n");
        for (Scenarios.Scenario scenario : Scenarios.ALL) {
            List<String> present = new ArrayList<>();
            for (String label : scenario.labels()) {
                if (run.phase(label) != null && !run.phase(label).percentiles().isEmpty()) {
                    present.add(label);
                }
            }
            if (present.isEmpty()) {
                continue;
            }
            b.append("<h2>").append(esc(scenario.title())).append("</h2>\n");
            b.append(svg(scenario.title(), present, 900, 380));
            for (String label : present) {
                b.append("<figure>").append(svg(Scenarios.description(label), List.of(label), 420, 260)).append("</figure>\n");
            }
        }
        b.append("<p>x: percentile on a log scale of 1/(1 - p) (50, 90, 99, 99.9, ...); y: latency in ms. ")
                .append("Data: <code>summary.json</code> &rarr; <code>raw</code>.</p>\n</body></html>\n");
        return b.toString();
    }

    private String svg(String title, List<String> labels, int w, int h) {
        int left = 60, right = 10, top = 24, bottom = 40 + 14 * (labels.size() > 1 ? (labels.size() + 1) / 2 : 0);
        int pw = w - left - right, ph = h - top - bottom;
        double maxX = 1, maxY = 0;
        for (String l : labels) {
            for (double[] p : run.phase(l).percentiles()) {
                maxX = Math.max(maxX, x(p[0]));
                maxY = Math.max(maxY, p[1]);
            }
        }
        maxX = Math.ceil(maxX);
        maxY = niceCeil(maxY);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">", w, h));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" font-weight=\"bold\">%s</text>", left, esc(title)));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>", left, top, pw, ph));
        for (int d = 0; d <= (int) maxX; d++) {
            double px = left + pw * d / maxX;
            String lab = d == 0 ? "0" : pctLabel(d);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>", px, top, px, top + ph));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px, top + ph + 13, lab));
        }
        // 50th percentile: x = log10(2)
        double p50 = left + pw * Math.log10(2) / maxX;
        b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>", p50, top, p50, top + ph));
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">50</text>", p50, top + ph + 13));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>", left + pw / 2, top + ph + 27));
        for (int i = 0; i <= 4; i++) {
            double v = maxY * i / 4;
            double py = top + ph - ph * i / 4.0;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>", left, py, left + pw, py));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left - 4, py + 4, Format.number(v)));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">ms</text>",
                top + ph / 2, top + ph / 2));
        for (int i = 0; i < labels.size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (double[] p : run.phase(labels.get(i)).percentiles()) {
                double px = left + pw * x(p[0]) / maxX;
                double py = top + ph - (maxY == 0 ? 0 : ph * p[1] / maxY);
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
            }
            b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"/>");
            if (labels.size() > 1) {
                int lx = left + (i % 2) * (pw / 2), ly = top + ph + 40 + 14 * (i / 2);
                b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"3\" fill=\"%s\"/>", lx, ly - 4, colour));
                b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", lx + 14, ly, esc(Scenarios.description(labels.get(i)))));
            }
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /** x position of a percentile (0-100): log10(1 / (1 - p)). */
    private static double x(double pct) {
        double q = Math.min(pct / 100.0, 0.999999);
        return Math.log10(1 / (1 - q));
    }

    private static String pctLabel(int decades) {
        // 1 -> 90, 2 -> 99, 3 -> 99.9, 4 -> 99.99 ...
        return decades == 1 ? "90" : decades == 2 ? "99" : "99." + "9".repeat(decades - 2);
    }

    private static double niceCeil(double v) {
        if (v <= 0) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * mag >= v) {
                return m * mag;
            }
        }
        return 10 * mag;
    }
}
