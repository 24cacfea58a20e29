package io.miglab.bench.report;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.store.RunRecord;
import io.miglab.core.result.HostCost;
import io.miglab.report.chart.BarChart;
import io.miglab.report.format.Num;
import io.miglab.report.html.Html;
import io.miglab.report.html.Page;
import io.miglab.report.html.Table;
import io.miglab.report.html.Table.Column;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What migrating cost the host, per workload and host load, for runs on a real backend (the source's and the
 * destination's QEMU sampled from /proc, see core.result.HostCost): a table of means over the migration points and
 * a chart of the CPU per GiB sent, one bar per host load in the colours the rest of the report gives them.
 */
final class HostCostSection {
    private static final double MIB = 1024.0 * 1024.0;

    private HostCostSection() { }

    static void write(Page p, RunRecord r) {
        List<Measurement> measured = r.measurements().stream().filter(m -> m.result().hostCost().hostMeasured())
                .toList();
        if (measured.isEmpty()) return;
        p.heading("What migrating costs the host: " + RunLabel.shortOf(r));
        p.paragraph("Both QEMU processes and each of their threads sampled from /proc every 100 ms. Migration CPU: "
                + "from the migrate command to completion, the source's migration threads and the destination's "
                + "threads but its vCPUs (told apart by QEMU's thread names). Whole QEMUs: both processes' CPU "
                + "less what the same guest used, not migrating, over a window of the same length just before. "
                + "Means over the migration points; peak RSS is the process's VmHWM.");
        Table t = new Table("hostcost", List.of(Column.text("host load"), Column.text("workload"),
                Column.number("migrations"), Column.number("migration CPU", "ms"),
                Column.number("source migration threads", "ms"), Column.number("destination but vCPUs", "ms"),
                Column.number("CPU per GiB sent", "ms"), Column.number("whole QEMUs less baseline", "ms"),
                Column.number("source peak RSS", "MiB"), Column.number("destination peak RSS", "MiB"),
                Column.number("threads src / dst")));
        Set<String> workloads = new LinkedHashSet<>();
        measured.forEach(m -> workloads.add(m.workload()));
        List<HostLoad> loads = Loads.measured(r);
        BarChart chart = new BarChart("Host CPU per GiB sent", "CPU ms per GiB", "workload", List.copyOf(workloads));
        for (HostLoad load : loads) {
            List<Double> bars = new ArrayList<>();
            for (String w : workloads) {
                List<Measurement> g = measured.stream().filter(m -> m.hostLoad() == load && m.workload().equals(w))
                        .toList();
                if (g.isEmpty()) {
                    bars.add(Double.NaN);
                    continue;
                }
                double perGiB = mean(g, m -> m.result().hostCost().cpuMsPerGiB(
                        m.result().traffic().bytesTransferred()));
                bars.add(perGiB);
                t.row(load.label(), Html.esc(w), "" + g.size(), Num.of(mean(g, m -> m.result().hostCost()
                        .migrationCpuMs())), Num.of(mean(g, m -> m.result().hostCost().sourceMigrationCpuUserMs()
                        + m.result().hostCost().sourceMigrationCpuSystemMs())),
                        Num.of(mean(g, m -> m.result().hostCost().destinationCpuUserMs()
                                + m.result().hostCost().destinationCpuSystemMs())), Num.of(perGiB),
                        Num.of(mean(g, m -> m.result().hostCost().processCpuMs())),
                        Num.of(mean(g, m -> m.result().hostCost().sourcePeakRssBytes() / MIB)),
                        Num.of(mean(g, m -> m.result().hostCost().destinationPeakRssBytes() / MIB)),
                        max(g, HostCost::sourceThreads) + " / " + max(g, HostCost::destinationThreads));
            }
            chart.series(load.label(), bars);
        }
        p.table(t);
        p.chart(chart.svg(), "Host CPU of the migration (source migration threads, destination but its vCPUs) per GiB it sent, by workload; one "
                + "bar per host load.");
    }

    private static double mean(List<Measurement> g, java.util.function.ToDoubleFunction<Measurement> f) {
        return g.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static int max(List<Measurement> g, java.util.function.ToIntFunction<HostCost> f) {
        return g.stream().mapToInt(m -> f.applyAsInt(m.result().hostCost())).max().orElse(0);
    }
}
