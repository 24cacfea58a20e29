package io.miglab.bench.report;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.score.MetricScore;
import io.miglab.bench.score.WorkloadRatio;
import io.miglab.bench.store.RunRecord;
import io.miglab.report.chart.BarChart;
import io.miglab.report.format.Num;
import io.miglab.report.html.Page;
import io.miglab.report.html.Table.Column;
import io.miglab.report.html.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The four scores per run and host load, as a table and side by side as bars, then the terms behind them. */
final class ScoreSection {
    private ScoreSection() { }

    static void write(Page p, RunRecord run, Optional<RunRecord> compare) {
        p.heading("Scores", "scores");
        List<Column> cols = new ArrayList<>(List.of(Column.text("run"), Column.text("host load")));
        for (Metric m : Metric.values()) cols.add(Column.number(m.title()));
        Table table = new Table("scores headline", cols);
        List<RunRecord> runs = new ArrayList<>(List.of(run));
        compare.ifPresent(runs::add);
        BarChart chart = new BarChart("Scores (1000 = reference, lower is better)", "score", "metric",
                List.of(Metric.values()).stream().map(Metric::title).toList()).referenceLine(1000, "reference = 1000");
        for (RunRecord r : runs) {
            for (HostLoad load : Loads.of(r)) {
                List<String> row = new ArrayList<>(List.of(RunLabel.shortOf(r), load.label()));
                List<Double> values = new ArrayList<>();
                for (Metric m : Metric.values()) {
                    double s = score(r, load, m).map(MetricScore::score).orElse(Double.NaN);
                    values.add(s);
                    row.add(Num.of(s));
                }
                table.row("", row);
                if (values.stream().anyMatch(v -> !v.isNaN())) {
                    chart.series(runs.size() == 1 ? load.label() : (r == run ? "A " : "B ") + load.label(), values);
                }
            }
        }
        p.table(table);
        if (run.scores().isEmpty()) {
            p.warning("No scores: the run is " + run.info().status().label()
                    + " (scores are computed only when every step finished).");
            return;
        }
        p.chart(chart.svg(), "The four scores side by side; they are not combined into one number."
                + (runs.size() > 1 ? " A = " + RunLabel.shortOf(run) + ", B = " + RunLabel.shortOf(runs.get(1)) + "."
                        : ""));
        terms(p, run);
    }

    private static void terms(Page p, RunRecord r) {
        p.subheading("Score terms of " + RunLabel.shortOf(r) + ": P = the platform's mean over the points,"
                + " R = the reference's");
        List<Column> cols = new ArrayList<>(List.of(Column.text("host load"), Column.text("workload")));
        for (Metric m : Metric.values()) {
            cols.add(Column.number("P", m.unit()).in(m.title()));
            cols.add(Column.number("R", m.unit()).in(m.title()));
            cols.add(Column.number("P/R").in(m.title()));
        }
        Table table = new Table("terms", cols);
        for (HostLoad load : Loads.of(r)) {
            Set<String> workloads = new LinkedHashSet<>();
            r.scores().stream().filter(s -> s.hostLoad() == load)
                    .forEach(s -> s.ratios().forEach(t -> workloads.add(t.workload())));
            for (String w : workloads) {
                List<String> row = new ArrayList<>(List.of(load.label(), w));
                for (Metric m : Metric.values()) {
                    Optional<WorkloadRatio> t = score(r, load, m).flatMap(s -> s.ratios().stream()
                            .filter(x -> x.workload().equals(w)).findFirst());
                    row.add(t.map(x -> Num.of(x.platform())).orElse("-"));
                    row.add(t.map(x -> Num.of(x.reference())).orElse("-"));
                    row.add(t.map(x -> Num.of(x.ratio())).orElse("-"));
                }
                table.row("", row);
            }
        }
        p.table(table);
        Set<String> excluded = new LinkedHashSet<>();
        r.scores().forEach(s -> s.excluded().forEach(e -> excluded.add(s.hostLoad().label() + " " + e)));
        if (!excluded.isEmpty()) p.warning("Left out of the scores: " + String.join("; ", excluded));
    }

    static Optional<MetricScore> score(RunRecord r, HostLoad load, Metric m) {
        return r.scores().stream().filter(s -> s.hostLoad() == load && s.metric() == m).findFirst();
    }
}
