package io.miglab.datacenter.report;

import io.miglab.core.result.Metric;
import io.miglab.core.result.Metrics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes a run as CSV files into a folder: {@code migrations.csv} (one row per migration: who, where, why, when,
 * then every metric of {@link Metrics} under its column name), {@code datacenter.csv}
 * (one row per tick), {@code hosts.csv} (per host per tick, when kept), {@code host-summary.csv} and
 * {@code summary.csv} (name,value).
 */
public final class CsvReporter {
    private CsvReporter() { }

    public static List<Path> write(DatacenterReport r, Path folder) throws IOException {
        return write(r, folder, Metrics.STANDARD);
    }

    public static List<Path> write(DatacenterReport r, Path folder, Metrics metrics) throws IOException {
        Files.createDirectories(folder);
        List<Path> out = new ArrayList<>();
        out.add(write(folder.resolve("migrations.csv"), "vm,source,destination,reason,requested_s,started_s,ended_s"
                + metrics.all().stream().map(x -> "," + x.column()).collect(Collectors.joining()), w -> {
            for (MigrationRecord m : r.migrations()) {
                w.write(String.join(",", m.vm(), m.source(), m.destination(), m.reason(), n(m.requestedAtSeconds()),
                        n(m.startedAtSeconds()), n(m.endedAtSeconds())));
                for (Metric x : metrics.all()) {
                    w.write(',');
                    w.write(x.kind() == Metric.Kind.REAL ? n(x.number(m.result())) : cell(x.text(m.result())));
                }
                w.newLine();
            }
        }));
        out.add(write(folder.resolve("datacenter.csv"), "time_s,hosts_on,mean_utilisation,total_watts,"
                + "overloaded_hosts,migrations_in_flight,migrations_queued", w -> {
            for (DatacenterSample s : r.samples()) {
                w.write(String.join(",", n(s.timeSeconds()), "" + s.hostsOn(), n(s.meanUtilisation()),
                        n(s.totalWatts()), "" + s.overloadedHosts(), "" + s.migrationsInFlight(),
                        "" + s.migrationsQueued()));
                w.newLine();
            }
        }));
        if (!r.hostSamples().isEmpty()) {
            out.add(write(folder.resolve("hosts.csv"), "time_s,host,utilisation,watts,vms", w -> {
                for (HostSample s : r.hostSamples()) {
                    w.write(String.join(",", n(s.timeSeconds()), s.host(), n(s.utilisation()), n(s.watts()),
                            "" + s.vms()));
                    w.newLine();
                }
            }));
        }
        out.add(write(folder.resolve("host-summary.csv"), "host,rack,energy_kwh,overload_s,vms_at_end,on_at_end", w -> {
            for (HostSummary h : r.hostSummaries()) {
                w.write(String.join(",", h.host(), "" + h.rack(), n(h.energyKWh()), n(h.overloadSeconds()),
                        "" + h.vmsAtEnd(), "" + h.onAtEnd()));
                w.newLine();
            }
        }));
        out.add(write(folder.resolve("summary.csv"), "name,value", w -> {
            for (String[] kv : summary(r)) {
                w.write(kv[0] + "," + kv[1]);
                w.newLine();
            }
        }));
        return out;
    }

    /** The headline figures, as name/value pairs ({@link SummaryFigures}, shared with the HTML report). */
    public static List<String[]> summary(DatacenterReport r) {
        return SummaryFigures.raw(r);
    }

    /** A text cell, quoted when it holds a comma or a quote (a failure: {@code link-down@post-copy+1s, recovered}). */
    static String cell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private interface Body {
        void write(BufferedWriter w) throws IOException;
    }

    private static Path write(Path file, String header, Body body) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(header);
            w.newLine();
            body.write(w);
        }
        return file;
    }
}
