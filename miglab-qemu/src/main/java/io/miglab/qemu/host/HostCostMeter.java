package io.miglab.qemu.host;

import io.miglab.core.result.HostCost;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What migrating costs the host: samples the source QEMU from the moment its guest is ready and each destination
 * from its start, and after a migration subtracts what the same guest used, not migrating, over a window of the
 * same length just before the migration (the baseline). When the guest had been ready for less than the
 * migration took, the baseline's CPU rate is taken over what there is and scaled to the migration's length.
 * Beside that whole-process figure, the migration's own: the source's migration threads and the destination's
 * threads other than its vCPUs over the window, told apart by their names ({@link ThreadRole}).
 */
public final class HostCostMeter implements AutoCloseable {
    private static final Set<ThreadRole> SOURCE_MIGRATION = EnumSet.of(ThreadRole.MIGRATION);
    private static final Set<ThreadRole> NOT_VCPU = EnumSet.of(ThreadRole.MIGRATION, ThreadRole.OTHER);
    /** How long the guest runs, sampled, before its first migration: the longest baseline window. */
    public static final Duration BASELINE = Duration.ofSeconds(2);

    private final ProcSampler sampler;
    private final long sourcePid;
    private final long sinceNanos;

    public HostCostMeter(long sourcePid) {
        this(sourcePid, ProcSampler.DEFAULT_INTERVAL);
    }

    public HostCostMeter(long sourcePid, Duration interval) {
        this.sampler = new ProcSampler(interval);
        this.sourcePid = sourcePid;
        this.sinceNanos = System.nanoTime();
        sampler.watch(sourcePid);
    }

    /** Waits until the source has been sampled for {@link #BASELINE} (at once for a later migration). */
    public void awaitBaseline() {
        long wait = sinceNanos + BASELINE.toNanos() - System.nanoTime();
        if (wait <= 0) return;
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void watch(long destinationPid) {
        sampler.watch(destinationPid);
    }

    /** The source's and the destination's cost over a migration from {@code startNanos} to {@code endNanos}. */
    public HostCost measure(long destinationPid, long startNanos, long endNanos) {
        CpuSeries src = new CpuSeries(sampler.of(sourcePid));
        CpuSeries dst = new CpuSeries(sampler.of(destinationPid));
        long window = Math.max(1, endNanos - startNanos);
        long baseline = Math.min(window, startNanos - Math.max(sinceNanos, src.firstNanos()));
        double scale = baseline > 0 ? (double) window / baseline : 0;
        double baseUser = baseline > 0 ? src.userMs(startNanos - baseline, startNanos) * scale : 0;
        double baseSystem = baseline > 0 ? src.systemMs(startNanos - baseline, startNanos) * scale : 0;
        double user = src.userMs(startNanos, endNanos) + dst.userMs(startNanos, endNanos) - baseUser;
        double system = src.systemMs(startNanos, endNanos) + dst.systemMs(startNanos, endNanos) - baseSystem;
        CpuSeries srcMigration = CpuSeries.ofThreads(src.snapshots(), SOURCE_MIGRATION);
        CpuSeries dstNotVcpu = CpuSeries.ofThreads(dst.snapshots(), NOT_VCPU);
        return new HostCost(true, user, system, baseUser + baseSystem, window / 1e6, src.peakRssBytes(endNanos),
                dst.peakRssBytes(endNanos), src.maxThreads(startNanos, endNanos), dst.maxThreads(startNanos, endNanos),
                srcMigration.userMs(startNanos, endNanos), srcMigration.systemMs(startNanos, endNanos),
                dstNotVcpu.userMs(startNanos, endNanos), dstNotVcpu.systemMs(startNanos, endNanos));
    }

    /** One process's CPU (user + system, ms) and peak RSS over the last {@code window} up to now: the idle cost. */
    public static IdleCost idle(long pid, Duration window, Duration interval) {
        try (ProcSampler s = new ProcSampler(interval)) {
            s.watch(pid);
            long start = System.nanoTime();
            try {
                TimeUnit.NANOSECONDS.sleep(window.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long end = System.nanoTime();
            s.watch(pid);
            CpuSeries c = new CpuSeries(s.of(pid));
            double ms = (end - start) / 1e6;
            return new IdleCost(c.userMs(start, end), c.systemMs(start, end), ms, c.peakRssBytes(end),
                    c.snapshots().isEmpty() ? 0 : c.snapshots().get(c.snapshots().size() - 1).rssBytes(),
                    c.maxThreads(start, end));
        }
    }

    @Override
    public void close() {
        sampler.close();
    }
}
