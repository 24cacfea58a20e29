package io.miglab.bench.report;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.store.RunRecord;
import io.miglab.report.chart.LineChart;
import io.miglab.report.html.Page;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Downtime and total time against the migration point, one small panel per workload with a line per host load:
 * each panel has its own y axis, so a workload taking 38 s does not flatten one taking 0.5 s.
 */
final class PointCharts {
    private PointCharts() { }

    static void write(Page p, RunRecord r) {
        p.heading("Against the migration point");
        p.paragraph("Point k of N starts k/(N+1) of the way through the workload's run. One panel per workload, each"
                + " with its own scale; one line per host load.");
        Set<String> workloads = new LinkedHashSet<>();
        r.measurements().forEach(m -> workloads.add(m.workload()));
        List<HostLoad> loads = Loads.measured(r);
        for (Metric m : List.of(Metric.DOWNTIME, Metric.TOTAL_TIME)) {
            p.subheading(capitalised(m.title()) + " (" + m.unit() + ") against the migration point");
            List<String> svgs = new ArrayList<>();
            for (String w : workloads) {
                LineChart chart = new LineChart(w, "seconds into the run", m.title() + " (" + m.unit() + ")")
                        .size(380, 170);
                for (HostLoad load : loads) {
                    List<double[]> xy = r.measurements().stream().filter(x -> x.hostLoad() == load
                            && x.workload().equals(w)).map(x -> new double[] {x.pointOffsetMs() / 1000, value(m, x)})
                            .toList();
                    if (!xy.isEmpty()) chart.series(load.label(), xy);
                }
                svgs.add(chart.svg());
            }
            p.charts(svgs);
        }
    }

    /** A migration that did not complete has no downtime or total time to plot: a gap, not a zero. */
    private static double value(Metric m, Measurement x) {
        return x.result().outcome().completed() ? m.of(x) : Double.NaN;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
