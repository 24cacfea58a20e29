package io.miglab.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart's legend, laid out in rows under the plot area (never over the data): coloured boxes for bars, a line
 * (with a dot when the points are drawn) for lines, a cross for runs without a value, a dashed line for reference
 * lines.
 */
final class Legend {
    enum Mark { BOX, LINE, LINE_AND_DOT, CROSS, DASHED }

    record Entry(String name, String colour, Mark mark) { }

    private static final double ROW = 17;
    private static final double CHAR = 6.6;

    private final List<Entry> entries = new ArrayList<>();

    Legend add(String name, String colour, Mark mark) {
        entries.add(new Entry(name, colour, mark));
        return this;
    }

    boolean isEmpty() { return entries.isEmpty(); }

    private static double width(Entry e) {
        return 30 + CHAR * e.name().length();
    }

    /** The height the legend takes in a row {@code width} wide. */
    double height(double width) {
        return entries.isEmpty() ? 0 : rows(width) * ROW;
    }

    private int rows(double width) {
        int rows = 1;
        double x = 0;
        for (Entry e : entries) {
            if (x > 0 && x + width(e) > width) {
                rows++;
                x = 0;
            }
            x += width(e) + 10;
        }
        return rows;
    }

    /** Draws the legend with its first row's top at {@code top}, from {@code left}, {@code width} wide. */
    void draw(StringBuilder b, double left, double top, double width) {
        if (entries.isEmpty()) return;
        b.append("<g class=\"legend\" font-size=\"12\">\n");
        double x = 0;
        double y = top + 12;
        for (Entry e : entries) {
            if (x > 0 && x + width(e) > width) {
                x = 0;
                y += ROW;
            }
            double lx = left + x;
            switch (e.mark()) {
                case BOX -> b.append("<rect x=\"").append(Svg.n(lx)).append("\" y=\"").append(Svg.n(y - 10))
                        .append("\" width=\"12\" height=\"12\" fill=\"").append(e.colour()).append("\"/>\n");
                case LINE -> Svg.line(b, lx, y - 4, lx + 22, y - 4, e.colour(), " stroke-width=\"2\"");
                case LINE_AND_DOT -> {
                    Svg.line(b, lx, y - 4, lx + 22, y - 4, e.colour(), " stroke-width=\"2\"");
                    b.append("<circle cx=\"").append(Svg.n(lx + 11)).append("\" cy=\"").append(Svg.n(y - 4))
                            .append("\" r=\"3.5\" fill=\"").append(e.colour()).append("\"/>\n");
                }
                case CROSS -> Svg.cross(b, lx + 11, y - 4, e.colour(), null);
                case DASHED -> Svg.line(b, lx, y - 4, lx + 22, y - 4, e.colour(), " stroke-dasharray=\"6 4\"");
            }
            Svg.text(b, lx + 27, y, "", "start", e.name());
            x += width(e) + 10;
        }
        b.append("</g>\n");
    }
}
