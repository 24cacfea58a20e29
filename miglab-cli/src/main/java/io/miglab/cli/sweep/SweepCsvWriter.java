package io.miglab.cli.sweep;

import io.miglab.cli.output.Csv;
import io.miglab.core.result.Metric;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.MigrationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sweep as CSV, one row per point: the varied values in their display units (column names carry the unit),
 * {@code algorithm}, the main metrics (taken by name from {@link Metrics}, so as in the JSON), and with a
 * comparison the total times of pre-copy and stop-and-copy. Repeated points: total time, downtime and bytes are the
 * medians of the runs, {@code repeats} and a {@code Min} and {@code Max} column each give the spread, the other
 * figures are those of the run of median total time. With the simulator beside real runs: its figures
 * ({@code sim...}) and its error against the real median, in % of the real median.
 */
public final class SweepCsvWriter {
    private static final List<String> METRICS = List.of("backend", "converged", "completed", "stopReason",
            "totalTimeMs", "precopyTimeMs", "downtimeMs", "roundCount", "bytesTransferred", "pagesTransferred",
            "pagesResent", "guestSlowdownPercent", "maxThrottlePercent");
    /** The metrics of {@link #METRICS}, looked up once. */
    private static final List<Metric> METRIC_COLUMNS = METRICS.stream().map(Metrics.STANDARD::named).toList();
    private static final List<String> COMPARISON = List.of("precopyTotalTimeMs", "precopyDowntimeMs",
            "precopyCompleted", "stopAndCopyTotalTimeMs");
    /** The figures a repeated point reports as median and spread, and the simulator's error of. */
    private static final List<String> SPREAD = List.of("totalTimeMs", "downtimeMs", "bytesTransferred");

    private SweepCsvWriter() { }

    public static List<String> header(List<SweepAxis> axes, boolean compared) {
        return header(axes, compared, false, false);
    }

    static List<String> header(List<SweepAxis> axes, boolean compared, boolean repeated, boolean simulated) {
        List<String> h = new ArrayList<>();
        for (SweepAxis a : axes) if (a.parameter().numeric()) h.add(a.parameter().column);
        h.add("algorithm");
        h.addAll(METRICS);
        if (compared) h.addAll(COMPARISON);
        if (repeated) {
            h.add("repeats");
            for (String m : SPREAD) h.addAll(List.of(m + "Min", m + "Max"));
        }
        if (simulated) {
            for (String m : SPREAD) h.add("sim" + capital(m));
            for (String m : SPREAD) h.add(m + "SimErrorPercent");
            if (compared) h.addAll(List.of("simPrecopyTotalTimeMs", "simStopAndCopyTotalTimeMs"));
        }
        return h;
    }

    /** Writes the file through a temporary one, so a sweep stopped while writing leaves the previous version. */
    public static void write(List<SweepAxis> axes, List<SweepPoint> points, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); PrintWriter out = new PrintWriter(w)) {
            write(axes, points, out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void write(List<SweepAxis> axes, List<SweepPoint> points, PrintWriter out) {
        boolean compared = !points.isEmpty() && points.get(0).compared();
        boolean repeated = points.stream().anyMatch(SweepPoint::repeated);
        boolean simulated = points.stream().anyMatch(p -> p.simulated().isPresent());
        out.println(Csv.line(header(axes, compared, repeated, simulated)));
        // a row is made in one buffer: numbers and names need no quotes, so only text cells are checked
        StringBuilder line = new StringBuilder(512);
        List<String> more = new ArrayList<>();
        for (SweepPoint p : points) {
            line.setLength(0);
            for (int i = 0; i < axes.size(); i++) {
                if (axes.get(i).parameter().numeric()) line.append(SweepParameter.plain(p.coordinates().get(i).x()))
                        .append(',');
            }
            MigrationResult r = p.result();
            Csv.appendCell(line, r.algorithm());
            for (int i = 0; i < METRICS.size(); i++) {
                String m = METRICS.get(i);
                Metric metric = METRIC_COLUMNS.get(i);
                line.append(',');
                if (repeated && SPREAD.contains(m)) Csv.appendCell(line, median(p.runs(), m));
                else if (metric.kind() == Metric.Kind.TEXT) Csv.appendCell(line, metric.text(r));
                else metric.appendText(line, r);
            }
            more.clear();
            if (compared) {
                MigrationResult pre = p.precopy().orElseThrow();
                more.addAll(List.of(median(p.precopyRuns(), "totalTimeMs"), median(p.precopyRuns(), "downtimeMs"),
                        Boolean.toString(pre.outcome().completed()), median(p.stopAndCopyRuns(), "totalTimeMs")));
            }
            if (repeated) {
                more.add(Integer.toString(p.runs().size()));
                for (String m : SPREAD) {
                    java.util.Optional<Spread> s = spread(p.runs(), m);
                    more.add(s.map(v -> number(v.min())).orElse(""));
                    more.add(s.map(v -> number(v.max())).orElse(""));
                }
            }
            if (simulated) simColumns(p, compared, more);
            for (String cell : more) Csv.appendCell(line.append(','), cell);
            out.append(line).println();
        }
        out.flush();
    }

    private static void simColumns(SweepPoint p, boolean compared, List<String> row) {
        if (p.simulated().isEmpty()) {
            int n = SPREAD.size() * 2 + (compared ? 2 : 0);
            for (int i = 0; i < n; i++) row.add("");
            return;
        }
        SweepPoint sim = p.simulated().get();
        for (String m : SPREAD) row.add(Metrics.STANDARD.named(m).text(sim.result()));
        for (String m : SPREAD) {
            double s = value(sim.result(), m);
            row.add(spread(p.runs(), m).filter(v -> v.median() > 0 && sim.result().outcome().completed())
                    .map(v -> String.format(Locale.ROOT, "%.1f", 100 * (s - v.median()) / v.median())).orElse(""));
        }
        if (compared) {
            row.add(Metrics.STANDARD.named("totalTimeMs").text(sim.precopy().orElseThrow()));
            row.add(Metrics.STANDARD.named("totalTimeMs").text(sim.stopAndCopy().orElseThrow()));
        }
    }

    /** The median of the runs; a single run's value as the JSON has it. */
    private static String median(List<MigrationResult> runs, String metric) {
        if (runs.size() == 1) return Double.toString(value(runs.get(0), metric));
        return spread(runs, metric).map(s -> number(s.median())).orElse("");
    }

    private static java.util.Optional<Spread> spread(List<MigrationResult> runs, String metric) {
        return Spread.of(runs, r -> value(r, metric), !metric.equals("downtimeMs"));
    }

    private static double value(MigrationResult r, String metric) {
        Metric m = Metrics.STANDARD.named(metric);
        return ((Number) m.of(r)).doubleValue();
    }

    private static String number(double v) {
        return SweepParameter.plain(Math.round(v * 1000) / 1000.0);
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
