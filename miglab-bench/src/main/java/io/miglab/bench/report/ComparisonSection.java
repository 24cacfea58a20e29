package io.miglab.bench.report;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.store.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The report's side-by-side comparison of two runs: per-workload means, B/A, and bar charts per host load. */
final class ComparisonSection {
    private ComparisonSection() { }

    static void write(StringBuilder b, RunRecord a, RunRecord c) {
        b.append("<h2 id=\"comparison\">Comparison: ").append(Html.esc(RunLabel.of(a))).append(" vs ")
                .append(Html.esc(RunLabel.of(c))).append("</h2>\n<table class=\"comparison\"><thead><tr>"
                        + "<th>host load</th><th>workload</th>");
        for (Metric m : Metric.values()) {
            b.append("<th>").append(Html.esc(m.title())).append(" (").append(m.unit()).append(")<br>A | B | B/A</th>");
        }
        b.append("</tr></thead><tbody>\n");
        List<WorkloadStats> sa = WorkloadStats.of(a.measurements(), a.baselines());
        List<WorkloadStats> sc = WorkloadStats.of(c.measurements(), c.baselines());
        List<String> shared = new ArrayList<>();
        for (WorkloadStats x : sa) {
            Optional<WorkloadStats> y = sc.stream().filter(s -> s.workload().equals(x.workload())
                    && s.hostLoad() == x.hostLoad()).findFirst();
            if (y.isEmpty()) continue;
            shared.add(x.hostLoad().label() + " " + x.workload());
            b.append("<tr><td>").append(x.hostLoad().label()).append("</td><td>").append(Html.esc(x.workload()))
                    .append("</td>");
            for (Metric m : Metric.values()) {
                double va = x.metric(m).mean(), vc = y.get().metric(m).mean();
                b.append("<td class=\"num\">").append(Html.num(va)).append(" | ").append(Html.num(vc)).append(" | ")
                        .append(va > 0 ? Html.num(vc / va) : "-").append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n<div class=\"charts\">\n");
        for (HostLoad load : HostLoad.values()) {
            String prefix = load.label() + " ";
            List<String> keys = shared.stream().filter(k -> k.startsWith(prefix)).toList();
            if (keys.isEmpty()) continue;
            List<String> names = keys.stream().map(k -> k.substring(prefix.length())).toList();
            for (Metric m : Metric.values()) {
                SvgBarChart chart = new SvgBarChart("Mean " + m.title() + " per workload (" + load.label() + " load)",
                        m.title() + " (" + m.unit() + ")", "workload", names);
                chart.series("A " + RunLabel.shortOf(a), means(sa, keys, m));
                chart.series("B " + RunLabel.shortOf(c), means(sc, keys, m));
                b.append("<figure>").append(chart.svg()).append("</figure>\n");
            }
        }
        b.append("</div>\n");
    }

    private static List<Double> means(List<WorkloadStats> stats, List<String> keys, Metric m) {
        List<Double> out = new ArrayList<>();
        for (String k : keys) {
            out.add(stats.stream().filter(s -> (s.hostLoad().label() + " " + s.workload()).equals(k)).findFirst()
                    .map(s -> s.metric(m).mean()).orElse(Double.NaN));
        }
        return out;
    }
}
