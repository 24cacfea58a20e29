package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.MigrationBackend;
import io.miglab.core.link.Link;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The post-copy phase has its own cap: QEMU does not apply max-bandwidth to it (max-postcopy-bandwidth, 0 = none). */
class PostCopyCapTest {
    // Guards against post-copy being capped by the pre-copy cap under the qemu profile: an idle 1 GiB guest over
    // 1 GiB/s with QEMU's 128 MiB/s cap pushes its pages at the link's rate, in both engines; with a post-copy cap
    // the push keeps to it until the rest fits the downtime limit.
    @Test
    void underTheQemuProfile_postCopyRunsAtTheLinksRate() {
        DataRate link = DataRate.ofMiBps(1024);
        MigrationSpec qemu = HypervisorProfiles.standard().get("qemu").specFor(
                io.miglab.core.memory.GuestMemory.of(ByteSize.ofGiB(1)), new io.miglab.core.write.NoWrites(), link,
                Duration.ZERO, 1).withAlgorithm("postcopy");
        assertThat(qemu.link().effectiveBandwidth()).isEqualTo(HypervisorProfiles.QEMU_MAX_BANDWIDTH);
        assertThat(qemu.link().postCopyBandwidth()).isEqualTo(link);
        MigrationSpec capped = qemu.withLink(new Link(link, Duration.ZERO, Optional.of(DataRate.ofMiBps(128))));
        double pages = ByteSize.ofGiB(1).bytes() / 4096 * 4104.0;
        for (MigrationBackend engine : List.<MigrationBackend>of(new PageLevelSimulator(), new ClosedFormPredictor())) {
            MigrationResult free = engine.migrate(qemu);
            MigrationResult slow = engine.migrate(capped);
            // the push dominates: 1 GiB at 1 GiB/s, or as fast as the destination places its pages, against 1 GiB
            // at 128 MiB/s
            double placed = ByteSize.ofGiB(1).bytes() / 4096 * HypervisorProfiles.QEMU_POSTCOPY_PLACEMENT.toNanos() / 1e9;
            assertThat(free.timing().totalTimeMs() / 1000).as(engine.name())
                    .isCloseTo(Math.max(pages / link.bytesPerSecond(), placed), within(0.05));
            // capped, but the last pages pending (cap x downtime limit) go at the link's rate: QEMU completes
            // post-copy as it completes pre-copy (MigrationSpec.postCopyCompletionBytes)
            double tail = capped.postCopyCompletionBytes() / 4096 * 4104.0;
            assertThat(tail).isCloseTo(0.3 * DataRate.ofMiBps(128).bytesPerSecond() * 4104 / 4096, within(1.0));
            assertThat(slow.timing().totalTimeMs() / 1000).as(engine.name())
                    .isCloseTo((pages - tail) / DataRate.ofMiBps(128).bytesPerSecond() + tail / link.bytesPerSecond(),
                            within(0.02));
        }
    }
}
