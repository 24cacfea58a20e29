package io.miglab.bench.run;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.host.HostModel;
import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.workload.Workload;
import io.miglab.core.MigrationBackend;
import io.miglab.core.link.Link;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.DataRate;
import java.time.Duration;

/**
 * The benchmark on a model backend (the page-level simulator "sim", the closed form): nothing runs, so the
 * workload's throughput is computed from the migration result.
 *
 * <p>Overhead: over the window W = the migration's total time, the guest loses the whole downtime D, the share
 * {@code guestSlowdownPercent} of the time it ran (auto-converge throttling, post-copy faults), and, for a CPU-bound
 * workload under host load, the CPU the migration thread takes from it ({@link HostModel}):
 * overhead = 100 (1 - (W - D) (1 - slowdown/100) c / W), c = vCPU share while migrating / share without.
 *
 * <p>Migration points: the migration of point k starts after the workload ran t_k = k/(N+1) of its run. What differs
 * between points is the seed (random write positions, zero-page layout) and the memory's state at t_k: the pages the
 * workload has written by then are no longer zero pages (for memwriter the array is resident from the start).
 */
public final class ModelPlatform implements BenchPlatform {
    private final MigrationBackend backend;
    private final HostModel host;
    private volatile boolean cancelled;

    public ModelPlatform(MigrationBackend backend, HostModel host) {
        this.backend = backend;
        this.host = host;
    }

    public ModelPlatform(MigrationBackend backend) {
        this(backend, HostModel.twoCores());
    }

    @Override
    public String backendName() { return backend.name(); }

    @Override
    public Baseline baseline(Workload w, HostLoad load, BenchConfig config) {
        double share = w.program().cpuBound() ? host.vcpuShare(load, false) : 1.0;
        return new Baseline(w.name(), load, w.nominalThroughput() * share, w.throughputUnit(), 0);
    }

    @Override
    public Measurement migrate(Workload w, HostLoad load, int point, Baseline baseline, BenchConfig config)
            throws InterruptedException {
        if (cancelled || Thread.currentThread().isInterrupted()) throw new InterruptedException("cancelled");
        Duration offset = config.pointOffset(point);
        MigrationSpec spec = specFor(w, load, point, offset, config);
        MigrationResult r = backend.migrate(spec);
        double window = r.timing().totalTimeMs();
        double during = baseline.throughput() * workShare(r, w, load);
        return new Measurement(w.name(), load, point, offset.toNanos() / 1e6, window, baseline.throughput(), during,
                Measurement.overheadPercent(baseline.throughput(), during), r);
    }

    /** The spec of one migration: the platform's settings, the workload, the host load, the point. */
    MigrationSpec specFor(Workload w, HostLoad load, int point, Duration offset, BenchConfig config) {
        MigrationSpec p = config.platform();
        Link link = p.link();
        double bw = host.bandwidthShare(load, w.program().cpuBound());
        Link scaled = new Link(DataRate.ofBytesPerSecond(link.bandwidth().bytesPerSecond() * bw),
                link.roundTripLatency(), link.bandwidthCap().map(c -> DataRate.ofBytesPerSecond(c.bytesPerSecond()
                * bw)));
        int workloadIndex = Math.max(0, config.workloads().indexOf(w));
        long seed = config.seed() * 1_000_003L + workloadIndex * 7_919L + load.ordinal() * 104_729L + point;
        return p.withMemory(memoryAt(w, p.memory(), offset.toNanos() / 1e9)).withWriteModel(w.writes())
                .withLink(scaled).withSeed(seed);
    }

    /** The memory when the migration starts: pages the workload has written by then left the zero pool. */
    static GuestMemory memoryAt(Workload w, GuestMemory idle, double seconds) {
        int pages = idle.pages();
        double written = Math.max(w.pretouchedBytes() / (double) idle.pageSizeBytes(),
                w.writes().expectedDistinctPages(seconds, pages));
        double zero = Math.max(0, idle.zeroPageShare() - written / pages);
        return idle.withZeroPageShare(zero);
    }

    /** Share of the baseline's work done over the migration's window. */
    private double workShare(MigrationResult r, Workload w, HostLoad load) {
        double window = r.timing().totalTimeMs();
        if (!(window > 0)) return 1;
        double running = Math.max(0,
                window - r.timing().downtimeMs()) * (1 - r.guestImpact().guestSlowdownPercent() / 100);
        if (w.program().cpuBound()) running *= host.vcpuShare(load, true) / host.vcpuShare(load, false);
        return running / window;
    }

    @Override
    public Duration expectedStep(Workload w, HostLoad load, int point, BenchConfig config) {
        return Duration.ofMillis(50);
    }

    @Override
    public void cancel() { cancelled = true; }

    @Override
    public void close() { }
}
