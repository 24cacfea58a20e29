package io.miglab.datacenter.report;

import io.miglab.report.chart.LineChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The run over time: power, hosts on and over-utilised, utilisation, migrations started, a few hosts' CPU. */
final class OverTimeCharts {
    /** Hosts drawn one line each (every host is in hosts.csv). */
    static final int HOST_LINES = 6;

    private OverTimeCharts() { }

    static List<String> of(DatacenterReport r) {
        int n = r.samples().size();
        double[] t = new double[n], kw = new double[n], on = new double[n], util = new double[n],
                over = new double[n], started = new double[n];
        for (int i = 0; i < n; i++) {
            DatacenterSample s = r.samples().get(i);
            t[i] = s.timeSeconds();
            kw[i] = s.totalWatts() / 1000;
            on[i] = s.hostsOn();
            util[i] = s.meanUtilisation() * 100;
            over[i] = s.overloadedHosts();
        }
        for (MigrationRecord m : r.migrations()) {
            int i = 0;
            while (i + 1 < n && r.samples().get(i + 1).timeSeconds() <= m.startedAtSeconds()) i++;
            if (n > 0) started[i]++;
        }
        List<String> svgs = new ArrayList<>();
        svgs.add(chart("Power", "power (kW)").series("total power", t, kw).svg());
        svgs.add(chart("Hosts", "hosts").series("switched on", t, on).series("over-utilised", t, over).svg());
        svgs.add(chart("Mean CPU utilisation of the hosts switched on", "utilisation (%)")
                .series("utilisation", t, util).svg());
        svgs.add(chart("Migrations started per scheduling interval", "migrations").series("started", t, started)
                .svg());
        if (!r.hostSamples().isEmpty()) svgs.add(hosts(r));
        return svgs;
    }

    private static LineChart chart(String title, String yTitle) {
        return new LineChart(title, "time", yTitle).timeAxis().size(580, 200);
    }

    private static String hosts(DatacenterReport r) {
        Map<String, List<HostSample>> byHost = new TreeMap<>();
        for (HostSample s : r.hostSamples()) byHost.computeIfAbsent(s.host(), k -> new ArrayList<>()).add(s);
        LineChart chart = chart("CPU utilisation of the first " + Math.min(HOST_LINES, byHost.size()) + " hosts",
                "utilisation (%)");
        byHost.entrySet().stream().limit(HOST_LINES).forEach(e -> chart.series(e.getKey(),
                e.getValue().stream().map(s -> new double[] {s.timeSeconds(), s.utilisation() * 100}).toList()));
        return chart.svg();
    }
}
