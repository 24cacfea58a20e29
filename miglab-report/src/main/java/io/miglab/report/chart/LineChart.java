package io.miglab.report.chart;

import io.miglab.report.html.Html;
import io.miglab.report.format.Num;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines over a numeric x axis (or a time axis in seconds, labelled in round hours, minutes or seconds), y from 0
 * with round ticks, colours from the {@link Palette}, the legend under the plot. A NaN y breaks the line. Points
 * that have no value (a run that never switched over) can be shown as crosses on the x axis with
 * {@link #notSwitched}, never as a zero.
 */
public final class LineChart {
    private record Series(String name, double[] x, double[] y) { }

    private record Reference(double y, String label) { }

    private static final int DOTS_UP_TO = 40;

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<Series> series = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<Double> notSwitched = new ArrayList<>();
    private double width = 640;
    private double plotHeight = 240;
    private boolean timeAxis;

    public LineChart(String title, String xTitle, String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    public LineChart size(double width, double plotHeight) {
        this.width = width;
        this.plotHeight = plotHeight;
        return this;
    }

    /** x values are seconds; the axis is labelled in round hours, minutes or seconds. */
    public LineChart timeAxis() {
        this.timeAxis = true;
        return this;
    }

    public LineChart series(String name, double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    public LineChart series(String name, List<double[]> xy) {
        return series(name, xy.stream().mapToDouble(p -> p[0]).toArray(), xy.stream().mapToDouble(p -> p[1])
                .toArray());
    }

    /** A dashed horizontal line, named in the legend (e.g. "downtime limit 300 ms"). */
    public LineChart referenceLine(double y, String label) {
        references.add(new Reference(y, label));
        return this;
    }

    /** Marks x positions where a run did not switch over (cancelled): a grey cross on the x axis. */
    public LineChart notSwitched(double x) {
        notSwitched.add(x);
        return this;
    }

    public String svg() {
        double xMax = 0, yMin = 0, yMax = 0;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                xMax = Math.max(xMax, s.x()[i]);
                if (!Double.isNaN(s.y()[i])) {
                    yMin = Math.min(yMin, s.y()[i]);
                    yMax = Math.max(yMax, s.y()[i]);
                }
            }
        }
        for (double x : notSwitched) xMax = Math.max(xMax, x);
        for (Reference r : references) yMax = Math.max(yMax, r.y());
        Axis xAxis = timeAxis ? TimeScale.axis(xTitle, xMax) : Axis.linear(xTitle, 0, xMax);
        List<String> colours = Palette.colours(series.stream().map(Series::name).toList());
        Legend legend = new Legend();
        for (int i = 0; i < series.size(); i++) {
            legend.add(series.get(i).name(), colours.get(i), dotted(series.get(i)) ? Legend.Mark.LINE_AND_DOT
                    : Legend.Mark.LINE);
        }
        if (!notSwitched.isEmpty()) legend.add(Palette.NOT_SWITCHED_NAME, Palette.NOT_SWITCHED, Legend.Mark.CROSS);
        for (Reference r : references) legend.add(r.label(), Palette.REFERENCE, Legend.Mark.DASHED);
        Frame f = new Frame(title, width, plotHeight, Axis.linear(yTitle, yMin, yMax), legend);
        StringBuilder b = new StringBuilder();
        f.open(b, xAxis.title());
        f.xTicks(b, xAxis);
        for (Reference r : references) f.referenceLine(b, r.y());
        for (int s = 0; s < series.size(); s++) draw(b, f, xAxis, series.get(s), colours.get(s));
        for (double x : notSwitched) {
            Svg.cross(b, px(f, xAxis, x), f.bottom(), Palette.NOT_SWITCHED, Palette.NOT_SWITCHED_NAME + " at "
                    + Num.sig(x, 4));
        }
        f.close(b);
        return b.toString();
    }

    /** Points are drawn as dots unless the line is dense (dots would hide it). */
    private static boolean dotted(Series s) {
        return s.x().length <= DOTS_UP_TO;
    }

    private static double px(Frame f, Axis x, double v) {
        return f.left() + f.plotWidth() * x.fraction(v);
    }

    private void draw(StringBuilder b, Frame f, Axis xAxis, Series s, String colour) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < s.x().length; i++) {
            if (Double.isNaN(s.y()[i])) {
                pen = false;
                continue;
            }
            d.append(d.length() == 0 ? "M" : pen ? " L" : " M").append(Svg.n(px(f, xAxis, s.x()[i]))).append(',')
                    .append(Svg.n(f.py(s.y()[i])));
            pen = true;
        }
        b.append("<path class=\"line\" d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"2\"><title>").append(Html.esc(s.name())).append("</title></path>\n");
        if (!dotted(s)) return;
        for (int i = 0; i < s.x().length; i++) {
            if (Double.isNaN(s.y()[i])) continue;
            b.append("<circle cx=\"").append(Svg.n(px(f, xAxis, s.x()[i]))).append("\" cy=\"")
                    .append(Svg.n(f.py(s.y()[i]))).append("\" r=\"3.5\" fill=\"").append(colour).append("\"><title>")
                    .append(Html.esc(s.name() + " at " + Num.sig(s.x()[i], 4) + ": " + Num.of(s.y()[i])))
                    .append("</title></circle>\n");
        }
    }
}
