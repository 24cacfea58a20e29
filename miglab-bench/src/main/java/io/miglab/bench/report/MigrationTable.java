package io.miglab.bench.report;

import io.miglab.bench.metric.Measurement;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.store.RunRecord;
import io.miglab.report.format.Num;
import io.miglab.report.html.Page;
import io.miglab.report.html.Table.Column;
import io.miglab.report.html.Table;
import java.util.List;
import java.util.Locale;

/** Every migration of a run, one row each. */
final class MigrationTable {
    private MigrationTable() { }

    static void write(Page p, RunRecord r) {
        p.heading("Every migration of " + RunLabel.shortOf(r));
        p.paragraph("Overhead = 100 (1 - the workload's throughput during the migration / without it).");
        Table t = new Table("migrations", List.of(Column.text("host load"), Column.text("workload"),
                Column.number("point"), Column.number("start", "s"), Column.text("result"), Column.number("rounds"),
                Column.number("downtime", "ms"), Column.number("total", "ms"), Column.number("data", "MiB"),
                Column.number("overhead", "%")));
        for (Measurement m : r.measurements()) {
            var x = m.result();
            t.row(x.outcome().completed() ? "" : "failed", List.of(m.hostLoad().label(), m.workload(), "" + m.point(),
                    Num.of(m.pointOffsetMs() / 1000), outcome(x.outcome().completed(), x.outcome().stopReason().name()),
                    "" + x.roundCount(), Num.of(x.timing().downtimeMs()), Num.of(x.timing().totalTimeMs()),
                    Num.of(Metric.DATA.of(m)), Num.of(m.overheadPercent())));
        }
        p.table(t);
    }

    /** "completed: downtime limit met", "cancelled: timeout". */
    static String outcome(boolean completed, String stopReason) {
        return (completed ? "completed: " : "not completed: ")
                + stopReason.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
