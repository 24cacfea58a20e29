package io.miglab.bench.report;

import java.util.ArrayList;
import java.util.List;

/** Lines with markers over a numeric x axis (e.g. the migration point's offset in the workload's run). */
final class SvgLineChart {
    record Point(double x, double y) { }

    record Series(String name, List<Point> points) { }

    private final String title;
    private final String yTitle;
    private final String xTitle;
    private final List<Series> series = new ArrayList<>();

    SvgLineChart(String title, String yTitle, String xTitle) {
        this.title = title;
        this.yTitle = yTitle;
        this.xTitle = xTitle;
    }

    SvgLineChart series(String name, List<Point> points) {
        series.add(new Series(name, List.copyOf(points)));
        return this;
    }

    String svg() {
        double yMax = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y).max().orElse(1);
        double xMax = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::x).max().orElse(1);
        SvgFrame f = new SvgFrame(yMax);
        List<Double> xTicks = SvgFrame.ticks(xMax <= 0 ? 1 : xMax);
        double xEnd = xTicks.get(xTicks.size() - 1);
        StringBuilder b = new StringBuilder();
        f.open(b, title, yTitle, xTitle);
        for (double t : xTicks) {
            double x = f.left + f.plotWidth() * t / xEnd;
            b.append("<text x=\"").append(Html.xy(x)).append("\" y=\"").append(Html.xy(f.y(0) + 16))
                    .append("\" text-anchor=\"middle\">").append(SvgFrame.tick(t)).append("</text>\n");
        }
        for (int s = 0; s < series.size(); s++) {
            List<Point> pts = series.get(s).points();
            StringBuilder path = new StringBuilder();
            for (Point p : pts) {
                path.append(path.length() == 0 ? "M" : " L").append(Html.xy(f.left + f.plotWidth() * p.x() / xEnd))
                        .append(',').append(Html.xy(f.y(p.y())));
            }
            b.append("<path class=\"line\" d=\"").append(path).append("\" fill=\"none\" stroke=\"")
                    .append(SvgFrame.color(s)).append("\" stroke-width=\"2\"/>\n");
            for (Point p : pts) {
                b.append("<circle cx=\"").append(Html.xy(f.left + f.plotWidth() * p.x() / xEnd)).append("\" cy=\"")
                        .append(Html.xy(f.y(p.y()))).append("\" r=\"3.5\" fill=\"").append(SvgFrame.color(s))
                        .append("\"><title>").append(Html.esc(series.get(s).name() + " at " + Html.num(p.x()) + ": "
                                + Html.num(p.y()))).append("</title></circle>\n");
            }
        }
        f.legend(b, series.stream().map(Series::name).toList());
        f.close(b);
        return b.toString();
    }
}
