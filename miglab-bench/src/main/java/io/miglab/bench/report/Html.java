package io.miglab.bench.report;

import java.util.Locale;

/** Escaping and number formatting shared by the HTML and SVG writers. */
final class Html {
    private Html() { }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A figure for a table cell: 3 significant digits, thousands separated, "-" for none. */
    static String num(double v) {
        if (Double.isNaN(v)) return "-";
        double a = Math.abs(v);
        if (a >= 99.95 && Math.round(a) >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Coordinates in SVG: one decimal, no locale. */
    static String xy(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
