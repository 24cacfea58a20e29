package io.miglab.cli.sweep;

import io.miglab.core.result.MigrationResult;
import io.miglab.report.chart.Palette;
import io.miglab.report.format.Num;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The plots of the classic QEMU/KVM experiments, drawn with XChart: total migration time, data transferred and
 * downtime against the first numeric varied parameter (one line per value of the second one, if any), and total
 * time of pre-copy against stop-and-copy. Runs that did not switch over are grey crosses (no downtime at all: a
 * legend note), the downtime limit and the link's capacity are dashed lines, the title names the guest and link.
 * A sweep of algorithms alone gives bar charts ({@link SweepBars}).
 */
public final class SweepPlotter {
    public enum Format { PNG, SVG }

    private SweepPlotter() { }

    /** Writes the plots into {@code dir}; returns the files written. */
    public static List<Path> plot(List<SweepAxis> axes, List<SweepPoint> points, PlotContext context, Path dir,
                                  Format format) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, Chart<?, ?>> e : charts(axes, points, context).entrySet()) {
            files.add(save(e.getValue(), dir, e.getKey(), format));
        }
        return files;
    }

    /** The plots by file name (without extension), in the order they are written. */
    static Map<String, Chart<?, ?>> charts(List<SweepAxis> axes, List<SweepPoint> points, PlotContext context) {
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        int xi = -1;
        for (int i = 0; i < axes.size(); i++) if (axes.get(i).parameter().numeric() && xi < 0) xi = i;
        if (xi < 0) {
            for (SweepMetric m : SweepMetric.ALL) charts.put(m.file, SweepBars.chart(m, points, context));
            return charts;
        }
        int x = xi, s = axes.size() == 2 ? 1 - xi : -1;
        SweepParameter xParam = axes.get(x).parameter();
        for (SweepMetric m : SweepMetric.ALL) {
            boolean gib = m == SweepMetric.DATA && points.stream().anyMatch(p -> m.of(p.result()) >= 2048);
            double scale = gib ? 1.0 / 1024 : 1;
            XyPlot plot = new XyPlot(context.title(m.title + " vs " + name(xParam.axisTitle)), xParam.axisTitle,
                    gib ? m.yTitle.replace("(MiB)", "(GiB)") : m.yTitle);
            lines(plot, points, x, xParam.axisTitle, m, scale,
                    p -> Map.of(seriesName(axes, p, s, p.result().algorithm()), p.runs()));
            simulated(plot, points, x, m, scale, p -> Map.of(seriesName(axes, p, s, p.result().algorithm()),
                    p.simulated().map(SweepPoint::result)));
            limits(plot, points, x, m, xParam, context);
            charts.put(m.file, plot.chart());
        }
        if (!points.isEmpty() && points.get(0).compared()) {
            XyPlot plot = new XyPlot(context.title("Pre-copy vs stop-and-copy: total time vs "
                    + name(xParam.axisTitle)), xParam.axisTitle, SweepMetric.TOTAL_TIME.yTitle);
            lines(plot, points, x, xParam.axisTitle, SweepMetric.TOTAL_TIME, 1, p -> {
                Map<String, List<MigrationResult>> v = new LinkedHashMap<>();
                v.put(seriesName(axes, p, s, "pre-copy"), p.precopyRuns());
                v.put(seriesName(axes, p, s, "stop-and-copy"), p.stopAndCopyRuns());
                return v;
            });
            simulated(plot, points, x, SweepMetric.TOTAL_TIME, 1, p -> {
                Map<String, Optional<MigrationResult>> v = new LinkedHashMap<>();
                v.put(seriesName(axes, p, s, "pre-copy"), p.simulated().flatMap(SweepPoint::precopy));
                v.put(seriesName(axes, p, s, "stop-and-copy"), p.simulated().flatMap(SweepPoint::stopAndCopy));
                return v;
            });
            charts.put("precopy-vs-stop-and-copy", plot.chart());
        }
        return charts;
    }

    /**
     * One line per series name through the median of each point's runs that switched over, with a bar from the
     * smallest to the largest when there are several; runs that did not switch over go to one grey series (a point
     * none of whose runs switched over leaves a gap). Beside a simulator's curve, the series are named as real.
     */
    private static void lines(XyPlot plot, List<SweepPoint> points, int x, String xTitle, SweepMetric m,
                              double scale, Function<SweepPoint, Map<String, List<MigrationResult>>> results) {
        Map<String, List<List<Double>>> lines = new LinkedHashMap<>();
        List<Double> cancelledX = new ArrayList<>(), cancelledY = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        boolean real = points.stream().anyMatch(p -> p.simulated().isPresent() || p.repeated());
        for (SweepPoint p : points) {
            double xv = p.coordinates().get(x).x();
            results.apply(p).forEach((name, runs) -> {
                List<List<Double>> xy = lines.computeIfAbsent(name, k -> List.of(new ArrayList<>(), new ArrayList<>()));
                List<MigrationResult> done = runs.stream().filter(r -> r.outcome().completed()).toList();
                Optional<Spread> spread = Spread.of(done, m);
                xy.get(0).add(xv);
                xy.get(1).add(spread.map(v -> v.median() * scale).orElse(null));
                spread.filter(v -> v.runs() > 1).ifPresent(v -> plot.spread(name, xv, v.min() * scale,
                        v.max() * scale));
                for (MigrationResult r : runs) {
                    if (r.outcome().completed()) continue;
                    cancelledX.add(xv);
                    cancelledY.add(m.ofCancelled ? m.of(r) * scale : null);
                    reasons.add(r.outcome().stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                }
            });
        }
        boolean simulated = points.stream().anyMatch(p -> p.simulated().isPresent());
        lines.forEach((name, xy) -> {
            if (simulated) plot.measured(realName(name, points), name, xy.get(0), xy.get(1));
            else plot.line(real ? realName(name, points) : name, name, xy.get(0), xy.get(1));
        });
        if (cancelledX.isEmpty()) return;
        String why = "cancelled at " + String.join(", ", reasons);
        String unit = unit(xTitle);
        String name = m.ofCancelled ? Palette.NOT_SWITCHED_NAME + " (" + why + ")"
                : Palette.NOT_SWITCHED_NAME + " at " + String.join(", ", cancelledX.stream().distinct()
                        .map(v -> Num.sig(v, 6)).toList()) + unit + ": no downtime (" + why + ")";
        plot.notSwitched(name, cancelledX, cancelledY);
    }

    /** The simulator's curve per series, a line in the colour of the real series (drawn as points); gaps where it did not switch. */
    private static void simulated(XyPlot plot, List<SweepPoint> points, int x, SweepMetric m, double scale,
                                  Function<SweepPoint, Map<String, Optional<MigrationResult>>> results) {
        if (points.stream().noneMatch(p -> p.simulated().isPresent())) return;
        Map<String, List<List<Double>>> lines = new LinkedHashMap<>();
        for (SweepPoint p : points) {
            double xv = p.coordinates().get(x).x();
            results.apply(p).forEach((name, r) -> {
                if (r.isEmpty()) return;
                List<List<Double>> xy = lines.computeIfAbsent(name, k -> List.of(new ArrayList<>(), new ArrayList<>()));
                xy.get(0).add(xv);
                xy.get(1).add(r.get().outcome().completed() ? m.of(r.get()) * scale : null);
            });
        }
        lines.forEach((name, xy) -> plot.simulated(name + ", simulator", name, xy.get(0), xy.get(1)));
    }

    /** "precopy, qemu (median, bar min-max of 2 runs)". */
    private static String realName(String name, List<SweepPoint> points) {
        int runs = points.stream().mapToInt(p -> p.runs().size()).max().orElse(1);
        return name + ", " + points.get(0).result().backend() + (runs > 1 ? " (median, bar min-max of " + runs
                + " runs)" : "");
    }

    /** The downtime limit across the downtime plot; the link's capacity where x is the dirty rate. */
    private static void limits(XyPlot plot, List<SweepPoint> points, int x, SweepMetric m, SweepParameter xParam,
                               PlotContext context) {
        double x0 = points.stream().mapToDouble(p -> p.coordinates().get(x).x()).min().orElse(0);
        double x1 = points.stream().mapToDouble(p -> p.coordinates().get(x).x()).max().orElse(1);
        // the capacity line, when it is drawn, widens the x range the downtime limit spans
        Optional<Double> capacity = xParam == SweepParameter.DIRTY_RATE
                ? context.linkPagesPerSecond().filter(c -> c <= x1 * 1.5) : Optional.empty();
        double right = Math.max(x1, capacity.orElse(x1));
        Optional<Double> limit = m == SweepMetric.DOWNTIME ? context.downtimeLimitMs() : Optional.empty();
        limit.ifPresent(l -> plot.limit("downtime limit " + Num.sig(l, 4) + " ms", x0, l, right, l));
        capacity.ifPresent(c -> {
            double top = points.stream().filter(p -> p.result().outcome().completed() || m.ofCancelled)
                    .mapToDouble(p -> m.of(p.result())).max().orElse(1);
            top = m == SweepMetric.DATA && top >= 2048 ? top / 1024 : top;
            // up to the limit too, so the line spans what the plot shows
            plot.capacity("link capacity " + Num.sig(c, 3) + " pages/s", c, 0, c, Math.max(top, limit.orElse(0.0)));
        });
    }

    /** "dirty rate (pages/s)" without its unit: "dirty rate". */
    private static String name(String axisTitle) {
        int paren = axisTitle.indexOf(" (");
        return paren < 0 ? axisTitle : axisTitle.substring(0, paren);
    }

    /** "dirty rate (pages/s)": " pages/s"; "" without a unit. */
    private static String unit(String axisTitle) {
        int paren = axisTitle.indexOf(" (");
        return paren < 0 ? "" : " " + axisTitle.substring(paren + 2, axisTitle.length() - 1);
    }

    /** The line a value belongs to: the algorithm, or "base, memory=256MiB" when a second axis splits lines. */
    private static String seriesName(List<SweepAxis> axes, SweepPoint p, int s, String base) {
        if (s < 0) return base;
        SweepAxis.Value v = p.coordinates().get(s);
        SweepParameter param = axes.get(s).parameter();
        return param.numeric() ? base + ", " + param.key + "=" + v.label() : v.label();
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
