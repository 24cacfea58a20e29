package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.MigrationBackend;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stop-and-copy with no pre-copy round before it is sent at the capped rate (QEMU's rate-limited iteration sends a
 * guest paused before migrate); only the switch-over after pre-copy rounds is uncapped.
 */
class StopAndCopyCapTest {
    // Guards against stop-and-copy under the qemu profile taking memory / link (the loopback's 575 MiB/s in the QEMU
    // guest's calibration) instead of memory / cap, which real QEMU showed: 256 MiB at 25 MiB/s took 5 s, not 0.2 s.
    @Test
    void underTheQemuProfile_stopAndCopyRunsAtTheCap() {
        DataRate link = DataRate.ofMiBps(1024);
        MigrationSpec spec = HypervisorProfiles.standard().get("qemu").specFor(GuestMemory.of(ByteSize.ofGiB(1)),
                new NoWrites(), link, Duration.ZERO, 1).withAlgorithm("stop-and-copy");
        double cap = spec.link().effectiveBandwidth().bytesPerSecond();
        assertThat(cap).isLessThan(link.bytesPerSecond());
        double pages = ByteSize.ofGiB(1).bytes() / 4096 * 4104.0;
        for (MigrationBackend engine : List.<MigrationBackend>of(new PageLevelSimulator(), new ClosedFormPredictor())) {
            var r = engine.migrate(spec);
            assertThat(r.timing().downtimeMs() / 1000).as(engine.name()).isCloseTo(pages / cap, within(0.3));
            assertThat(r.timing().downtimeMs()).as(engine.name()).isCloseTo(r.timing().totalTimeMs(), within(500.0));
        }
    }
}
