package io.miglab.cli.sweep;

import io.miglab.core.result.MigrationResult;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The plots of the classic QEMU/KVM experiments, drawn with XChart: total migration time, pre-copy time and
 * downtime against the first numeric varied parameter (one line per value of the second one, if any), and total
 * time of pre-copy against stop-and-copy. A sweep of algorithms alone gives bar charts.
 */
public final class SweepPlotter {
    public enum Format { PNG, SVG }

    private record Metric(String file, String title, String yTitle, ToDoubleFunction<MigrationResult> value) { }

    private static final List<Metric> METRICS = List.of(
            new Metric("total-time", "Total migration time", "total migration time (s)", r -> r.totalTimeMs() / 1000),
            new Metric("precopy-time", "Pre-copy time", "pre-copy time (s)", r -> r.precopyTimeMs() / 1000),
            new Metric("downtime", "Downtime", "downtime (ms)", MigrationResult::downtimeMs));

    private SweepPlotter() { }

    /** Writes the plots into {@code dir}; returns the files written. */
    public static List<Path> plot(List<SweepAxis> axes, List<SweepPoint> points, Path dir, Format format)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        int xi = -1;
        for (int i = 0; i < axes.size(); i++) if (axes.get(i).parameter().numeric() && xi < 0) xi = i;
        if (xi < 0) {
            for (Metric m : METRICS) files.add(save(bars(m, points), dir, m.file(), format));
            return files;
        }
        int x = xi, s = axes.size() == 2 ? 1 - xi : -1;
        String xTitle = axes.get(x).parameter().axisTitle;
        for (Metric m : METRICS) {
            XYChart chart = chart(m.title() + " vs " + xTitle, xTitle, m.yTitle());
            addSeries(chart, points, x, s, p -> Map.of(seriesName(axes, p, s, p.result().algorithm())
                    + cancelled(p.result()), m.value().applyAsDouble(p.result())));
            files.add(save(chart, dir, m.file(), format));
        }
        if (!points.isEmpty() && points.get(0).compared()) {
            XYChart chart = chart("Pre-copy vs stop-and-copy: total time vs " + xTitle, xTitle,
                    "total migration time (s)");
            addSeries(chart, points, x, s, p -> {
                Map<String, Double> v = new LinkedHashMap<>();
                MigrationResult pre = p.precopy().orElseThrow();
                v.put(seriesName(axes, p, s, "pre-copy") + cancelled(pre), pre.totalTimeMs() / 1000);
                v.put(seriesName(axes, p, s, "stop-and-copy"), p.stopAndCopy().orElseThrow().totalTimeMs() / 1000);
                return v;
            });
            files.add(save(chart, dir, "precopy-vs-stop-and-copy", format));
        }
        return files;
    }

    /** Runs that gave up (the guest stayed on the source) are drawn as their own series, not as migrations. */
    private static String cancelled(MigrationResult r) {
        return r.completed() ? "" : " (cancelled at " + r.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ")";
    }

    /** The line a value belongs to: the algorithm, or "base, memory=256MiB" when a second axis splits lines. */
    private static String seriesName(List<SweepAxis> axes, SweepPoint p, int s, String base) {
        if (s < 0) return base;
        SweepAxis.Value v = p.coordinates().get(s);
        SweepParameter param = axes.get(s).parameter();
        return param.numeric() ? base + ", " + param.key + "=" + v.label() : v.label();
    }

    private static void addSeries(XYChart chart, List<SweepPoint> points, int x, int s,
                                  Function<SweepPoint, Map<String, Double>> values) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (SweepPoint p : points) {
            double xv = p.coordinates().get(x).x();
            values.apply(p).forEach((name, y) -> series.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(new double[] {xv, y}));
        }
        series.forEach((name, xy) -> chart.addSeries(name, xy.stream().mapToDouble(a -> a[0]).toArray(),
                xy.stream().mapToDouble(a -> a[1]).toArray()));
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(900).height(540).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.InsideNW)
                .setMarkerSize(7);
        return chart;
    }

    private static CategoryChart bars(Metric m, List<SweepPoint> points) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(540).title(m.title() + " by algorithm")
                .xAxisTitle("algorithm").yAxisTitle(m.yTitle()).build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendVisible(false);
        List<String> names = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        for (SweepPoint p : points) {
            names.add(p.result().algorithm());
            values.add(m.value().applyAsDouble(p.result()));
        }
        chart.addSeries(m.title(), names, values);
        return chart;
    }

    private static Path save(Chart<?, ?> chart, Path dir, String name, Format format) throws IOException {
        Path file = dir.resolve(name + "." + format.name().toLowerCase(Locale.ROOT));
        try (OutputStream out = Files.newOutputStream(file)) {
            if (format == Format.PNG) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            } else {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
        }
        return file;
    }
}
