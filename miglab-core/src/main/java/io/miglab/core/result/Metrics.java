package io.miglab.core.result;

import static io.miglab.core.result.Metric.Kind.INT;
import static io.miglab.core.result.Metric.Kind.LONG;
import static io.miglab.core.result.Metric.Kind.NAME;
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
            Metric.flag("converged", "converged", "converged", 30, r -> r.outcome().converged()),
            Metric.flag("completed", "completed", "completed", 40, r -> r.outcome().completed()),
            Metric.of("stopReason", "stop_reason", "stop reason", NAME, NONE, 50, r -> r.outcome().stopReason()),
            Metric.real("preparationTimeMs", "preparation_ms", "preparation time", MS, 90,
                    r -> r.timing().preparationTimeMs()),
            Metric.real("downtimeMs", "downtime_ms", "downtime", MS, 80, r -> r.timing().downtimeMs()),
            Metric.real("resumeTimeMs", "resume_ms", "resume time", MS, 100, r -> r.timing().resumeTimeMs()),
            Metric.real("totalTimeMs", "total_ms", "total time", MS, 60, r -> r.timing().totalTimeMs()),
            Metric.real("precopyTimeMs", "precopy_ms", "pre-copy time", MS, 70, r -> r.timing().precopyTimeMs()),
            Metric.real("storageTimeMs", "storage_ms", "storage time", MS, 250, r -> r.timing().storageTimeMs()),
            Metric.whole("announceRounds", "announce_rounds", "announce rounds", INT, NONE, 102,
                    r -> r.timing().announceRounds()),
            Metric.real("lastAnnounceMs", "last_announce_ms", "last announce at", MS, 104,
                    r -> r.timing().lastAnnounceMs()),
            Metric.whole("bytesTransferred", "bytes_transferred", "transferred", LONG, BYTES, 120,
                    r -> r.traffic().bytesTransferred()),
            Metric.whole("pagesTransferred", "pages_transferred", "pages transferred", LONG, NONE, 160,
                    r -> r.traffic().pagesTransferred()),
            Metric.whole("pagesResent", "pages_resent", "pages re-sent", LONG, NONE, 170,
                    r -> r.traffic().pagesResent()),
            Metric.whole("zeroPages", "zero_pages", "zero pages", LONG, NONE, 180, r -> r.traffic().zeroPages()),
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
            Metric.whole("storageBytes", "storage_bytes", "storage transferred", LONG, BYTES, 240,
                    r -> r.traffic().storageBytes()),
            Metric.whole("postcopyFaults", "postcopy_faults", "post-copy faults", LONG, NONE, 190,
                    r -> r.guestImpact().postcopyFaults()),
            Metric.real("guestSlowdownPercent", "guest_slowdown_percent", "guest slowdown", PERCENT, 200,
                    r -> r.guestImpact().guestSlowdownPercent()),
            Metric.whole("maxThrottlePercent", "max_throttle_percent", "max throttle", INT, PERCENT, 210,
                    r -> r.guestImpact().maxThrottlePercent()),
            Metric.real("diskWriteSlowdownPercent", "disk_write_slowdown_percent", "disk write slowdown",
                    PERCENT, 260, r -> r.guestImpact().diskWriteSlowdownPercent()),
            Metric.of("vmRunsOn", "vm_runs_on", "VM runs on", NAME, NONE, 45, r -> r.fate().vmRunsOn()),
            Metric.of("failure", "failure", "failure", TEXT, NONE, 46, r -> r.fate().failure()),
            Metric.of("failedStage", "failed_stage", "failed stage", TEXT, NONE, 47, r -> r.fate().failedStage()),
            Metric.whole("wastedBytes", "wasted_bytes", "wasted", LONG, BYTES, 220, r -> r.fate().wastedBytes()),
            Metric.real("wastedTimeMs", "wasted_ms", "wasted time", MS, 230, r -> r.fate().wastedTimeMs()),
            Metric.whole("roundCount", "rounds", "rounds", INT, NONE, 110, MigrationResult::roundCount).notStored(),
            host(Metric.flag("hostMeasured", "host_measured", "host cost measured", 299,
                    r -> r.hostCost().hostMeasured())),
            host(Metric.real("migrationCpuUserMs", "migration_cpu_user_ms", "user", MS, 308,
                    r -> r.hostCost().migrationCpuUserMs()).asPart()),
            host(Metric.real("migrationCpuSystemMs", "migration_cpu_system_ms", "system", MS, 309,
                    r -> r.hostCost().migrationCpuSystemMs()).asPart()),
            host(Metric.real("baselineCpuMs", "baseline_cpu_ms", "guest CPU not migrating (subtracted)", MS,
                    310, r -> r.hostCost().baselineCpuMs()).asPart()),
            host(Metric.real("hostWindowMs", "host_window_ms", "host sampling window", MS, 306,
                    r -> r.hostCost().hostWindowMs())),
            host(Metric.whole("sourcePeakRssBytes", "source_peak_rss_bytes", "source peak RSS", LONG, BYTES, 311,
                    r -> r.hostCost().sourcePeakRssBytes())),
            host(Metric.whole("destinationPeakRssBytes", "destination_peak_rss_bytes", "destination peak RSS", LONG,
                    BYTES, 312, r -> r.hostCost().destinationPeakRssBytes())),
            host(Metric.whole("sourceThreads", "source_threads", "source threads (most)", INT, NONE, 313,
                    r -> r.hostCost().sourceThreads())),
            host(Metric.whole("destinationThreads", "destination_threads", "destination threads (most)", INT, NONE, 314,
                    r -> r.hostCost().destinationThreads())),
            host(Metric.real("sourceMigrationCpuUserMs", "source_migration_cpu_user_ms", "source migration threads, "
                    + "user", MS, 301, r -> r.hostCost().sourceMigrationCpuUserMs()).asPart()),
            host(Metric.real("sourceMigrationCpuSystemMs", "source_migration_cpu_system_ms", "source migration "
                    + "threads, system", MS, 302, r -> r.hostCost().sourceMigrationCpuSystemMs()).asPart()),
            host(Metric.real("destinationCpuUserMs", "destination_cpu_user_ms", "destination but its vCPUs, user",
                    MS, 303, r -> r.hostCost().destinationCpuUserMs()).asPart()),
            host(Metric.real("destinationCpuSystemMs", "destination_cpu_system_ms", "destination but its vCPUs, "
                    + "system", MS, 304, r -> r.hostCost().destinationCpuSystemMs()).asPart()),
            // figures computed from the ones above (the JSON and the store hold those)
            host(Metric.real("migrationCpuMs", "migration_cpu_ms", "host CPU of the migration", MS, 300,
                    r -> r.hostCost().migrationCpuMs()).notStored()),
            host(Metric.real("migrationCpuMsPerGiB", "migration_cpu_ms_per_gib", "host CPU ms per GiB sent",
                    NONE, 305, r -> r.hostCost().cpuMsPerGiB(r.traffic().bytesTransferred())).notStored()),
            host(Metric.real("processCpuMs", "process_cpu_ms", "whole QEMUs less the guest not migrating", MS,
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
