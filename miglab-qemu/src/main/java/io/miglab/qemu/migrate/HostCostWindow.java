package io.miglab.qemu.migrate;

import io.miglab.core.result.HostCost;
import io.miglab.qemu.host.HostCostMeter;
import io.miglab.qemu.launch.QemuProcess;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The migration window of a run, from the {@code migrate} command to the source's final {@code query-migrate}
 * status (read off the samples' host wall clock), and the host cost over it added to the run's result.
 */
public final class HostCostWindow {
    private HostCostWindow() { }

    /** {@code run} with the host cost of its migration window from {@code meter}, which sampled both QEMUs. */
    public static QemuRun measured(HostCostMeter meter, QemuProcess source, QemuProcess destination, QemuRun run) {
        MigrationSample first = run.series().get(0);
        MigrationSample last = run.last();
        long startWall = first.wallMicros() - Math.round(first.elapsedMs() * 1000);
        long nowNanos = System.nanoTime();
        long nowWall = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long startNanos = nowNanos - (nowWall - startWall) * 1000;
        long endNanos = nowNanos - (nowWall - last.wallMicros()) * 1000;
        HostCost cost = meter.measure(destination.pid(), startNanos, endNanos);
        List<String> notes = new ArrayList<>(run.result().assumptions());
        notes.add(String.format(Locale.ROOT, "host cost: source pid %d and destination pid %d sampled from /proc "
                + "every 100 ms over the %.0f ms migration window, per thread by QEMU's thread names: the source's "
                + "migration threads and the destination's threads but its vCPUs; for the whole QEMUs, the guest's "
                + "own CPU over a window of the same length before the migration (%.1f ms) is subtracted",
                source.pid(), destination.pid(), cost.hostWindowMs(), cost.baselineCpuMs()));
        return run.withResult(run.result().withHostCost(cost).withFigures(run.result().timing(),
                run.result().traffic(), run.result().guestImpact(), run.result().stages(), notes));
    }
}
