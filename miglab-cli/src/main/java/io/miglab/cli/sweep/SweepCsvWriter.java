package io.miglab.cli.sweep;

import io.miglab.cli.output.Csv;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.MigrationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep as CSV, one row per point: the varied values in their display units (column names carry the unit),
 * {@code algorithm}, the main metrics (taken by name from {@link Metrics}, so as in the JSON), and with a
 * comparison the total times of pre-copy and stop-and-copy.
 */
public final class SweepCsvWriter {
    private static final List<String> METRICS = List.of("backend", "converged", "completed", "stopReason",
            "totalTimeMs", "precopyTimeMs", "downtimeMs", "roundCount", "bytesTransferred", "pagesTransferred",
            "pagesResent", "guestSlowdownPercent", "maxThrottlePercent");
    private static final List<String> COMPARISON = List.of("precopyTotalTimeMs", "precopyDowntimeMs",
            "precopyCompleted", "stopAndCopyTotalTimeMs");

    private SweepCsvWriter() { }

    public static List<String> header(List<SweepAxis> axes, boolean compared) {
        List<String> h = new ArrayList<>();
        for (SweepAxis a : axes) if (a.parameter().numeric()) h.add(a.parameter().column);
        h.add("algorithm");
        h.addAll(METRICS);
        if (compared) h.addAll(COMPARISON);
        return h;
    }

    public static void write(List<SweepAxis> axes, List<SweepPoint> points, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); PrintWriter out = new PrintWriter(w)) {
            write(axes, points, out);
        }
    }

    public static void write(List<SweepAxis> axes, List<SweepPoint> points, PrintWriter out) {
        boolean compared = !points.isEmpty() && points.get(0).compared();
        out.println(Csv.line(header(axes, compared)));
        for (SweepPoint p : points) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                if (axes.get(i).parameter().numeric()) row.add(SweepParameter.plain(p.coordinates().get(i).x()));
            }
            MigrationResult r = p.result();
            row.add(r.algorithm());
            for (String m : METRICS) row.add(Metrics.STANDARD.named(m).text(r));
            if (compared) {
                MigrationResult pre = p.precopy().orElseThrow(), sac = p.stopAndCopy().orElseThrow();
                row.addAll(List.of(Double.toString(pre.timing().totalTimeMs()),
                        Double.toString(pre.timing().downtimeMs()),
                        Boolean.toString(pre.outcome().completed()), Double.toString(sac.timing().totalTimeMs())));
            }
            out.println(Csv.line(row));
        }
        out.flush();
    }
}
