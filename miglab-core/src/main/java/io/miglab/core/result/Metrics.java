package io.miglab.core.result;

import static io.miglab.core.result.Metric.Kind.FLAG;
import static io.miglab.core.result.Metric.Kind.INT;
import static io.miglab.core.result.Metric.Kind.LONG;
import static io.miglab.core.result.Metric.Kind.NAME;
import static io.miglab.core.result.Metric.Kind.REAL;
import static io.miglab.core.result.Metric.Kind.TEXT;
import static io.miglab.core.result.Metric.Unit.BYTES;
import static io.miglab.core.result.Metric.Unit.MS;
import static io.miglab.core.result.Metric.Unit.NONE;
import static io.miglab.core.result.Metric.Unit.PERCENT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one list of a migration's figures that every writer lays out (see {@link Metric}). The list's order is the
 * order of the JSON fields, the CSV columns and the store's columns; {@code tableRow} orders the people's table.
 * A new figure: compute it in the result, then add one line below.
 *
 * @param all every metric, in output order
 */
public record Metrics(List<Metric> all) {
    /** The figures of every backend's result. */
    public static final Metrics STANDARD = new Metrics(List.of(
            Metric.of("backend", "backend", "backend", TEXT, NONE, 10, MigrationResult::backend),
            Metric.of("algorithm", "algorithm", "algorithm", TEXT, NONE, 20, MigrationResult::algorithm),
            Metric.of("converged", "converged", "converged", FLAG, NONE, 30, r -> r.outcome().converged()),
            Metric.of("completed", "completed", "completed", FLAG, NONE, 40, r -> r.outcome().completed()),
            Metric.of("stopReason", "stop_reason", "stop reason", NAME, NONE, 50, r -> r.outcome().stopReason()),
            Metric.of("preparationTimeMs", "preparation_ms", "preparation time", REAL, MS, 90,
                    r -> r.timing().preparationTimeMs()),
            Metric.of("downtimeMs", "downtime_ms", "downtime", REAL, MS, 80, r -> r.timing().downtimeMs()),
            Metric.of("resumeTimeMs", "resume_ms", "resume time", REAL, MS, 100, r -> r.timing().resumeTimeMs()),
            Metric.of("totalTimeMs", "total_ms", "total time", REAL, MS, 60, r -> r.timing().totalTimeMs()),
            Metric.of("precopyTimeMs", "precopy_ms", "pre-copy time", REAL, MS, 70, r -> r.timing().precopyTimeMs()),
            Metric.of("storageTimeMs", "storage_ms", "storage time", REAL, MS, 250, r -> r.timing().storageTimeMs()),
            Metric.of("announceRounds", "announce_rounds", "announce rounds", INT, NONE, 102,
                    r -> r.timing().announceRounds()),
            Metric.of("lastAnnounceMs", "last_announce_ms", "last announce at", REAL, MS, 104,
                    r -> r.timing().lastAnnounceMs()),
            Metric.of("bytesTransferred", "bytes_transferred", "transferred", LONG, BYTES, 120,
                    r -> r.traffic().bytesTransferred()),
            Metric.of("pagesTransferred", "pages_transferred", "pages transferred", LONG, NONE, 160,
                    r -> r.traffic().pagesTransferred()),
            Metric.of("pagesResent", "pages_resent", "pages re-sent", LONG, NONE, 170, r -> r.traffic().pagesResent()),
            Metric.of("zeroPages", "zero_pages", "zero pages", LONG, NONE, 180, r -> r.traffic().zeroPages()),
            Metric.bytesPart("precopyBytes", "precopy_bytes", "pre-copy", 130, r -> r.traffic().precopyBytes()),
            Metric.bytesPart("stopCopyBytes", "stop_copy_bytes", "stop-and-copy", 140,
                    r -> r.traffic().stopCopyBytes()),
            Metric.bytesPart("postcopyBytes", "postcopy_bytes", "post-copy", 150, r -> r.traffic().postcopyBytes()),
            Metric.bytesPart("sourceToDestinationBytes", "source_to_destination_bytes", "source -> destination",
                    155, r -> r.traffic().sourceToDestinationBytes()),
            Metric.bytesPart("sourceToNasBytes", "source_to_nas_bytes", "source -> NAS", 156,
                    r -> r.traffic().sourceToNasBytes()),
            Metric.bytesPart("nasToDestinationBytes", "nas_to_destination_bytes", "NAS -> destination", 157,
                    r -> r.traffic().nasToDestinationBytes()),
            Metric.of("storageBytes", "storage_bytes", "storage transferred", LONG, BYTES, 240,
                    r -> r.traffic().storageBytes()),
            Metric.of("postcopyFaults", "postcopy_faults", "post-copy faults", LONG, NONE, 190,
                    r -> r.guestImpact().postcopyFaults()),
            Metric.of("guestSlowdownPercent", "guest_slowdown_percent", "guest slowdown", REAL, PERCENT, 200,
                    r -> r.guestImpact().guestSlowdownPercent()),
            Metric.of("maxThrottlePercent", "max_throttle_percent", "max throttle", INT, PERCENT, 210,
                    r -> r.guestImpact().maxThrottlePercent()),
            Metric.of("diskWriteSlowdownPercent", "disk_write_slowdown_percent", "disk write slowdown", REAL,
                    PERCENT, 260, r -> r.guestImpact().diskWriteSlowdownPercent()),
            Metric.of("vmRunsOn", "vm_runs_on", "VM runs on", NAME, NONE, 45, r -> r.fate().vmRunsOn()),
            Metric.of("failure", "failure", "failure", TEXT, NONE, 46, r -> r.fate().failure()),
            Metric.of("failedStage", "failed_stage", "failed stage", TEXT, NONE, 47, r -> r.fate().failedStage()),
            Metric.of("wastedBytes", "wasted_bytes", "wasted", LONG, BYTES, 220, r -> r.fate().wastedBytes()),
            Metric.of("wastedTimeMs", "wasted_ms", "wasted time", REAL, MS, 230, r -> r.fate().wastedTimeMs()),
            Metric.of("roundCount", "rounds", "rounds", INT, NONE, 110, MigrationResult::roundCount).notStored(),
            host(Metric.of("hostMeasured", "host_measured", "host cost measured", FLAG, NONE, 299,
                    r -> r.hostCost().hostMeasured())),
            host(Metric.of("migrationCpuUserMs", "migration_cpu_user_ms", "user", REAL, MS, 308,
                    r -> r.hostCost().migrationCpuUserMs()).asPart()),
            host(Metric.of("migrationCpuSystemMs", "migration_cpu_system_ms", "system", REAL, MS, 309,
                    r -> r.hostCost().migrationCpuSystemMs()).asPart()),
            host(Metric.of("baselineCpuMs", "baseline_cpu_ms", "guest CPU not migrating (subtracted)", REAL, MS,
                    310, r -> r.hostCost().baselineCpuMs()).asPart()),
            host(Metric.of("hostWindowMs", "host_window_ms", "host sampling window", REAL, MS, 306,
                    r -> r.hostCost().hostWindowMs())),
            host(Metric.of("sourcePeakRssBytes", "source_peak_rss_bytes", "source peak RSS", LONG, BYTES, 311,
                    r -> r.hostCost().sourcePeakRssBytes())),
            host(Metric.of("destinationPeakRssBytes", "destination_peak_rss_bytes", "destination peak RSS", LONG,
                    BYTES, 312, r -> r.hostCost().destinationPeakRssBytes())),
            host(Metric.of("sourceThreads", "source_threads", "source threads (most)", INT, NONE, 313,
                    r -> r.hostCost().sourceThreads())),
            host(Metric.of("destinationThreads", "destination_threads", "destination threads (most)", INT, NONE, 314,
                    r -> r.hostCost().destinationThreads())),
            host(Metric.of("sourceMigrationCpuUserMs", "source_migration_cpu_user_ms", "source migration threads, "
                    + "user", REAL, MS, 301, r -> r.hostCost().sourceMigrationCpuUserMs()).asPart()),
            host(Metric.of("sourceMigrationCpuSystemMs", "source_migration_cpu_system_ms", "source migration "
                    + "threads, system", REAL, MS, 302, r -> r.hostCost().sourceMigrationCpuSystemMs()).asPart()),
            host(Metric.of("destinationCpuUserMs", "destination_cpu_user_ms", "destination but its vCPUs, user",
                    REAL, MS, 303, r -> r.hostCost().destinationCpuUserMs()).asPart()),
            host(Metric.of("destinationCpuSystemMs", "destination_cpu_system_ms", "destination but its vCPUs, "
                    + "system", REAL, MS, 304, r -> r.hostCost().destinationCpuSystemMs()).asPart()),
            // figures computed from the ones above (the JSON and the store hold those)
            host(Metric.of("migrationCpuMs", "migration_cpu_ms", "host CPU of the migration", REAL, MS, 300,
                    r -> r.hostCost().migrationCpuMs()).notStored()),
            host(Metric.of("migrationCpuMsPerGiB", "migration_cpu_ms_per_gib", "host CPU ms per GiB sent", REAL,
                    NONE, 305, r -> r.hostCost().cpuMsPerGiB(r.traffic().bytesTransferred())).notStored()),
            host(Metric.of("processCpuMs", "process_cpu_ms", "whole QEMUs less the guest not migrating", REAL, MS,
                    307, r -> r.hostCost().processCpuMs()).notStored())));

    /** A host-cost figure: only results whose host cost was measured have it. */
    private static Metric host(Metric m) {
        return m.presentWhen(r -> r.hostCost().hostMeasured());
    }

    public Metrics {
        all = List.copyOf(all);
        Set<String> names = new HashSet<>(), columns = new HashSet<>();
        for (Metric m : all) {
            if (!names.add(m.name())) throw new IllegalArgumentException("two metrics named " + m.name());
            if (!columns.add(m.column())) throw new IllegalArgumentException("two metrics in column " + m.column());
        }
    }

    /** These metrics and one more at the end (for a writer's own figure, or a test's). */
    public Metrics with(Metric extra) {
        List<Metric> l = new ArrayList<>(all);
        l.add(extra);
        return new Metrics(l);
    }

    /** The metrics the JSON and the results store hold, in output order. */
    public List<Metric> stored() {
        return all.stream().filter(Metric::stored).toList();
    }

    /** Every metric in the people's table order. */
    public List<Metric> inTableOrder() {
        return all.stream().sorted(Comparator.comparingInt(Metric::tableRow)).toList();
    }

    public Metric named(String name) {
        for (Metric m : all) if (m.name().equals(name)) return m;
        throw new IllegalArgumentException("no metric named " + name);
    }
}
