package io.miglab.report.chart;

import io.miglab.report.html.Html;

/**
 * What every chart shares: the SVG element, the title, the plot area with the y axis (grid, round tick labels,
 * title), the x axis title, horizontal reference lines, and the legend under the plot. Text stays text (small,
 * searchable, readable by screen readers).
 */
final class Frame {
    static final double LEFT = 66;
    static final double RIGHT = 18;
    static final double TOP = 34;
    private static final double BELOW_PLOT = 46;

    final double width;
    final double plotHeight;
    final Axis y;
    private final String title;
    private final Legend legend;

    Frame(String title, double width, double plotHeight, Axis y, Legend legend) {
        this.title = title;
        this.width = width;
        this.plotHeight = plotHeight;
        this.y = y;
        this.legend = legend;
    }

    double left() { return LEFT; }

    double right() { return width - RIGHT; }

    double bottom() { return TOP + plotHeight; }

    double plotWidth() { return right() - left(); }

    double height() {
        return bottom() + BELOW_PLOT + legend.height(width - 24) + 8;
    }

    /** The y coordinate of {@code v}. */
    double py(double v) {
        return bottom() - plotHeight * y.fraction(v);
    }

    void open(StringBuilder b, String xTitle) {
        String h = Svg.n(height());
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(Svg.n(width)).append(' ').append(h).append("\" width=\"").append(Svg.n(width))
                .append("\" height=\"").append(h).append("\" aria-label=\"").append(Html.esc(title))
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n<title>").append(Html.esc(title))
                .append("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        b.append("<text class=\"title\" x=\"").append(Svg.n(width / 2)).append("\" y=\"21\" text-anchor=\"middle\""
                + " font-size=\"14\" font-weight=\"bold\">").append(Html.esc(title)).append("</text>\n");
        b.append("<rect class=\"plot\" x=\"").append(Svg.n(left())).append("\" y=\"").append(Svg.n(TOP))
                .append("\" width=\"").append(Svg.n(plotWidth())).append("\" height=\"").append(Svg.n(plotHeight))
                .append("\" fill=\"none\"/>\n");
        for (int i = 0; i < y.ticks().size(); i++) {
            double py = py(y.ticks().get(i));
            Svg.line(b, left(), py, right(), py, "#e2e2e2", "");
            Svg.text(b, left() - 6, py + 4, "tick y", "end", y.labels().get(i));
        }
        b.append("<text class=\"axis-title\" transform=\"translate(15 ").append(Svg.n(TOP + plotHeight / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Html.esc(y.title())).append("</text>\n");
        Svg.text(b, left() + plotWidth() / 2, bottom() + 36, "axis-title", "middle", xTitle);
    }

    /** Tick labels (and faint grid lines) of a numeric x axis. */
    void xTicks(StringBuilder b, Axis x) {
        String cls = x.time() ? "tick x time" : "tick x";
        for (int i = 0; i < x.ticks().size(); i++) {
            double px = left() + plotWidth() * x.fraction(x.ticks().get(i));
            Svg.line(b, px, TOP, px, bottom(), "#f0f0f0", "");
            Svg.text(b, px, bottom() + 17, cls, "middle", x.labels().get(i));
        }
    }

    /** A dashed horizontal line across the plot at {@code value} (a limit, a reference score). */
    void referenceLine(StringBuilder b, double value) {
        double py = py(value);
        b.append("<line class=\"reference\" x1=\"").append(Svg.n(left())).append("\" y1=\"").append(Svg.n(py))
                .append("\" x2=\"").append(Svg.n(right())).append("\" y2=\"").append(Svg.n(py))
                .append("\" stroke=\"").append(Palette.REFERENCE).append("\" stroke-width=\"1.5\""
                        + " stroke-dasharray=\"6 4\"/>\n");
    }

    void close(StringBuilder b) {
        Svg.line(b, left(), TOP, left(), bottom(), "#555555", "");
        Svg.line(b, left(), bottom(), right(), bottom(), "#555555", "");
        legend.draw(b, 12, bottom() + BELOW_PLOT, width - 24);
        b.append("</svg>\n");
    }
}
