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
            cases.add(ac(pacing, 32, sweep(32, 12_000), catchUp, "sweep 32M 12000 pps"));
            cases.add(ac(pacing, 32, random(32, 12_000), catchUp, "random 32M 12000 pps"));
            cases.add(ac(pacing, 16, sweep(16, 8_000), catchUp, "sweep 16M 8000 pps"));
        }
        return cases;
    }

    /** Caches smaller and larger than the working set, sweeping and random writers. */
    public static List<GridCase> xbzrle() {
        return List.of(
                xb(16, 20, sweep(64, 2_000), "sweep 64M 2000 pps"),
                xb(16, 20, random(32, 4_000), "random 32M 4000 pps"),
                xb(128, 20, sweep(64, 5_000), "sweep 64M 5000 pps"),
                xb(64, 20, random(16, 5_000), "random 16M 5000 pps"));
    }

    /** 2 and 4 channels, an idle guest and a sweeping writer. */
    public static List<GridCase> multifd() {
        List<GridCase> cases = new ArrayList<>();
        for (int channels : new int[] {2, 4}) {
            cases.add(mf(channels, 50, new NoWrites(), "idle"));
            cases.add(mf(channels, 20, sweep(64, 5_000), "sweep 64M 5000 pps"));
        }
        return cases;
    }

    private static GridCase ac(String pacing, double mibps, WriteModel writes, Duration catchUp, String what) {
        MigrationSpec spec = GridCase.base(256, mibps, 0).withWriteModel(new PacedWrites(writes, catchUp))
                .withAutoConverge(Optional.of(THROTTLE));
        return new GridCase(String.format(Locale.ROOT, "auto-converge %s 256M %.0fMiB/s %s", pacing, mibps, what),
                catchUp.isZero() ? Category.AUTO_CONVERGE_CPU_BOUND : Category.AUTO_CONVERGE_PACED, spec, OPTIONS);
    }

    private static GridCase xb(int cacheMiB, double mibps, WriteModel writes, String what) {
        MigrationSpec spec = GridCase.base(256, mibps, 0).withWriteModel(new PacedWrites(writes, PACED))
                .withOptimisations(new Optimisations(true, Optional.of(new Optimisations.Xbzrle(
                        ByteSize.ofMiB(cacheMiB), MEMWRITER_DELTA)),
                        Optional.empty()));
        return new GridCase(String.format(Locale.ROOT, "xbzrle cache %dM 256M %.0fMiB/s %s", cacheMiB, mibps, what),
                Category.XBZRLE, spec, OPTIONS);
    }

    private static GridCase mf(int channels, double mibps, WriteModel writes, String what) {
        MigrationSpec spec = GridCase.base(256, mibps, 0).withWriteModel(writes instanceof NoWrites
                ? writes : new PacedWrites(writes, PACED))
                .withOptimisations(Optimisations.defaults().withMultifdChannels(channels));
        return new GridCase(String.format(Locale.ROOT, "multifd %d channels 256M %.0fMiB/s %s", channels, mibps,
                what), Category.MULTIFD, spec, OPTIONS);
    }

    private static WriteModel sweep(int mib, int pps) {
        return new SweepWrites(ByteSize.ofMiB(mib), 4096, pps);
    }

    private static WriteModel random(int mib, int pps) {
        return new WorkingSetWrites(ByteSize.ofMiB(mib), 4096, pps, 0);
    }
}
