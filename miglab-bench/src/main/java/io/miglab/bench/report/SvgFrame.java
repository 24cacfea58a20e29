package io.miglab.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The common part of miglab's inline SVG charts: the plot area, a linear y axis from 0 with round ticks, the
 * title, the axis titles and the legend. Charts are written as text elements, so they stay small, searchable and
 * readable by screen readers (XChart's SVG export draws every glyph as a path: about 130 KB per chart).
 */
final class SvgFrame {
    static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
            "#000000"};
    final double width = 640, height = 360;
    final double left = 70, right = 20, top = 40, bottom = 90;
    final double yMax;
    final List<Double> ticks;

    SvgFrame(double dataMax) {
        this.ticks = ticks(dataMax <= 0 || Double.isNaN(dataMax) ? 1 : dataMax);
        this.yMax = ticks.get(ticks.size() - 1);
    }

    double plotWidth() { return width - left - right; }

    double plotHeight() { return height - top - bottom; }

    double y(double value) { return top + plotHeight() * (1 - value / yMax); }

    /** Round tick values 0, s, 2s, ... covering {@code max}, s one of 1, 2, 2.5, 5 x 10^k, about 5 ticks. */
    static List<Double> ticks(double max) {
        double raw = max / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * mag >= raw) {
                step = f * mag;
                break;
            }
        }
        List<Double> t = new ArrayList<>();
        for (int i = 0; i * step < max + step * 1e-9 || t.size() < 2; i++) t.add(i * step);
        if (t.get(t.size() - 1) < max) t.add(t.size() * step);
        return t;
    }

    void open(StringBuilder b, String title, String yTitle, String xTitle) {
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(Html.xy(width)).append(' ').append(Html.xy(height)).append("\" width=\"")
                .append(Html.xy(width)).append("\" height=\"").append(Html.xy(height)).append("\" aria-label=\"")
                .append(Html.esc(title)).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        b.append("<title>").append(Html.esc(title)).append("</title>\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        b.append("<text x=\"").append(Html.xy(width / 2)).append("\" y=\"22\" text-anchor=\"middle\" font-size=\"15\"")
                .append(" font-weight=\"bold\">").append(Html.esc(title)).append("</text>\n");
        for (double t : ticks) {
            double y = y(t);
            b.append("<line x1=\"").append(Html.xy(left)).append("\" x2=\"").append(Html.xy(width - right))
                    .append("\" y1=\"").append(Html.xy(y)).append("\" y2=\"").append(Html.xy(y))
                    .append("\" stroke=\"#dddddd\"/>\n");
            b.append("<text x=\"").append(Html.xy(left - 6)).append("\" y=\"").append(Html.xy(y + 4))
                    .append("\" text-anchor=\"end\">").append(tick(t)).append("</text>\n");
        }
        b.append("<line x1=\"").append(Html.xy(left)).append("\" x2=\"").append(Html.xy(left)).append("\" y1=\"")
                .append(Html.xy(top)).append("\" y2=\"").append(Html.xy(top + plotHeight()))
                .append("\" stroke=\"#333333\"/>\n");
        b.append("<text transform=\"translate(16 ").append(Html.xy(top + plotHeight() / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Html.esc(yTitle)).append("</text>\n");
        b.append("<text x=\"").append(Html.xy(left + plotWidth() / 2)).append("\" y=\"")
                .append(Html.xy(top + plotHeight() + 34)).append("\" text-anchor=\"middle\">").append(Html.esc(xTitle))
                .append("</text>\n");
    }

    void legend(StringBuilder b, List<String> names) {
        legend(b, names, null);
    }

    /** Coloured boxes for the series, then a dashed line for {@code dashedLabel} if given. */
    void legend(StringBuilder b, List<String> names, String dashedLabel) {
        double x = left;
        double y = top + plotHeight() + 56;
        for (int i = 0; i < names.size(); i++) {
            double w = 28 + 7 * names.get(i).length();
            if (x + w > width - right && x > left) {
                x = left;
                y += 16;
            }
            b.append("<rect x=\"").append(Html.xy(x)).append("\" y=\"").append(Html.xy(y - 10))
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(color(i)).append("\"/>");
            b.append("<text x=\"").append(Html.xy(x + 16)).append("\" y=\"").append(Html.xy(y))
                    .append("\">").append(Html.esc(names.get(i))).append("</text>\n");
            x += w;
        }
        if (dashedLabel != null) {
            double w = 36 + 7 * dashedLabel.length();
            if (x + w > width - right && x > left) {
                x = left;
                y += 16;
            }
            b.append("<line x1=\"").append(Html.xy(x)).append("\" x2=\"").append(Html.xy(x + 22)).append("\" y1=\"")
                    .append(Html.xy(y - 4)).append("\" y2=\"").append(Html.xy(y - 4))
                    .append("\" stroke=\"#444444\" stroke-dasharray=\"6 4\"/>");
            b.append("<text x=\"").append(Html.xy(x + 26)).append("\" y=\"").append(Html.xy(y)).append("\">")
                    .append(Html.esc(dashedLabel)).append("</text>\n");
        }
    }

    /** A tick label: 0, 2.5, 250, 1,000 (no trailing zeros). */
    static String tick(double v) {
        if (Math.abs(v) >= 1000) return String.format(java.util.Locale.ROOT, "%,.0f", v);
        return new java.math.BigDecimal(Double.toString(v)).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }

    static String color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    void close(StringBuilder b) {
        b.append("<line x1=\"").append(Html.xy(left)).append("\" x2=\"").append(Html.xy(width - right))
                .append("\" y1=\"").append(Html.xy(y(0))).append("\" y2=\"").append(Html.xy(y(0)))
                .append("\" stroke=\"#333333\"/>\n</svg>\n");
    }
}
