package io.miglab.bench.qemu;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.run.BenchConfig;
import io.miglab.bench.run.BenchPlatform;
import io.miglab.bench.workload.GuestProgram;
import io.miglab.bench.workload.Workload;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.InvalidSpecException;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.qemu.launch.AccelProbe;
import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.launch.QemuInstallation;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.migrate.MigrationDriver;
import io.miglab.qemu.migrate.QemuMigrationPlan;
import io.miglab.qemu.migrate.QemuRun;
import io.miglab.qemu.migrate.QemuRunOptions;
import io.miglab.qemu.serial.GuestMessage;
import io.miglab.qemu.serial.SerialLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark on real QEMU (the qemu backend's launcher, migration driver and guest). Every step boots a fresh
 * source guest running the workload, so every measurement starts from the same host and the same state:
 * <ul>
 *   <li>baseline: boot, let the workload run {@value #WARM_UP_MS} ms, count its work over the baseline window;</li>
 *   <li>point k: boot, let the workload run t_k = k/(N+1) of its run, migrate to a fresh destination, and count
 *   the work done over the report lines around the migration. Booting again replaces "moving the VM back": both
 *   QEMUs are on this host, and a fresh source is cheaper than a second migration.</li>
 * </ul>
 * Overhead: work lost = baseline rate x window - work counted in the window (the window brackets the migration);
 * overhead = 100 x lost / (baseline rate x total migration time), the same definition as the models'. Noise can
 * make it slightly negative; it is then stored as 0.
 *
 * <p>Heavy host load: two extra guests running cpuburn, started before the first heavy step, stopped after the last.
 * The web workload needs guest networking, which the launcher does not offer yet; it is refused up front.
 */
public final class QemuPlatform implements BenchPlatform {
    static final long WARM_UP_MS = 1000;
    static final int BACKGROUND_VMS = 2;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration BOOT_ESTIMATE = Duration.ofSeconds(5);

    private final QemuLauncher launcher;
    private final QemuRunOptions options;
    private final String id = "miglab-bench-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<GuestSet> open = new java.util.concurrent.CopyOnWriteArrayList<>();
    private GuestSet background;
    private int steps;
    private volatile boolean cancelled;

    public QemuPlatform(QemuLauncher launcher, QemuRunOptions options) {
        this.launcher = launcher;
        this.options = options;
    }

    /** The guest from scripts/setup-qemu.sh, the accelerator that boots it. */
    public static QemuPlatform open(QemuRunOptions options) {
        QemuInstallation installation = QemuInstallation.require();
        return new QemuPlatform(new QemuLauncher(installation, AccelProbe.choose(installation)), options);
    }

    @Override
    public String backendName() { return "qemu"; }

    @Override
    public void check(BenchConfig config) {
        for (Workload w : config.workloads()) {
            InvalidSpecException.require(w.program() != GuestProgram.HTTPD, "workloads",
                    "idle, mem-low, mem-mid, mem-high, cpu or file for the qemu backend (web needs guest networking,"
                            + " which the QEMU launcher does not offer yet)", w.name());
        }
        for (Workload w : config.workloads()) QemuMigrationPlan.of(qemuSpec(w, config), options); // fails early
    }

    @Override
    public Baseline baseline(Workload w, HostLoad load, BenchConfig config) throws InterruptedException {
        hostLoad(load);
        try (GuestSet step = guestSet("s" + (++steps))) {
            QemuProcess src = step.boot(guestFor(w, config), "src");
            sleep(WARM_UP_MS);
            long from = System.nanoTime();
            sleep(config.baselineWindow().toMillis());
            long to = System.nanoTime();
            ThroughputMeter.Window win = ThroughputMeter.within(src.serial().lines(), w.program(), from, to)
                    .orElseThrow(() -> new IllegalStateException(w.name() + ": no report lines on the console in"
                            + " the baseline window; QEMU: " + src.logTail()));
            return new Baseline(w.name(), load, win.rate(), w.program().throughputUnit(), win.seconds() * 1000);
        }
    }

    @Override
    public Measurement migrate(Workload w, HostLoad load, int point, Baseline baseline, BenchConfig config)
            throws InterruptedException {
        hostLoad(load);
        Duration offset = config.pointOffset(point);
        try (GuestSet step = guestSet("s" + (++steps))) {
            QemuProcess src = step.boot(guestFor(w, config), "src");
            sleep(offset.toMillis());
            QemuProcess dst = step.launch(guestFor(w, config), "dst", QemuLauncher.Mode.INCOMING);
            MigrationSpec spec = qemuSpec(w, config);
            QemuMigrationPlan plan = QemuMigrationPlan.of(spec, options);
            long start = System.nanoTime();
            QemuRun run = new MigrationDriver(src, dst, spec, plan, options, step.dir()).run();
            checkCancelled();
            MigrationResult r = withNote(run.result(), w);
            long end = start + (long) (r.totalTimeMs() * 1e6);
            QemuProcess after = r.completed() ? dst : src;
            awaitReportAfter(after, w.program(), end);
            List<SerialLine> lines = ThroughputMeter.merge(src.serial().lines(),
                    r.completed() ? dst.serial().lines() : List.of());
            ThroughputMeter.Window win = ThroughputMeter.around(lines, w.program(), start, end)
                    .orElseThrow(() -> new IllegalStateException(w.name() + " point " + point
                            + ": no report lines around the migration"));
            double lost = baseline.throughput() * win.seconds() - win.work();
            double overhead = r.totalTimeMs() > 0
                    ? Math.max(0, 100 * lost / (baseline.throughput() * r.totalTimeMs() / 1000)) : 0;
            double during = baseline.throughput() * (1 - overhead / 100);
            return new Measurement(w.name(), load, point, offset.toNanos() / 1e6, win.seconds() * 1000,
                    baseline.throughput(), during, overhead, r);
        }
    }

    /** What QEMU is told: the platform's settings on a plain 256 MiB guest, memwriter's sweep or no writes. */
    static MigrationSpec qemuSpec(Workload w, BenchConfig config) {
        MigrationSpec p = config.platform();
        var writes = w.program() == GuestProgram.MEMWRITER
                ? new SweepWrites(ByteSize.ofMiB(w.workingSetMiB()), p.memory().pageSizeBytes(), w.dirtyPagesPerSecond())
                : new NoWrites();
        return p.withMemory(GuestMemory.of(p.memory().size())).withWriteModel(writes);
    }

    private static GuestConfig guestFor(Workload w, BenchConfig config) {
        ByteSize memory = config.platform().memory().size();
        return switch (w.program()) {
            case IDLE -> GuestConfig.idle(memory);
            case MEMWRITER -> GuestConfig.memwriter(memory, w.workingSetMiB(), w.dirtyPagesPerSecond());
            case CPUBURN -> new GuestConfig(memory, io.miglab.qemu.launch.Workload.CPUBURN, 1, 0);
            case HTTPD -> throw new InvalidSpecException("workloads", "no web workload on the qemu backend", w.name());
        };
    }

    /** The backend's plan knows only idle and memwriter guests; say which program really ran. */
    private static MigrationResult withNote(MigrationResult r, Workload w) {
        if (w.program() != GuestProgram.CPUBURN) return r;
        List<String> a = new ArrayList<>();
        a.add("miglab-bench: the guest ran workload=cpuburn (the plan's guest line below says idle: the qemu "
                + "backend's plan has no write model for cpuburn)");
        a.addAll(r.assumptions());
        return new MigrationResult(r.backend(), r.algorithm(), r.converged(), r.completed(), r.stopReason(),
                r.preparationTimeMs(), r.downtimeMs(), r.resumeTimeMs(), r.totalTimeMs(), r.precopyTimeMs(),
                r.bytesTransferred(), r.pagesTransferred(), r.pagesResent(), r.zeroPages(), r.precopyBytes(),
                r.stopCopyBytes(), r.postcopyBytes(), r.postcopyFaults(), r.guestSlowdownPercent(),
                r.maxThrottlePercent(), r.rounds(), a);
    }

    /** Waits (at most 3 s) for a report line stamped after {@code nanos}, so the window can close behind it. */
    private void awaitReportAfter(QemuProcess p, GuestProgram program, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < deadline) {
            checkCancelled();
            List<SerialLine> lines = p.serial().lines();
            for (int i = lines.size() - 1; i >= 0 && lines.get(i).hostNanos() >= nanos; i--) {
                if (isReport(lines.get(i), program)) return;
            }
            Thread.sleep(20);
        }
    }

    private static boolean isReport(SerialLine l, GuestProgram program) {
        var m = l.message();
        return switch (program) {
            case IDLE -> m instanceof GuestMessage.Heartbeat;
            case MEMWRITER -> m instanceof GuestMessage.MemReport;
            case CPUBURN -> m instanceof GuestMessage.CpuReport;
            case HTTPD -> false;
        };
    }

    /** Starts or stops the background guests for {@code load}. */
    private void hostLoad(HostLoad load) throws InterruptedException {
        checkCancelled();
        if (load.backgroundVms() == 0 && background != null) {
            background.close();
            background = null;
        } else if (load.backgroundVms() > 0 && background == null) {
            background = guestSet("bg");
            GuestConfig burn = new GuestConfig(ByteSize.ofMiB(128), io.miglab.qemu.launch.Workload.CPUBURN, 1, 0);
            for (int i = 1; i <= load.backgroundVms(); i++) background.boot(burn, "bg" + i);
        }
    }

    private GuestSet guestSet(String tag) {
        GuestSet s = new GuestSet(launcher, id + "-" + tag, READY_TIMEOUT, open::remove);
        open.add(s);
        return s;
    }

    private void sleep(long millis) throws InterruptedException {
        checkCancelled();
        Thread.sleep(millis);
        checkCancelled();
    }

    private void checkCancelled() throws InterruptedException {
        if (cancelled) throw new InterruptedException("cancelled");
    }

    @Override
    public Duration expectedStep(Workload w, HostLoad load, int point, BenchConfig config) {
        if (point == 0) return BOOT_ESTIMATE.plusMillis(WARM_UP_MS).plus(config.baselineWindow());
        double transferSeconds = config.platform().memory().bytes() / config.platform().link().effectiveBandwidth()
                .bytesPerSecond();
        return BOOT_ESTIMATE.plus(config.pointOffset(point)).plusMillis((long) (transferSeconds * 1000) + 3000);
    }

    /** Kills every guest this platform runs; the running step then fails and the benchmark stores what it has. */
    @Override
    public void cancel() {
        cancelled = true;
        for (GuestSet s : open) s.kill();
    }

    @Override
    public void close() {
        for (GuestSet s : open) s.close();
        background = null;
    }
}
