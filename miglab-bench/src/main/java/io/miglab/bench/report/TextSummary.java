package io.miglab.bench.report;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.score.MetricScore;
import io.miglab.bench.store.RunRecord;
import io.miglab.report.format.Num;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The terminal summary of a run: its scores and each workload's mean figures. */
public final class TextSummary {
    private TextSummary() { }

    public static String format(RunRecord r) {
        StringBuilder b = new StringBuilder();
        b.append("run ").append(RunLabel.of(r)).append(": ").append(r.info().status().label())
                .append(", reference ").append(r.info().referenceName()).append('\n');
        if (r.info().note() != null && !r.info().note().isBlank()) b.append("  ").append(r.info().note()).append('\n');
        if (!r.scores().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%nScores (1000 = reference, lower is better)%n%-10s", "host load"));
            for (Metric m : Metric.values()) b.append(String.format(Locale.ROOT, " %21s", m.title()));
            b.append('\n');
            Set<HostLoad> loads = new LinkedHashSet<>();
            r.scores().forEach(s -> loads.add(s.hostLoad()));
            for (HostLoad load : loads) {
                b.append(String.format(Locale.ROOT, "%-10s", load.label()));
                for (Metric m : Metric.values()) {
                    Optional<MetricScore> s = r.scores().stream().filter(x -> x.hostLoad() == load
                            && x.metric() == m).findFirst();
                    b.append(String.format(Locale.ROOT, " %21s", s.map(x -> Num.of(x.score())).orElse("-")));
                }
                b.append('\n');
            }
            Set<String> excluded = new LinkedHashSet<>();
            r.scores().forEach(s -> s.excluded().forEach(e -> excluded.add(s.hostLoad().label() + " " + e)));
            excluded.forEach(e -> b.append("  not scored: ").append(e).append('\n'));
        }
        b.append(String.format(Locale.ROOT, "%n%-6s %-9s %6s %14s %14s %12s %12s%n", "load", "workload", "points",
                "downtime ms", "total ms", "data MiB", "overhead %"));
        for (WorkloadStats s : WorkloadStats.of(r.measurements(), r.baselines())) {
            b.append(String.format(Locale.ROOT, "%-6s %-9s %6s %14s %14s %12s %12s%n", s.hostLoad().label(),
                    s.workload(), s.completed() + "/" + s.points(), Num.of(s.metric(Metric.DOWNTIME).mean()),
                    Num.of(s.metric(Metric.TOTAL_TIME).mean()), Num.of(s.metric(Metric.DATA).mean()),
                    Num.of(s.metric(Metric.OVERHEAD).mean())));
        }
        return b.toString();
    }
}
