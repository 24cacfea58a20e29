package io.miglab.datacenter.bench;

import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.report.chart.BarChart;
import io.miglab.report.format.Num;
import io.miglab.report.html.Page;
import io.miglab.report.html.Table;
import io.miglab.report.html.Table.Column;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The policy comparison as one HTML page on the report kit: the table, then one grouped bar chart per figure. */
final class PolicyComparisonPage {
    private PolicyComparisonPage() { }

    static void write(Scenario s, List<PolicyComparison.Row> rows, Path file) throws IOException {
        Page p = new Page("miglab: consolidation policies on " + s.name());
        p.note(String.format(Locale.ROOT, "%,d hosts, %,d VMs, %s, profile %s, seed %d. Bars: overload detector "
                + "(groups) x VM selection (colours); classic selections with PABFD placement, migration-aware "
                + "with its own placement and a %s cool-down.", s.hostCount(), s.vmCount(),
                Num.of(s.durationSeconds() / 3600) + " h", s.profile().name(), s.seed(),
                Num.of(s.policy().coolDownSeconds() / 60) + " min"));
        List<String> charts = new ArrayList<>();
        charts.add(chart("Energy", "kWh", rows, DatacenterReport::energyKWh));
        charts.add(chart("SLA violation (SLATAH x PDM)", "SLAV x 1e5", rows, r -> 1e5 * r.slaViolation()));
        charts.add(chart("Migrations", "migrations", rows, r -> r.migrations().size()));
        charts.add(chart("VM downtime, all migrations", "s", rows, DatacenterReport::totalDowntimeSeconds));
        charts.add(chart("Data sent by migrations", "GiB", rows, r -> r.migratedBytes() / 1073741824.0));
        charts.add(chart("Energy x SLA violation (ESV)", "ESV x 1e3", rows, r -> 1e3 * r.energySlaViolation()));
        p.charts(charts);
        Table t = new Table("policies", List.of(Column.text("policy"), Column.number("energy", "kWh"),
                Column.number("SLATAH", "%"), Column.number("PDM", "%"), Column.number("SLAV x 1e5"),
                Column.number("ESV x 1e3"), Column.number("migrations"), Column.number("VMs moved"),
                Column.number("most moves of one VM"), Column.number("downtime", "s"), Column.number("moved", "GiB")));
        for (PolicyComparison.Row w : rows) {
            DatacenterReport r = w.report();
            t.row(w.name(), Num.fixed(r.energyKWh(), 1), Num.fixed(100 * r.slaTimePerActiveHost(), 3),
                    Num.fixed(100 * r.migrationDegradation(), 4), Num.fixed(1e5 * r.slaViolation(), 2),
                    Num.fixed(1e3 * r.energySlaViolation(), 3), Num.count(r.migrations().size()),
                    Num.count(w.vmsMoved()), Num.count(w.mostMoves()), Num.fixed(r.totalDowntimeSeconds(), 1),
                    Num.fixed(r.migratedBytes() / 1073741824.0, 0));
        }
        p.table(t);
        p.write(file);
    }

    private static String chart(String title, String unit, List<PolicyComparison.Row> rows,
                                ToDoubleFunction<DatacenterReport> figure) {
        List<String> detectors = PolicyComparison.DETECTORS.stream()
                .filter(d -> rows.stream().anyMatch(r -> r.detector().equals(d))).toList();
        BarChart c = new BarChart(title, unit, "overload detector",
                detectors.stream().map(d -> d.toUpperCase(Locale.ROOT)).toList()).size(560, 180);
        for (String selection : PolicyComparison.SELECTIONS) {
            if (rows.stream().noneMatch(r -> r.selection().equals(selection))) continue;
            List<Double> values = new ArrayList<>();
            for (String d : detectors) {
                values.add(rows.stream().filter(r -> r.detector().equals(d) && r.selection().equals(selection))
                        .mapToDouble(r -> figure.applyAsDouble(r.report())).findFirst().orElse(Double.NaN));
            }
            c.series(selection.equals("migration-aware") ? "migration-aware" : selection.toUpperCase(Locale.ROOT),
                    values);
        }
        return c.svg();
    }
}
