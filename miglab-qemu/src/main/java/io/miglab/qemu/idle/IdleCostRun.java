package io.miglab.qemu.idle;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.qemu.host.HostCostMeter;
import io.miglab.qemu.host.IdleCost;
import io.miglab.qemu.host.ProcSampler;
import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.launch.Workload;
import io.miglab.qemu.migrate.QemuSession;
import java.time.Duration;

/**
 * The idle cost of a VM: boots one guest running {@code workload}, lets it settle, then samples its QEMU from
 * /proc over a window while nothing migrates (host CPU, resident memory, threads), and stops it. The host-cost
 * table of docs/bench.md is made with it ({@code miglab host-cost}).
 */
public final class IdleCostRun {
    /** After READY the guest's programs start; the first second is not their steady state. */
    public static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private IdleCostRun() { }

    /**
     * @param memory        the guest's RAM
     * @param workingSetMiB memwriter's array
     * @param dirtyPagesPerSecond memwriter's rate
     */
    public static IdleCost measure(QemuLauncher launcher, Workload workload, ByteSize memory, int workingSetMiB,
                                   int dirtyPagesPerSecond, Duration window) {
        checkWindow(window);
        GuestConfig guest = guest(workload, memory, workingSetMiB, dirtyPagesPerSecond);
        try (QemuSession session = QemuSession.boot(launcher, guest, READY_TIMEOUT)) {
            sleep(SETTLE);
            return HostCostMeter.idle(session.source().pid(), window, ProcSampler.DEFAULT_INTERVAL);
        }
    }

    /** The guest for {@code workload}; bad sizes or rates fail here, before anything starts. */
    public static GuestConfig guest(Workload workload, ByteSize memory, int workingSetMiB, int dirtyPagesPerSecond) {
        return new GuestConfig(memory, workload, workload == Workload.MEMWRITER ? workingSetMiB : 1,
                workload == Workload.MEMWRITER ? dirtyPagesPerSecond : 0);
    }

    public static void checkWindow(Duration window) {
        InvalidSpecException.require(window.toMillis() >= 500 && window.toSeconds() <= 3600, "window",
                "500ms to 1h", window);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
