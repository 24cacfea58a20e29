package io.miglab.cli.sweep;

import io.miglab.cli.output.TextTable;
import io.miglab.cli.output.Units;
import io.miglab.core.result.MigrationResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A sweep as a terminal table: one row per point with the main metrics. */
public final class SweepTableWriter {
    private SweepTableWriter() { }

    public static void write(List<SweepAxis> axes, List<SweepPoint> points, PrintWriter out) {
        boolean compared = !points.isEmpty() && points.get(0).compared();
        List<String> header = new ArrayList<>();
        for (SweepAxis a : axes) if (a.parameter().numeric()) header.add(a.parameter().key);
        header.addAll(List.of("algorithm", "total s", "pre-copy s", "downtime ms", "rounds", "sent MiB",
                "stop reason"));
        if (compared) header.addAll(List.of("pre-copy total s", "stop-and-copy total s"));
        TextTable t = new TextTable(header.toArray(String[]::new));
        for (SweepPoint p : points) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                if (axes.get(i).parameter().numeric()) row.add(p.coordinates().get(i).label());
            }
            MigrationResult r = p.result();
            row.addAll(List.of(r.algorithm(), Units.seconds(r.timing().totalTimeMs()),
                    Units.seconds(r.timing().precopyTimeMs()), Units.number(r.timing().downtimeMs(), 1),
                    r.roundCount(), Units.mibNumber(r.traffic().bytesTransferred()),
                    r.outcome().stopReason() + (r.outcome().completed() ? "" : " (cancelled)")));
            if (compared) {
                MigrationResult pre = p.precopy().orElseThrow();
                row.add(Units.seconds(pre.timing().totalTimeMs()) + (pre.outcome().completed() ? "" : " (cancelled)"));
                row.add(Units.seconds(p.stopAndCopy().orElseThrow().timing().totalTimeMs()));
            }
            t.row(row.toArray());
        }
        t.print(out);
    }
}
