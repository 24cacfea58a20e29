package io.miglab.qemu.compare;

import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.SweepWrites;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One spec run on both QEMU (with {@code options}) and the simulator. */
public record GridCase(String label, MigrationSpec spec, QemuRunOptions options) {
    GridCase(String label, MigrationSpec spec) {
        this(label, spec, QemuRunOptions.defaults());
    }

    /** Pre-copy gives up after this long in the grid (QEMU never does by itself). */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final ByteSize WORKING_SET = ByteSize.ofMiB(64);

    static MigrationSpec base(long memoryMiB, double mibps, int dirtyPagesPerSecond) {
        MigrationSpec spec = MigrationSpec.of(ByteSize.ofMiB(memoryMiB), DataRate.ofMiBps(mibps))
                .withPolicy(TerminationPolicy.qemu(TerminationPolicy.QEMU_DOWNTIME_LIMIT, TIMEOUT));
        return dirtyPagesPerSecond == 0 ? spec
                : spec.withWriteModel(new SweepWrites(WORKING_SET, 4096, dirtyPagesPerSecond));
    }

    /**
     * The grid: pre-copy at 256 MiB and 1 GiB, 10 and 100 MiB/s, 0, 1,000 and 5,000 pages/s over a 64 MiB sweep;
     * then post-copy (with and without postcopy-preempt), hybrid, auto-converge (with the same case without it) and
     * XBZRLE.
     */
    public static List<GridCase> standard() {
        List<GridCase> cases = new ArrayList<>();
        for (long mem : new long[] {256, 1024}) {
            for (double bw : new double[] {100, 10}) {
                for (int pps : new int[] {0, 1000, 5000}) {
                    cases.add(new GridCase(String.format("precopy %s %.0fMiB/s %d pps", mem == 256 ? "256M" : "1G",
                            bw, pps), base(mem, bw, pps)));
                }
            }
        }
        cases.add(new GridCase("postcopy 256M 100MiB/s 5000 pps", base(256, 100, 5000).withAlgorithm("postcopy")));
        cases.add(new GridCase("postcopy 256M 10MiB/s 1000 pps", base(256, 10, 1000).withAlgorithm("postcopy")));
        cases.add(new GridCase("postcopy+preempt 256M 10MiB/s 1000 pps",
                base(256, 10, 1000).withAlgorithm("postcopy"), QemuRunOptions.defaults().withPostcopyPreempt(true)));
        cases.add(new GridCase("hybrid(2 rounds) 256M 10MiB/s 5000 pps", base(256, 10, 5000).withAlgorithm("hybrid")
                .withPostCopy(new PostCopyOptions(2, Optional.empty(), 0))));
        MigrationSpec fast = base(256, 100, 50_000)
                .withPolicy(TerminationPolicy.qemu(TerminationPolicy.QEMU_DOWNTIME_LIMIT, Duration.ofSeconds(10)));
        cases.add(new GridCase("precopy 256M 100MiB/s 50000 pps", fast));
        cases.add(new GridCase("auto-converge(99) 256M 100MiB/s 50000 pps",
                fast.withAutoConverge(Optional.of(new AutoConverge(99, 1, 99, 50)))));
        cases.add(new GridCase("xbzrle 256M 100MiB/s 50000 pps", fast.withOptimisations(new Optimisations(true,
                Optional.of(Optimisations.Xbzrle.qemuDefaults()), Optional.empty()))));
        return cases;
    }
}
