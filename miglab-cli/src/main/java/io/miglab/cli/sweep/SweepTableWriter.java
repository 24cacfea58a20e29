package io.miglab.cli.sweep;

import io.miglab.cli.output.TextTable;
import io.miglab.cli.output.Units;
import io.miglab.core.result.MigrationResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * A sweep as a terminal table: one row per point with the main metrics. Repeated points show the median and, in
 * brackets, the smallest and largest run; the simulator's point beside real runs shows its figures and its error in
 * % of the real median.
 */
public final class SweepTableWriter {
    /**
     * The most points the terminal shows: a larger grid is read from its CSV and plots, and formatting every row
     * cost a 10,000-point closed-form sweep more than its predictions.
     */
    static final int TERMINAL_ROWS = 100;

    private SweepTableWriter() { }

    public static void write(List<SweepAxis> axes, List<SweepPoint> points, PrintWriter out) {
        boolean compared = !points.isEmpty() && points.get(0).compared();
        boolean repeated = points.stream().anyMatch(SweepPoint::repeated);
        boolean simulated = points.stream().anyMatch(p -> p.simulated().isPresent());
        List<String> header = new ArrayList<>();
        for (SweepAxis a : axes) if (a.parameter().numeric()) header.add(a.parameter().key);
        header.addAll(List.of("algorithm", "total s", "pre-copy s", "downtime ms", "rounds", "sent MiB",
                "stop reason"));
        if (repeated) header.add("runs");
        if (compared) header.addAll(List.of("pre-copy total s", "stop-and-copy total s"));
        if (simulated) header.addAll(List.of("sim total s", "error %", "sim downtime ms", "sim MiB"));
        TextTable t = new TextTable(header.toArray(String[]::new));
        for (SweepPoint p : points.subList(0, Math.min(points.size(), TERMINAL_ROWS))) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                if (axes.get(i).parameter().numeric()) row.add(p.coordinates().get(i).label());
            }
            MigrationResult r = p.result();
            row.addAll(List.of(r.algorithm(),
                    cell(p.runs(), x -> x.timing().totalTimeMs(), true, ms -> Units.seconds(ms)),
                    Units.seconds(r.timing().precopyTimeMs()),
                    cell(p.runs(), x -> x.timing().downtimeMs(), false, ms -> Units.number(ms, 1)),
                    r.roundCount(),
                    cell(p.runs(), x -> x.traffic().bytesTransferred(), true, b -> Units.mibNumber((long) b)),
                    r.outcome().stopReason() + (r.outcome().completed() ? "" : " (cancelled)")));
            if (repeated) row.add(p.runs().size());
            if (compared) {
                MigrationResult pre = p.precopy().orElseThrow();
                row.add(cell(p.precopyRuns(), x -> x.timing().totalTimeMs(), true, ms -> Units.seconds(ms))
                        + (pre.outcome().completed() ? "" : " (cancelled)"));
                row.add(cell(p.stopAndCopyRuns(), x -> x.timing().totalTimeMs(), true, ms -> Units.seconds(ms)));
            }
            if (simulated) simCells(p, row);
            t.row(row.toArray());
        }
        t.print(out);
        if (points.size() > TERMINAL_ROWS) {
            out.printf(Locale.ROOT, "... and %,d more points: every point is in the CSV%n", points.size() - TERMINAL_ROWS);
        }
    }

    private static void simCells(SweepPoint p, List<Object> row) {
        if (p.simulated().isEmpty()) {
            row.addAll(List.of("", "", "", ""));
            return;
        }
        MigrationResult s = p.simulated().get().result();
        double real = Spread.of(p.runs(), x -> x.timing().totalTimeMs(), true).orElseThrow().median();
        row.add(Units.seconds(s.timing().totalTimeMs()));
        row.add(real > 0 ? String.format(Locale.ROOT, "%+.0f", 100 * (s.timing().totalTimeMs() - real) / real) : "");
        row.add(s.outcome().completed() ? Units.number(s.timing().downtimeMs(), 1) : "-");
        row.add(Units.mibNumber(s.traffic().bytesTransferred()));
    }

    /** One run: its value; several: "median (min-max)". */
    private static String cell(List<MigrationResult> runs, ToDoubleFunction<MigrationResult> value,
                               boolean ofCancelled, DoubleFunction<String> format) {
        if (runs.size() == 1) return format.apply(value.applyAsDouble(runs.get(0)));
        Optional<Spread> s = Spread.of(runs, value, ofCancelled);
        return s.map(v -> format.apply(v.median()) + " (" + format.apply(v.min()) + "-" + format.apply(v.max()) + ")")
                .orElse("-");
    }
}
