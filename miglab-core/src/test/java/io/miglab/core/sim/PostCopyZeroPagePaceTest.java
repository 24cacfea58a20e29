package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.MigrationBackend;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Overheads;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The post-copy push's pace per zero page is the slower of the source's check and the destination's placement
 * (MigrationSpec.postCopyZeroPageSeconds): on a host where reading never-touched guest RAM faults, the check sets it.
 */
class PostCopyZeroPagePaceTest {
    private static final Duration SLOW = Duration.ofNanos(6_000);

    // Guards against the push ignoring the source's zero-page check (it did: an idle 1 GiB guest's uncapped
    // post-copy took 1,812 ms on the slower host, the simulator said 410 with a 6 us check): the check and the
    // placement at 6 us give the same push, in the page-level simulator and the closed form, and it is the
    // placement-bound one's plus each zero page's extra 4.9 us
    @Test
    void theSlowerOfTheCheckAndThePlacementSetsThePace() {
        MigrationSpec base = HypervisorProfiles.standard().get("qemu").specFor(
                GuestMemory.of(ByteSize.ofGiB(1)).withZeroPageShare(0.9), new NoWrites(), DataRate.ofMiBps(1024),
                Duration.ZERO, 1).withAlgorithm("postcopy");
        Overheads o = base.overheads();
        MigrationSpec checkBound = base.withOverheads(o.withSwitchOver(SLOW, o.switchOverRate()));
        MigrationSpec placeBound = base.withOverheads(o.withPostCopyPlacement(SLOW));
        assertThat(checkBound.postCopyZeroPageSeconds()).isEqualTo(6e-6);
        assertThat(base.postCopyZeroPageSeconds()).isEqualTo(HypervisorProfiles.QEMU_POSTCOPY_PLACEMENT.toNanos() / 1e9);
        double zeroPages = ByteSize.ofGiB(1).bytes() / 4096 * 0.9;
        for (MigrationBackend engine : List.<MigrationBackend>of(new PageLevelSimulator(), new ClosedFormPredictor())) {
            double fast = engine.migrate(base).timing().totalTimeMs();
            double check = engine.migrate(checkBound).timing().totalTimeMs();
            double place = engine.migrate(placeBound).timing().totalTimeMs();
            assertThat(check).as(engine.name()).isCloseTo(place, within(place * 0.01));
            assertThat(check - fast).as(engine.name())
                    .isCloseTo(zeroPages * (6.0 - 1.1) / 1000, within(zeroPages * 4.9 / 1000 * 0.05));
        }
    }
}
