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
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.qemu.launch.AccelProbe;
import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.launch.QemuInstallation;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.host.HostCostMeter;
import io.miglab.qemu.migrate.HostCostWindow;
import io.miglab.qemu.migrate.MigrationDriver;
import io.miglab.qemu.migrate.MigrationSample;
import io.miglab.qemu.migrate.QemuMigrationPlan;
import io.miglab.qemu.migrate.QemuRun;
import io.miglab.qemu.migrate.QemuRunOptions;
import io.miglab.qemu.serial.SerialLine;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The benchmark on real QEMU (the qemu backend's launcher, migration driver and guest). Every step boots a fresh
 * source guest running the workload, so every measurement starts from the same host and the same state:
 * <ul>
 *   <li>baseline: boot, let the workload run {@value #WARM_UP_MS} ms, count its work over the baseline window;</li>
 *   <li>point k: boot, let the workload run t_k = k/(N+1) of its run, migrate to a fresh destination, and count
 *   the work done over a window around the migration and over a window of the same length just before it, on the
 *   same guest ({@link ThroughputMeter#aroundMigration}). Booting again replaces "moving the VM back": both
 *   QEMUs are on this host, and a fresh source is cheaper than a second migration.</li>
 * </ul>
 * Overhead: work lost = work in the baseline window - work in the migration window; overhead = 100 x lost /
 * (baseline rate x total migration time), the same definition as the models'. Noise can make it slightly negative;
 * it is then stored as 0. The baseline step's rate is the workload's throughput without migration in the report.
 *
 * <p>Heavy host load: two extra guests running cpuburn, started before the first heavy step, stopped after the last.
 * The web guest has a NIC on QEMU's user-mode network on both sides, each with a port forward on 127.0.0.1; its
 * work is counted by a load generator on the host ({@link WebWork}), the others' on the console ({@link ConsoleWork}).
 */
public final class QemuPlatform implements BenchPlatform {
    static final long WARM_UP_MS = 1000;
    static final int BACKGROUND_VMS = 2;
    /** A console line comes every second at most; the first answer after a migration within a few. */
    static final long REPORT_WAIT_MS = 5000;
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
        for (Workload w : config.workloads()) plan(w, config); // fails early
    }

    @Override
    public Baseline baseline(Workload w, HostLoad load, BenchConfig config) throws InterruptedException {
        hostLoad(load);
        try (GuestSet step = guestSet("s" + (++steps))) {
            QemuProcess src = step.boot(plan(w, config).guest(), "src");
            try (GuestWork work = GuestWork.start(w.program(), src,
                    config.baselineWindow().plusMillis(WARM_UP_MS + 5000))) {
                sleep(WARM_UP_MS);
                long from = System.nanoTime();
                sleep(config.baselineWindow().toMillis());
                long to = System.nanoTime();
                ThroughputMeter.Window win = work.series(false).within(from, to)
                        .orElseThrow(() -> new IllegalStateException(w.name() + ": no " + reports(w)
                                + " in the baseline window; QEMU: " + src.logTail()));
                return new Baseline(w.name(), load, win.rate(), w.program().throughputUnit(), win.seconds() * 1000);
            }
        }
    }

    @Override
    public Measurement migrate(Workload w, HostLoad load, int point, Baseline baseline, BenchConfig config)
            throws InterruptedException {
        hostLoad(load);
        Duration offset = config.pointOffset(point);
        MigrationSpec spec = qemuSpec(w, config);
        QemuRunOptions runOptions = optionsFor(w);
        QemuMigrationPlan plan = QemuMigrationPlan.of(spec, runOptions);
        Duration stepLimit = offset.plus(plan.timeout()).plusSeconds(60);
        try (GuestSet step = guestSet("s" + (++steps))) {
            QemuProcess src = step.boot(plan.guest(), "src");
            long earliest = System.nanoTime() + Math.min(WARM_UP_MS, offset.toMillis()) * 1_000_000;
            try (GuestWork work = GuestWork.start(w.program(), src, stepLimit);
                 HostCostMeter meter = new HostCostMeter(src.pid())) {
                sleep(offset.toMillis());
                QemuProcess dst = step.launch(plan.guest(), "dst", QemuLauncher.Mode.INCOMING);
                meter.watch(dst.pid());
                work.follow(dst, plan.timeout().plusSeconds(30));
                long before = System.nanoTime();
                QemuRun run = HostCostWindow.measured(meter, src, dst,
                        new MigrationDriver(src, dst, spec, plan, runOptions, step.dir()).run());
                checkCancelled();
                MigrationResult r = run.result();
                long start = migrateCommandNanos(run, before);
                long end = endNanos(start, r, dst);
                ThroughputMeter.Windows win = windows(work, start, end, earliest, r.outcome().completed())
                        .orElseThrow(() -> new IllegalStateException(w.name() + " point " + point + ": no "
                                + reports(w) + " around the migration"));
                double overhead = win.overheadPercent(r.timing().totalTimeMs());
                r = withAssumptions(r, work.notes(win, start));
                return new Measurement(w.name(), load, point, offset.toNanos() / 1e6,
                        win.migration().seconds() * 1000, win.baselineRate(), win.migration().rate(), overhead, r);
            }
        }
    }

    /**
     * The overhead's windows ({@link ThroughputMeter#aroundMigration}) once their last report is in: waits for a
     * report after {@code end} and, for web's bins, until the last bin has closed.
     */
    private Optional<ThroughputMeter.Windows> windows(GuestWork work, long start, long end, long earliest,
                                                      boolean migrated) throws InterruptedException {
        awaitReportAfter(work, end, migrated);
        Optional<ThroughputMeter.Windows> w = ThroughputMeter.aroundMigration(work.series(migrated), start, end,
                earliest);
        if (w.isEmpty()) return w;
        long waitNanos = w.get().migration().endNanos() - System.nanoTime();
        if (waitNanos <= 0) return w;
        sleep(waitNanos / 1_000_000 + 20);
        return ThroughputMeter.aroundMigration(work.series(migrated), start, end, earliest);
    }

    /** What QEMU is told: the platform's settings on a plain 256 MiB guest, memwriter's sweep or no writes. */
    static MigrationSpec qemuSpec(Workload w, BenchConfig config) {
        MigrationSpec p = config.platform();
        var writes = w.program() == GuestProgram.MEMWRITER
                ? new SweepWrites(ByteSize.ofMiB(w.workingSetMiB()), p.memory().pageSizeBytes(), w.dirtyPagesPerSecond())
                : new NoWrites();
        return p.withMemory(GuestMemory.of(p.memory().size())).withWriteModel(writes);
    }

    /**
     * The run options for {@code w}: cpuburn and web have no write model the plan could choose their program by,
     * so the guest workload is asked for explicitly (and the result's guest line says what ran).
     */
    QemuRunOptions optionsFor(Workload w) {
        return switch (w.program()) {
            case CPUBURN -> options.withGuestWorkload(io.miglab.qemu.launch.Workload.CPUBURN);
            case HTTPD -> options.withGuestWorkload(io.miglab.qemu.launch.Workload.HTTPD);
            case IDLE, MEMWRITER -> options;
        };
    }

    private QemuMigrationPlan plan(Workload w, BenchConfig config) {
        return QemuMigrationPlan.of(qemuSpec(w, config), optionsFor(w));
    }

    private static String reports(Workload w) {
        return w.program() == GuestProgram.HTTPD ? "answers to the load generator" : "report lines on the console";
    }

    /**
     * Host time ({@code System.nanoTime}) of the {@code migrate} command, where QEMU's total-time starts: the
     * driver's first sample came {@code elapsedMs} after it. The driver sets capabilities and parameters first, which
     * takes tens of ms more on a loaded host.
     */
    static long migrateCommandNanos(QemuRun run, long calledNanos) {
        if (run.series().isEmpty()) return calledNanos;
        MigrationSample first = run.series().get(0);
        long nowNanos = System.nanoTime();
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long commandMicros = first.wallMicros() - Math.round(first.elapsedMs() * 1000);
        return Math.max(calledNanos, nowNanos - (nowMicros - commandMicros) * 1000);
    }

    /**
     * When the migration ended for the guest: QEMU's total time after the command, or, if later, the guest's first
     * console line on the destination (it runs there from then on; QEMU reports completion before that).
     */
    static long endNanos(long startNanos, MigrationResult r, QemuProcess destination) {
        long end = startNanos + (long) (r.timing().totalTimeMs() * 1e6);
        if (!r.outcome().completed()) return end;
        List<SerialLine> lines = destination.serial().lines();
        return lines.isEmpty() ? end : Math.max(end, lines.get(0).hostNanos());
    }

    /** The result with the benchmark's own lines about how the work was counted appended. */
    private static MigrationResult withAssumptions(MigrationResult r, List<String> extra) {
        if (extra.isEmpty()) return r;
        List<String> a = new ArrayList<>(r.assumptions());
        a.addAll(extra);
        return new MigrationResult(r.backend(), r.algorithm(), r.outcome(), r.timing(), r.traffic(), r.guestImpact(),
                r.fate(), r.rounds(), r.stages(), a, r.hostCost());
    }

    /**
     * Waits (at most {@value #REPORT_WAIT_MS} ms) for a report stamped after {@code nanos}, so the window can close
     * behind it.
     */
    private void awaitReportAfter(GuestWork work, long nanos, boolean migrated) throws InterruptedException {
        long deadline = System.nanoTime() + REPORT_WAIT_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            checkCancelled();
            if (work.reportedAfter(nanos, migrated)) return;
            Thread.sleep(20);
        }
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
