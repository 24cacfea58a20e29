package io.miglab.qemu.compare;

import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.PacedWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.WorkingSetWrites;
import io.miglab.core.write.WriteModel;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The grid's cases for QEMU's capabilities beside plain pre-copy: auto-converge against a writer paced by the clock
 * and a CPU-bound one (each sweeping its array or writing at random within it), XBZRLE with caches smaller and
 * larger than the working set, and multifd with 2 and 4 channels. Every input is one a user can observe: the
 * guest's RAM, the writer's array, rate, order and pacing (its catch-up after a stall; 0 for CPU-bound), and QEMU's
 * parameters.
 */
public final class CapabilityCases {
    /**
     * QEMU parameters of the auto-converge cases: cpu-throttle-initial 30, increment 20, max 99, threshold 50; the
     * corpus runs QEMU under TCG, whose dirty sync waits for a throttled vCPU ({@link AutoConverge#syncWaitsForVcpu}).
     */
    static final AutoConverge THROTTLE = new AutoConverge(30, 20, 99, 50, true);
    /** memwriter's backlog in the paced cases (its default CATCHUP_MS). */
    static final Duration PACED = Duration.ofMillis(100);
    /**
     * An XBZRLE delta of memwriter's write: it changes one 8-byte word at the start of a page, which xbzrle.c
     * encodes as a zero run of length 0 and a non-zero run of at most 8 bytes (one uleb128 byte each, the trailing
     * zero run omitted): 10 bytes of the page.
     */
    static final double MEMWRITER_DELTA = 10.0 / 4096;

    /** The guest may take this long to boot under TCG on a loaded host (60 s was not always enough). */
    static final QemuRunOptions OPTIONS = QemuRunOptions.defaults().withReadyTimeout(Duration.ofSeconds(180));

    private CapabilityCases() {
    }

    public static List<GridCase> all() {
        List<GridCase> cases = new ArrayList<>(autoConverge());
        cases.addAll(xbzrle());
        cases.addAll(multifd());
        return cases;
    }

    /** Three writers, each paced (catch-up 100 ms) and CPU-bound (catch-up 0). */
    public static List<GridCase> autoConverge() {
        List<GridCase> cases = new ArrayList<>();
        for (Duration catchUp : new Duration[] {PACED, Duration.ZERO}) {
            String pacing = catchUp.isZero() ? "cpu-bound" : "paced";
            cases.add(ac(pacing, 256, 32, sweep(32, 12_000), catchUp, "sweep 32M 12000 pps"));
            cases.add(ac(pacing, 256, 32, random(32, 12_000), catchUp, "random 32M 12000 pps"));
            cases.add(ac(pacing, 256, 16, sweep(16, 8_000), catchUp, "sweep 16M 8000 pps"));
        }
        // held out, at another size, rate and array: does what holds at 256 MiB carry over? (nothing fitted to them)
        cases.add(ac("cpu-bound", 512, 32, random(48, 12_000), Duration.ZERO, "random 48M 12000 pps").asHeldOut());
        cases.add(ac("paced", 512, 32, sweep(24, 10_000), PACED, "sweep 24M 10000 pps").asHeldOut());
        // held out, added with the sweep's unknown starting point (SweepWrites, median of the phases): a sweep whose
        // end game turns on that point, at a size, rate and array not run before
        cases.add(ac("cpu-bound", 512, 24, sweep(48, 10_000), Duration.ZERO, "sweep 48M 10000 pps").asHeldOut());
        return cases;
    }

    /** Caches smaller and larger than the working set, sweeping and random writers. */
    public static List<GridCase> xbzrle() {
        return List.of(
                xb(16, 256, 20, sweep(64, 2_000), "sweep 64M 2000 pps"),
                xb(16, 256, 20, random(32, 4_000), "random 32M 4000 pps"),
                xb(128, 256, 20, sweep(64, 5_000), "sweep 64M 5000 pps"),
                xb(64, 256, 20, random(16, 5_000), "random 16M 5000 pps"),
                // held out, other sizes and rates (nothing fitted to them)
                xb(32, 512, 40, random(64, 6_000), "random 64M 6000 pps").asHeldOut(),
                xb(256, 1024, 30, sweep(96, 6_000), "sweep 96M 6000 pps").asHeldOut());
    }

    /** 2 and 4 channels, an idle guest and a sweeping writer. */
    public static List<GridCase> multifd() {
        List<GridCase> cases = new ArrayList<>();
        for (int channels : new int[] {2, 4}) {
            cases.add(mf(channels, 256, 50, new NoWrites(), "idle"));
            cases.add(mf(channels, 256, 20, sweep(64, 5_000), "sweep 64M 5000 pps"));
        }
        // held out, other sizes and rates (nothing fitted to them)
        cases.add(mf(2, 1024, 100, sweep(128, 10_000), "sweep 128M 10000 pps").asHeldOut());
        cases.add(mf(4, 512, 40, random(32, 8_000), "random 32M 8000 pps").asHeldOut());
        // held out, added with the sweep's unknown starting point (as above)
        cases.add(mf(4, 512, 30, sweep(96, 6_000), "sweep 96M 6000 pps").asHeldOut());
        return cases;
    }

    private static GridCase ac(String pacing, long memMiB, double mibps, WriteModel writes, Duration catchUp,
                               String what) {
        MigrationSpec spec = GridCase.base(memMiB, mibps, 0).withWriteModel(new PacedWrites(writes, catchUp))
                .withAutoConverge(Optional.of(THROTTLE));
        return new GridCase(String.format(Locale.ROOT, "auto-converge %s %s %.0fMiB/s %s", pacing, size(memMiB),
                mibps, what),
                catchUp.isZero() ? Category.AUTO_CONVERGE_CPU_BOUND : Category.AUTO_CONVERGE_PACED, spec, OPTIONS);
    }

    private static GridCase xb(int cacheMiB, long memMiB, double mibps, WriteModel writes, String what) {
        MigrationSpec spec = GridCase.base(memMiB, mibps, 0).withWriteModel(new PacedWrites(writes, PACED))
                .withOptimisations(new Optimisations(true, Optional.of(new Optimisations.Xbzrle(
                        ByteSize.ofMiB(cacheMiB), MEMWRITER_DELTA)),
                        Optional.empty()));
        return new GridCase(String.format(Locale.ROOT, "xbzrle cache %dM %s %.0fMiB/s %s", cacheMiB, size(memMiB),
                mibps, what),
                Category.XBZRLE, spec, OPTIONS);
    }

    private static GridCase mf(int channels, long memMiB, double mibps, WriteModel writes, String what) {
        MigrationSpec spec = GridCase.base(memMiB, mibps, 0).withWriteModel(writes instanceof NoWrites
                ? writes : new PacedWrites(writes, PACED))
                .withOptimisations(Optimisations.defaults().withMultifdChannels(channels));
        return new GridCase(String.format(Locale.ROOT, "multifd %d channels %s %.0fMiB/s %s", channels,
                size(memMiB), mibps, what), Category.MULTIFD, spec, OPTIONS);
    }

    /** A guest's RAM as the labels write it: 256M, 512M, 1G. */
    private static String size(long memMiB) {
        return memMiB % 1024 == 0 ? memMiB / 1024 + "G" : memMiB + "M";
    }

    private static WriteModel sweep(int mib, int pps) {
        return new SweepWrites(ByteSize.ofMiB(mib), 4096, pps);
    }

    private static WriteModel random(int mib, int pps) {
        return new WorkingSetWrites(ByteSize.ofMiB(mib), 4096, pps, 0);
    }
}
