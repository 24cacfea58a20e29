package io.miglab.core.sim;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.write.SweepWrites;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A writer whose starting point is unknown ({@link io.miglab.core.write.WriteModel#phaseUnknown}): the migration
 * run with the writer starting at each of {@link SweepWrites#MEDIAN_PHASES} evenly spaced points of its cycle, and
 * the run at the median total time taken, a whole run (its rounds, bytes and downtime belong together). A sweep
 * that has run since boot stands anywhere in its array when the migration starts; which pages are left for the last
 * rounds, and so whether a round ends under the threshold, turns on where (docs/qemu-vs-sim.md, "the sweep's
 * starting position").
 */
public final class WriterPhases {
    private WriterPhases() {
    }

    /** Every phase's run, fastest first; the median is the middle one. */
    public static List<MigrationResult> runs(MigrationSpec spec, Function<MigrationSpec, MigrationResult> migrate) {
        int n = SweepWrites.MEDIAN_PHASES;
        List<MigrationResult> runs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            runs.add(migrate.apply(spec.withWriteModel(spec.writeModel().atPhase((double) i / n))));
        }
        // stable: equal times keep the phases' order, so the choice is deterministic
        runs.sort(Comparator.comparingDouble(r -> r.timing().totalTimeMs()));
        return runs;
    }

    public static MigrationResult median(MigrationSpec spec, Function<MigrationSpec, MigrationResult> migrate) {
        return median(runs(spec, migrate));
    }

    /** The middle of {@link #runs}' list (odd, fastest first). */
    public static MigrationResult median(List<MigrationResult> runs) {
        return runs.get(runs.size() / 2);
    }
}
