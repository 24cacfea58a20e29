package io.miglab.bench.report;

import java.util.ArrayList;
import java.util.List;

/** Grouped bars: one group per category, one bar per series, optional dashed reference line (e.g. 1000). */
final class SvgBarChart {
    record Series(String name, List<Double> values) { }

    private final String title;
    private final String yTitle;
    private final String xTitle;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();
    private Double referenceLine;
    private String referenceLabel;

    SvgBarChart(String title, String yTitle, String xTitle, List<String> categories) {
        this.title = title;
        this.yTitle = yTitle;
        this.xTitle = xTitle;
        this.categories = List.copyOf(categories);
    }

    SvgBarChart series(String name, List<Double> values) {
        if (values.size() != categories.size()) throw new IllegalArgumentException("one value per category");
        series.add(new Series(name, List.copyOf(values)));
        return this;
    }

    SvgBarChart referenceLine(double value, String label) {
        this.referenceLine = value;
        this.referenceLabel = label;
        return this;
    }

    String svg() {
        double max = series.stream().flatMap(s -> s.values().stream()).filter(v -> !v.isNaN())
                .mapToDouble(Double::doubleValue).max().orElse(1);
        if (referenceLine != null) max = Math.max(max, referenceLine);
        SvgFrame f = new SvgFrame(max);
        StringBuilder b = new StringBuilder();
        f.open(b, title, yTitle, xTitle);
        double group = f.plotWidth() / categories.size();
        double bar = group * 0.8 / Math.max(1, series.size());
        for (int c = 0; c < categories.size(); c++) {
            double gx = f.left + c * group;
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).values().get(c);
                if (Double.isNaN(v)) continue;
                double x = gx + group * 0.1 + s * bar;
                double y = f.y(v);
                b.append("<rect class=\"bar\" x=\"").append(Html.xy(x)).append("\" y=\"").append(Html.xy(y))
                        .append("\" width=\"").append(Html.xy(bar - 2)).append("\" height=\"")
                        .append(Html.xy(f.y(0) - y)).append("\" fill=\"").append(SvgFrame.color(s)).append("\">")
                        .append("<title>").append(Html.esc(series.get(s).name() + ", " + categories.get(c) + ": "
                                + Html.num(v))).append("</title></rect>\n");
                if (bar - 2 < 24) continue; // too narrow for a label; the tooltip has it
                b.append("<text x=\"").append(Html.xy(x + (bar - 2) / 2)).append("\" y=\"").append(Html.xy(y - 3))
                        .append("\" text-anchor=\"middle\" font-size=\"10\">").append(Html.num(v)).append("</text>\n");
            }
            b.append("<text x=\"").append(Html.xy(gx + group / 2)).append("\" y=\"")
                    .append(Html.xy(f.y(0) + 16)).append("\" text-anchor=\"middle\">")
                    .append(Html.esc(categories.get(c))).append("</text>\n");
        }
        if (referenceLine != null) {
            double y = f.y(referenceLine);
            b.append("<line x1=\"").append(Html.xy(f.left)).append("\" x2=\"").append(Html.xy(f.width - f.right))
                    .append("\" y1=\"").append(Html.xy(y)).append("\" y2=\"").append(Html.xy(y))
                    .append("\" stroke=\"#444444\" stroke-dasharray=\"6 4\"/>\n");
        }
        f.legend(b, series.stream().map(Series::name).toList(), referenceLine == null ? null : referenceLabel);
        f.close(b);
        return b.toString();
    }
}
