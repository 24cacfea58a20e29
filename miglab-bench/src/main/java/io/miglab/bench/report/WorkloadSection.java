package io.miglab.bench.report;

import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.store.RunRecord;
import io.miglab.report.format.Num;
import io.miglab.report.html.Html;
import io.miglab.report.html.Page;
import io.miglab.report.html.Table.Column;
import io.miglab.report.html.Table;
import java.util.ArrayList;
import java.util.List;

/** Each workload's metrics over its migration points (min / mean / max), then its throughput without migration. */
final class WorkloadSection {
    private WorkloadSection() { }

    static void write(Page p, RunRecord r) {
        p.heading("Per workload: " + RunLabel.shortOf(r));
        p.paragraph("Each metric: min / mean (bold) / max over the migration points.");
        List<Column> cols = new ArrayList<>(List.of(Column.text("host load"), Column.text("workload"),
                Column.number("completed / points")));
        for (Metric m : Metric.values()) cols.add(Column.number(m.title(), m.unit()));
        cols.addAll(List.of(Column.number("preparation", "ms"), Column.number("resume", "ms"),
                Column.number("pages sent"), Column.number("guest slowdown", "%")));
        Table table = new Table("workloads", cols);
        List<WorkloadStats> stats = WorkloadStats.of(r.measurements(), r.baselines());
        for (WorkloadStats s : stats) {
            List<String> row = new ArrayList<>(List.of(s.hostLoad().label(), Html.esc(s.workload()),
                    s.completed() + " / " + s.points()));
            for (Metric m : Metric.values()) row.add(spread(s.metric(m)));
            row.addAll(List.of(Num.of(s.preparationMs().mean()), Num.of(s.resumeMs().mean()),
                    Num.of(s.pages().mean()), Num.of(s.guestSlowdownPercent().mean())));
            table.rowHtml(s.allCompleted() ? "" : "failed", row);
        }
        p.table(table);
        baselines(p, r.baselines());
    }

    /** Each workload counts its work in its own unit, so the unit has a column of its own. */
    private static void baselines(Page p, List<Baseline> baselines) {
        if (baselines.isEmpty()) return;
        Table t = new Table("baselines", List.of(Column.text("host load"), Column.text("workload"),
                Column.number("throughput without migration"), Column.text("counted in"),
                Column.number("measured over", "s")));
        for (Baseline b : baselines) {
            t.row(b.hostLoad().label(), b.workload(), Num.of(b.throughput()), b.unit(),
                    b.windowMs() > 0 ? Num.of(b.windowMs() / 1000) : "-");
        }
        p.paragraph("The workloads' own throughput without migration, the base of the migration overhead (a model's"
                + " is computed, so it has no measuring window):");
        p.table(t);
    }

    private static String spread(Spread s) {
        return Num.of(s.min()) + " / <b>" + Num.of(s.mean()) + "</b> / " + Num.of(s.max());
    }
}
