package io.miglab.qemu.compare;

import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.SweepWrites;
import io.miglab.qemu.calibrate.GuestCalibration;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One case of the comparison corpus: a spec run on QEMU (with {@code options}) and on the simulator (through
 * {@code GuestCalibration.observed}, what {@code miglab simulate --hypervisor qemu} makes of the observable inputs).
 *
 * @param heldOut kept out of any fitting: no constant of the qemu profile or of the calibration was fitted to it
 * @param repeats how many times the full corpus runs it on QEMU (labels {@code "... #2"} and on), for QEMU's own
 *                run-to-run spread
 */
public record GridCase(String label, Category category, MigrationSpec spec, QemuRunOptions options, boolean heldOut,
                       int repeats) {
    /** Pre-copy gives up after this long in the grid (QEMU never does by itself). */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final ByteSize WORKING_SET = ByteSize.ofMiB(64);
    /** Separates a repeat's number from the case's label. */
    static final String REPEAT_MARK = " #";

    public GridCase {
        if (label.contains(REPEAT_MARK)) throw new IllegalArgumentException("label with '" + REPEAT_MARK + "': " + label);
        if (repeats < 1) throw new IllegalArgumentException("repeats: at least 1 (got " + repeats + ")");
    }

    GridCase(String label, Category category, MigrationSpec spec) {
        this(label, category, spec, QemuRunOptions.defaults(), false, 1);
    }

    GridCase(String label, Category category, MigrationSpec spec, QemuRunOptions options) {
        this(label, category, spec, options, false, 1);
    }

    GridCase asHeldOut() {
        return new GridCase(label, category, spec, options, true, repeats);
    }

    GridCase repeated(int times) {
        return new GridCase(label, category, spec, options, heldOut, times);
    }

    /**
     * The user's spec of one run: the case's, with the writer at the rate it reached in that run where the run
     * kept the guest's MEM reports ({@link QemuMeasurement#achievedPagesPerSecond}: an observed input, like the
     * used RAM), at the nominal rate otherwise.
     */
    public MigrationSpec runSpec(OptionalLong achievedPagesPerSecond) {
        return achievedPagesPerSecond.isPresent()
                ? GuestCalibration.withWriterRate(spec, achievedPagesPerSecond.getAsLong()) : spec;
    }

    /** The label of run {@code n} (1-based): the case's own label for the first. */
    String runLabel(int n) {
        return n == 1 ? label : label + REPEAT_MARK + n;
    }

    /** The case label of a stored run's label ({@code "x #2"} -> {@code "x"}). */
    static String caseLabel(String runLabel) {
        int at = runLabel.lastIndexOf(REPEAT_MARK);
        return at > 0 && runLabel.substring(at + REPEAT_MARK.length()).matches("\\d+") ? runLabel.substring(0, at)
                : runLabel;
    }

    /** miglab's guest with {@code memoryMiB} of RAM, QEMU capped at {@code mibps}, the 64 MiB sweep at {@code pps}. */
    static MigrationSpec base(long memoryMiB, double mibps, int dirtyPagesPerSecond) {
        return base(memoryMiB, mibps, dirtyPagesPerSecond, WORKING_SET, TerminationPolicy.QEMU_DOWNTIME_LIMIT,
                TIMEOUT);
    }

    /**
     * The general case: memwriter sweeping {@code workingSet} at {@code pps} (none when 0), the downtime limit and
     * the time after which miglab cancels.
     */
    static MigrationSpec base(long memoryMiB, double mibps, int dirtyPagesPerSecond, ByteSize workingSet,
                              Duration downtimeLimit, Duration timeout) {
        MigrationSpec spec = MigrationSpec.of(ByteSize.ofMiB(memoryMiB), DataRate.ofMiBps(mibps))
                .withPolicy(TerminationPolicy.qemu(downtimeLimit, timeout));
        return dirtyPagesPerSecond == 0 ? spec
                : spec.withWriteModel(new SweepWrites(workingSet, 4096, dirtyPagesPerSecond));
    }

    /** A label's memory part: 256M, 1G, 1.5G. */
    static String memoryLabel(long memoryMiB) {
        return memoryMiB % 1024 == 0 ? memoryMiB / 1024 + "G" : memoryMiB < 1024 ? memoryMiB + "M"
                : String.format(Locale.ROOT, "%.1fG", memoryMiB / 1024.0);
    }
}
