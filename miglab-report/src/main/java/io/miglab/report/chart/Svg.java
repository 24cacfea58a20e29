package io.miglab.report.chart;

import io.miglab.report.html.Html;
import java.util.Locale;

/** Small writers for SVG elements; coordinates with one decimal and no locale. */
final class Svg {
    private Svg() { }

    static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static void line(StringBuilder b, double x1, double y1, double x2, double y2, String stroke, String extra) {
        b.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append('"').append(extra)
                .append("/>\n");
    }

    /** A text element; {@code cssClass} may be empty, {@code anchor} is start, middle or end. */
    static void text(StringBuilder b, double x, double y, String cssClass, String anchor, String text) {
        b.append("<text");
        if (!cssClass.isEmpty()) b.append(" class=\"").append(cssClass).append('"');
        b.append(" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\">").append(Html.esc(text)).append("</text>\n");
    }

    /** A cross: the mark of a run that has no value to plot where a value was expected. */
    static void cross(StringBuilder b, double x, double y, String colour, String tooltip) {
        b.append("<path class=\"cross\" d=\"M").append(n(x - 4)).append(',').append(n(y - 4)).append(" L")
                .append(n(x + 4)).append(',').append(n(y + 4)).append(" M").append(n(x - 4)).append(',')
                .append(n(y + 4)).append(" L").append(n(x + 4)).append(',').append(n(y - 4)).append("\" stroke=\"")
                .append(colour).append("\" stroke-width=\"2\">");
        if (tooltip != null) b.append("<title>").append(Html.esc(tooltip)).append("</title>");
        b.append("</path>\n");
    }
}
