package io.miglab.datacenter.report;

import io.miglab.core.result.MigrationResult;
import io.miglab.report.format.Num;
import io.miglab.report.format.Quantity;
import io.miglab.report.html.Page;
import io.miglab.report.html.Table;
import io.miglab.report.html.Table.Column;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained HTML page for a datacenter run, on the report kit (miglab-report): the headline figures,
 * charts over time (in round hours or minutes), migrations by reason, VMs moved back and forth, the migrations.
 */
public final class HtmlReporter {
    /** Rows of the migration table shown in the page (all of them are in migrations.csv). */
    public static final int TABLE_ROWS = 500;

    private HtmlReporter() { }

    public static void write(DatacenterReport r, Path file) throws IOException {
        render(r).write(file);
    }

    public static Page render(DatacenterReport r) {
        Page p = new Page("miglab datacenter: " + r.scenario());
        p.note(String.format(Locale.ROOT, "%,d hosts, %,d VMs, %s of simulated time, profile %s, policy %s, seed %d",
                r.hosts(), r.vms(), Quantity.seconds(r.durationSeconds()), r.profile(),
                r.policy(), r.seed()));
        p.heading("Summary");
        p.table(Table.keyValue("summary", "figure", SummaryFigures.readable(r)));
        p.heading("Over time");
        p.charts(OverTimeCharts.of(r));
        if (!r.hostSamples().isEmpty()) p.note("Every host's utilisation and power at every tick are in hosts.csv.");
        byReason(p, r);
        PingPongSection.write(p, PingPong.find(PingPong.moves(r.migrations()), PingPong.MAX_MOVES));
        migrations(p, r);
        return p;
    }

    private static void byReason(Page p, DatacenterReport r) {
        p.heading("Migrations by reason");
        Map<String, long[]> by = new TreeMap<>();
        for (MigrationRecord m : r.migrations()) {
            long[] a = by.computeIfAbsent(m.reason(), k -> new long[3]);
            a[0]++;
            if (!m.result().outcome().converged()) a[1]++;
            if (!m.result().outcome().completed()) a[2]++;
        }
        Table t = new Table("reasons", List.of(Column.text("reason"), Column.number("migrations"),
                Column.number("not converged"), Column.number("cancelled")));
        by.forEach((k, a) -> t.row(k, Num.count(a[0]), Num.count(a[1]), Num.count(a[2])));
        p.table(t);
    }

    private static void migrations(Page p, DatacenterReport r) {
        p.heading("Migrations");
        if (r.migrations().size() > TABLE_ROWS) {
            p.note("The first " + TABLE_ROWS + " of " + r.migrations().size() + "; all are in migrations.csv.");
        }
        Table t = new Table("migrations", List.of(Column.text("VM"), Column.text("from"), Column.text("to"),
                Column.text("reason"), Column.text("start (h:mm:ss)"), Column.number("time", "s"),
                Column.number("downtime", "ms"), Column.number("data", "MiB"), Column.number("rounds"),
                Column.text("stopped because"), Column.text("converged"), Column.text("completed")));
        for (MigrationRecord m : r.migrations().subList(0, Math.min(TABLE_ROWS, r.migrations().size()))) {
            MigrationResult x = m.result();
            t.row(x.outcome().completed() ? "" : "failed", List.of(m.vm(), m.source(), m.destination(), m.reason(),
                    clock(m.startedAtSeconds()), Num.of(x.timing().totalTimeMs() / 1000),
                    Num.of(x.timing().downtimeMs()), Num.of(x.traffic().bytesTransferred() / 1048576.0),
                    Integer.toString(x.roundCount()),
                    x.outcome().stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    x.outcome().converged() ? "yes" : "no", x.outcome().completed() ? "yes" : "no"));
        }
        p.table(t);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
