package io.miglab.report.chart;

import io.miglab.report.format.Num;
import io.miglab.report.html.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * Grouped bars: one group per category, one bar per series (colours from the {@link Palette}), y from 0 with
 * round ticks, an optional dashed reference line (e.g. score 1000), the legend under the plot. A NaN value draws
 * no bar.
 */
public final class BarChart {
    private record Series(String name, List<Double> values) { }

    private final String title;
    private final String yTitle;
    private final String xTitle;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();
    private Double reference;
    private String referenceLabel;
    private double width = 640;
    private double plotHeight = 240;

    public BarChart(String title, String yTitle, String xTitle, List<String> categories) {
        this.title = title;
        this.yTitle = yTitle;
        this.xTitle = xTitle;
        this.categories = List.copyOf(categories);
    }

    public BarChart size(double width, double plotHeight) {
        this.width = width;
        this.plotHeight = plotHeight;
        return this;
    }

    public BarChart series(String name, List<Double> values) {
        if (values.size() != categories.size()) throw new IllegalArgumentException("one value per category");
        series.add(new Series(name, List.copyOf(values)));
        return this;
    }

    public BarChart referenceLine(double value, String label) {
        this.reference = value;
        this.referenceLabel = label;
        return this;
    }

    public String svg() {
        double max = series.stream().flatMap(s -> s.values().stream()).filter(v -> !v.isNaN())
                .mapToDouble(Double::doubleValue).max().orElse(1);
        if (reference != null) max = Math.max(max, reference);
        List<String> colours = Palette.colours(series.stream().map(Series::name).toList());
        Legend legend = new Legend();
        for (int i = 0; i < series.size(); i++) legend.add(series.get(i).name(), colours.get(i), Legend.Mark.BOX);
        if (reference != null) legend.add(referenceLabel, Palette.REFERENCE, Legend.Mark.DASHED);
        Frame f = new Frame(title, width, plotHeight, Axis.linear(yTitle, 0, max), legend);
        StringBuilder b = new StringBuilder();
        f.open(b, xTitle);
        double group = f.plotWidth() / Math.max(1, categories.size());
        double bar = group * 0.8 / Math.max(1, series.size());
        for (int c = 0; c < categories.size(); c++) {
            double gx = f.left() + c * group;
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values().get(c);
                if (Double.isNaN(v)) continue;
                double x = gx + group * 0.1 + s * bar;
                double y = f.py(v);
                b.append("<rect class=\"bar\" x=\"").append(Svg.n(x)).append("\" y=\"").append(Svg.n(y))
                        .append("\" width=\"").append(Svg.n(bar - 2)).append("\" height=\"")
                        .append(Svg.n(f.bottom() - y)).append("\" fill=\"").append(colours.get(s)).append("\"><title>")
                        .append(Html.esc(series.get(s).name() + ", " + categories.get(c) + ": " + Num.of(v)))
                        .append("</title></rect>\n");
                if (bar - 2 >= 26) Svg.text(b, x + (bar - 2) / 2, y - 3, "value", "middle", Num.of(v));
            }
            Svg.text(b, gx + group / 2, f.bottom() + 17, "category", "middle", categories.get(c));
        }
        if (reference != null) f.referenceLine(b, reference);
        f.close(b);
        return b.toString();
    }
}
