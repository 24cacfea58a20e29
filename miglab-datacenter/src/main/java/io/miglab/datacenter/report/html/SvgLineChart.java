package io.miglab.datacenter.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG, with axes, five ticks per axis and a legend; no scripts, no fonts to fetch. Reusable
 * by any miglab report: it knows nothing of datacenters.
 */
public final class SvgLineChart {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private record Series(String name, double[] x, double[] y) { }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private int width = 720;
    private int height = 280;

    public SvgLineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public SvgLineChart size(int w, int h) {
        width = w;
        height = h;
        return this;
    }

    public SvgLineChart add(String name, double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    public String render() {
        int left = 70, right = 20, top = 30, bottom = 45;
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = 0, y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                x0 = Math.min(x0, s.x[i]);
                x1 = Math.max(x1, s.x[i]);
                y0 = Math.min(y0, s.y[i]);
                y1 = Math.max(y1, s.y[i]);
            }
        }
        if (!(x1 > x0)) x1 = x0 + 1;
        if (!(y1 > y0)) y1 = y0 + 1;
        y1 = niceCeiling(y1);
        double pw = width - left - right, ph = height - top - bottom;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", width, height, width, height, Html.escape(title)));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" class=\"t\">%s</text>", left, Html.escape(title)));
        for (int k = 0; k <= 5; k++) {
            double yv = y0 + (y1 - y0) * k / 5, py = top + ph - ph * k / 5;
            double xv = x0 + (x1 - x0) * k / 5, px = left + pw * k / 5;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"g\"/>",
                    left, left + pw, py, py));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"yl\">%s</text>", left - 6, py + 4,
                    number(yv)));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"xl\">%s</text>", px,
                    top + ph + 16, number(xv)));
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%.1f\" class=\"a\"/>", left, left,
                top, top + ph));
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"a\"/>", left,
                left + pw, top + ph, top + ph));
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"xl\">%s</text>", left + pw / 2,
                height - 6, Html.escape(xLabel)));
        b.append(String.format(Locale.ROOT, "<text transform=\"translate(14 %.1f) rotate(-90)\" class=\"xl\">%s</text>",
                top + ph / 2, Html.escape(yLabel)));
        for (int s = 0; s < series.size(); s++) {
            Series se = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < se.x.length; i++) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + pw * (se.x[i] - x0) / (x1 - x0),
                        top + ph - ph * (se.y[i] - y0) / (y1 - y0)));
            }
            b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                    .append(pts.toString().trim()).append("\"/>");
            if (series.size() > 1) {
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                        + "<text x=\"%.1f\" y=\"%d\" class=\"lg\">%s</text>", left + pw - 150.0, top + 4 + 14 * s, colour,
                        left + pw - 135.0, top + 13 + 14 * s, Html.escape(se.name)));
            }
        }
        return b.append("</svg>").toString();
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) return String.format(Locale.ROOT, "%.3gM", v / 1e6);
        if (a >= 1e4) return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        if (a >= 100 || v == Math.rint(v)) return String.format(Locale.ROOT, "%.0f", v);
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * p >= v) return m * p;
        return 10 * p;
    }
}
