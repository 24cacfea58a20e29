package io.miglab.qemu.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.SweepWrites;
import io.miglab.qemu.serial.HeartbeatAnalysis;
import io.miglab.qemu.testing.RealQemu;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Stop-and-copy on real QEMU: the guest paused before migrate, every page sent once, resumed on the destination. */
@Tag("qemu")
class QemuStopAndCopyTest {
    private static final ByteSize MEMORY = ByteSize.ofMiB(256);

    // Guards against a stop-and-copy that is really a live pre-copy (guest running while its pages go, downtime a
    // few ms), a destination left paused (QEMU keeps the source's paused state), and lost or stale pages.
    @Test
    void aPausedGuestIsCopiedWholeAndContinuesOnTheDestinationWithTheSameRam() {
        MigrationSpec spec = MigrationSpec.of(MEMORY, DataRate.ofMiBps(50))
                .withWriteModel(new SweepWrites(ByteSize.ofMiB(32), 4096, 5000)).withAlgorithm("stop-and-copy");
        try (QemuSession session = QemuSession.boot(RealQemu.launcher(), QemuMigrationPlan.guestFor(spec),
                Duration.ofSeconds(60))) {
            QemuRun run = session.migrate(spec, QemuRunOptions.defaults().withMemoryCheck(true));
            MigrationResult r = run.result();
            assertThat(r.outcome().completed()).isTrue();
            assertThat(r.outcome().stopReason()).isEqualTo(StopReason.NOT_ITERATIVE);
            MemoryComparator.Difference diff = run.memory().orElseThrow();
            assertThat(diff.differingPages()).as("pages differing, first %s", diff.firstDifferingPages()).isZero();
            HeartbeatAnalysis hb = run.heartbeat().orElseThrow();
            assertThat(hb.firstDestinationCounter()).isEqualTo(hb.lastSourceCounter() + 1);
            assertThat(r.timing().downtimeMs()).isGreaterThanOrEqualTo(0.9 * r.timing().totalTimeMs());
            assertThat(hb.switchGapMs()).isGreaterThanOrEqualTo(0.9 * r.timing().totalTimeMs());
            assertThat(r.timing().precopyTimeMs()).isZero();
            assertThat(r.rounds()).isEmpty();
            assertThat(r.traffic().stopCopyBytes()).isEqualTo(r.traffic().bytesTransferred()).isPositive();
            assertThat(run.stageNames()).contains("stop-and-copy").doesNotContain("pre-copy");
            assertThat(r.assumptions()).anyMatch(a -> a.startsWith("stop-and-copy: guest paused"));
        }
    }
}
