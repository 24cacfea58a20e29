package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.Specs;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.SweepWrites;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Raising the dirty rate must never make pre-copy faster. */
class DirtyRateMonotonicityPropertyTest {
    private final PageLevelSimulator sim = new PageLevelSimulator();

    /** Guards the round and convergence logic against a faster migration for a busier guest. */
    @Property(tries = 40)
    void higherDirtyRateNeverLowersPrecopyTotalTime(@ForAll @IntRange(min = 64, max = 512) int memoryMiB,
                                                    @ForAll @IntRange(min = 8, max = 512) int workingSetMiB,
                                                    @ForAll @IntRange(min = 0, max = 30_000) int rate,
                                                    @ForAll @IntRange(min = 1, max = 10_000) int extra) {
        MigrationSpec base = Specs.idle(memoryMiB + "M", "100MiB/s")
                .withPolicy(TerminationPolicy.qemu(Duration.ofMillis(300), Duration.ofSeconds(120)));
        ByteSize ws = ByteSize.ofMiB(Math.min(workingSetMiB, memoryMiB));
        MigrationResult slower = sim.migrate(base.withWriteModel(new SweepWrites(ws, Specs.PAGE, rate)));
        MigrationResult faster = sim.migrate(base.withWriteModel(new SweepWrites(ws, Specs.PAGE, rate + extra)));
        if (slower.outcome().completed() && faster.outcome().completed()) {
            assertThat(faster.timing().totalTimeMs()).isGreaterThanOrEqualTo(slower.timing().totalTimeMs());
        } else {
            // a busier guest may fail to converge, never the other way round
            assertThat(faster.outcome().completed()).isFalse();
        }
    }
}
