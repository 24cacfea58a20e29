package io.miglab.bench.report;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.store.RunRecord;
import io.miglab.report.chart.BarChart;
import io.miglab.report.format.Num;
import io.miglab.report.html.Page;
import io.miglab.report.html.Table.Column;
import io.miglab.report.html.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Two runs side by side: per-workload means of A and B and B/A, and bar charts per host load and metric. */
final class ComparisonSection {
    private ComparisonSection() { }

    static void write(Page p, RunRecord a, RunRecord b) {
        p.heading("Comparison: A = " + RunLabel.of(a) + ", B = " + RunLabel.of(b), "comparison");
        List<Column> cols = new ArrayList<>(List.of(Column.text("host load"), Column.text("workload")));
        for (Metric m : Metric.values()) {
            cols.add(Column.number("A", m.unit()).in(m.title()));
            cols.add(Column.number("B", m.unit()).in(m.title()));
            cols.add(Column.number("B/A").in(m.title()));
        }
        Table table = new Table("comparison", cols);
        List<WorkloadStats> sa = WorkloadStats.of(a.measurements(), a.baselines());
        List<WorkloadStats> sb = WorkloadStats.of(b.measurements(), b.baselines());
        List<WorkloadStats[]> pairs = new ArrayList<>();
        for (WorkloadStats x : sa) {
            Optional<WorkloadStats> y = sb.stream().filter(s -> s.workload().equals(x.workload())
                    && s.hostLoad() == x.hostLoad()).findFirst();
            if (y.isEmpty()) continue;
            pairs.add(new WorkloadStats[] {x, y.get()});
            List<String> row = new ArrayList<>(List.of(x.hostLoad().label(), x.workload()));
            for (Metric m : Metric.values()) {
                double va = x.metric(m).mean(), vb = y.get().metric(m).mean();
                row.addAll(List.of(Num.of(va), Num.of(vb), va > 0 ? Num.of(vb / va) : "-"));
            }
            table.row("", row);
        }
        p.table(table);
        List<String> svgs = new ArrayList<>();
        for (HostLoad load : HostLoad.values()) {
            List<WorkloadStats[]> here = pairs.stream().filter(x -> x[0].hostLoad() == load).toList();
            if (here.isEmpty()) continue;
            List<String> names = here.stream().map(x -> x[0].workload()).toList();
            for (Metric m : Metric.values()) {
                svgs.add(new BarChart("Mean " + m.title() + " (" + load.label() + " load)",
                        m.title() + " (" + m.unit() + ")", "workload", names).size(560, 200)
                        .series("A " + RunLabel.shortOf(a), here.stream().map(x -> x[0].metric(m).mean()).toList())
                        .series("B " + RunLabel.shortOf(b), here.stream().map(x -> x[1].metric(m).mean()).toList())
                        .svg());
            }
        }
        p.charts(svgs);
    }
}
