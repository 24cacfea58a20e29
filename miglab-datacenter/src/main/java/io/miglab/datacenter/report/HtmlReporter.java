package io.miglab.datacenter.report;

import io.miglab.core.result.MigrationResult;
import io.miglab.datacenter.report.html.HtmlDocument;
import io.miglab.datacenter.report.html.SvgLineChart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One self-contained HTML page for a datacenter run: summary, charts over time, migrations by reason, the table. */
public final class HtmlReporter {
    /** Rows of the migration table shown in the page (all of them are in migrations.csv). */
    public static final int TABLE_ROWS = 500;

    private HtmlReporter() { }

    public static void write(DatacenterReport r, Path file) throws IOException {
        render(r).write(file);
    }

    public static HtmlDocument render(DatacenterReport r) {
        HtmlDocument d = new HtmlDocument("miglab datacenter: " + r.scenario());
        d.note(String.format(Locale.ROOT, "%,d hosts, %,d VMs, %.1f h, profile %s, policy %s, seed %d",
                r.hosts(), r.vms(), r.durationSeconds() / 3600, r.profile(), r.policy(), r.seed()));
        d.heading("Summary");
        List<List<String>> rows = new ArrayList<>();
        for (String[] kv : CsvReporter.summary(r)) rows.add(List.of(kv[0], kv[1]));
        d.table(List.of("figure", "value"), rows);

        int n = r.samples().size();
        double[] t = new double[n], watts = new double[n], on = new double[n], util = new double[n],
                over = new double[n];
        for (int i = 0; i < n; i++) {
            DatacenterSample s = r.samples().get(i);
            t[i] = s.timeSeconds() / 3600;
            watts[i] = s.totalWatts() / 1000;
            on[i] = s.hostsOn();
            util[i] = s.meanUtilisation() * 100;
            over[i] = s.overloadedHosts();
        }
        d.heading("Over time");
        d.chart(new SvgLineChart("Power", "hours", "kW").add("total power", t, watts));
        d.chart(new SvgLineChart("Hosts", "hours", "hosts").add("switched on", t, on).add("over-utilised", t, over));
        d.chart(new SvgLineChart("Mean CPU utilisation of hosts on", "hours", "%").add("utilisation", t, util));
        double[] startedIn = new double[n];
        for (MigrationRecord m : r.migrations()) {
            int i = 0;
            while (i + 1 < n && r.samples().get(i + 1).timeSeconds() <= m.startedAtSeconds()) i++;
            if (n > 0) startedIn[i]++;
        }
        d.chart(new SvgLineChart("Migrations started per scheduling interval", "hours", "migrations")
                .add("started", t, startedIn));
        if (!r.hostSamples().isEmpty()) hostCharts(d, r);

        d.heading("Migrations by reason");
        Map<String, long[]> by = new TreeMap<>();
        for (MigrationRecord m : r.migrations()) {
            long[] a = by.computeIfAbsent(m.reason(), k -> new long[3]);
            a[0]++;
            if (!m.result().converged()) a[1]++;
            if (!m.result().completed()) a[2]++;
        }
        List<List<String>> reasons = new ArrayList<>();
        by.forEach((k, a) -> reasons.add(List.of(k, "" + a[0], "" + a[1], "" + a[2])));
        d.table(List.of("reason", "migrations", "not converged", "cancelled"), reasons);

        d.heading("Migrations");
        if (r.migrations().size() > TABLE_ROWS) {
            d.note("The first " + TABLE_ROWS + " of " + r.migrations().size() + "; all are in migrations.csv.");
        }
        List<List<String>> table = new ArrayList<>();
        for (MigrationRecord m : r.migrations().subList(0, Math.min(TABLE_ROWS, r.migrations().size()))) {
            MigrationResult x = m.result();
            table.add(List.of(m.vm(), m.source(), m.destination(), m.reason(), f(m.startedAtSeconds()),
                    f(x.totalTimeMs() / 1000), f(x.downtimeMs()), String.format(Locale.ROOT, "%.1f",
                            x.bytesTransferred() / 1048576.0), "" + x.roundCount(), x.stopReason().name(),
                    x.converged() ? "yes" : "no", x.completed() ? "yes" : "no"));
        }
        d.table(List.of("VM", "source", "destination", "reason", "start s", "time s", "downtime ms", "MiB",
                "rounds", "stop reason", "converged", "completed"), table);
        return d;
    }

    private static void hostCharts(HtmlDocument d, DatacenterReport r) {
        Map<String, List<HostSample>> byHost = new TreeMap<>();
        for (HostSample s : r.hostSamples()) byHost.computeIfAbsent(s.host(), k -> new ArrayList<>()).add(s);
        SvgLineChart chart = new SvgLineChart("CPU utilisation per host (first 6 hosts)", "hours", "%");
        int k = 0;
        for (Map.Entry<String, List<HostSample>> e : byHost.entrySet()) {
            if (k++ >= 6) break;
            List<HostSample> l = e.getValue();
            double[] x = new double[l.size()], y = new double[l.size()];
            for (int i = 0; i < l.size(); i++) {
                x[i] = l.get(i).timeSeconds() / 3600;
                y[i] = l.get(i).utilisation() * 100;
            }
            chart.add(e.getKey(), x, y);
        }
        d.chart(chart);
        d.note("Every host's utilisation and power at every tick are in hosts.csv.");
    }

    private static String f(double v) { return String.format(Locale.ROOT, "%.2f", v); }
}
