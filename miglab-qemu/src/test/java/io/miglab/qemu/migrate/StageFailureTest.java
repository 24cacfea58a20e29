package io.miglab.qemu.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Stage;
import io.miglab.core.result.StageStats;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.VmLocation;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.SweepWrites;
import io.miglab.qemu.testing.RealQemu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A failure injected at each stage before commit, on real QEMU: the protocol says the source is primary until
 * commit, so each time the guest's heartbeat must go on on the source, the run must name the stage, and the
 * source must be migratable again. One 128 MiB guest with a slow writer (200 pages/s) serves all four.
 */
@Tag("qemu")
class StageFailureTest {
    private static final MigrationSpec FAST = MigrationSpec.of(ByteSize.ofMiB(128), DataRate.ofMiBps(100))
            .withWriteModel(new SweepWrites(ByteSize.ofMiB(8), 4096, 200));

    // Guards against losing or stopping the guest when the destination fails before commit, at each of the
    // stages reservation, pre-copy, stop-and-copy (pause-before-switchover) and commit (destination -S, no cont),
    // and against a stage table that names another stage than the one that failed.
    @Test
    void aFailureBeforeCommit_leavesTheGuestRunningOnTheSource_atEachStage() {
        String marker;
        Path folder;
        try (QemuSession session = QemuSession.boot(RealQemu.launcher(), QemuMigrationPlan.guestFor(FAST),
                Duration.ofSeconds(60))) {
            marker = session.marker();
            folder = session.folder();

            QemuRun reservation = session.migrate(FAST, with(new InjectedFailure.BeforeMigrate()));
            assertFailedOnSource(reservation, "reservation");

            MigrationSpec slow = MigrationSpec.of(ByteSize.ofMiB(128), DataRate.ofMiBps(8))
                    .withWriteModel(FAST.writeModel());
            QemuRun precopy = session.migrate(slow, with(new InjectedFailure.DuringPrecopy(Duration.ofMillis(800))));
            assertFailedOnSource(precopy, "pre-copy");
            assertThat(precopy.stages().get(2).bytes()).isPositive();

            QemuRun switchover = session.migrate(FAST, with(new InjectedFailure.AtSwitchover(true)));
            assertFailedOnSource(switchover, "stop-and-copy");
            assertThat(switchover.series()).anyMatch(s -> s.status().equals("pre-switchover"));
            assertThat(switchover.finalStatus()).isEqualTo("cancelled");

            QemuRun commit = session.migrate(FAST, with(new InjectedFailure.BeforeCommit()));
            assertFailedOnSource(commit, "commit");
            assertThat(commit.finalStatus()).isEqualTo("completed"); // QEMU's part was done; the protocol's was not

            // and the source still migrates, its guest going on on the destination
            QemuRun after = session.migrate(FAST, QemuRunOptions.defaults());
            assertThat(after.result().outcome().completed()).isTrue();
            assertThat(after.guestRunsOn()).isEqualTo("destination");
            assertThat(after.stageNames()).containsExactly("preparation", "reservation", "pre-copy",
                    "stop-and-copy", "commit", "activation");
        }
        assertThat(RealQemu.processesWith(marker)).isEmpty();
        assertThat(Files.exists(folder)).isFalse();
    }

    private static QemuRunOptions with(InjectedFailure f) {
        return QemuRunOptions.defaults().withFailure(f);
    }

    private static void assertFailedOnSource(QemuRun run, String stage) {
        MigrationResult r = run.result();
        assertThat(r.outcome().completed()).as(stage).isFalse();
        assertThat(r.outcome().stopReason()).as(stage).isEqualTo(StopReason.ABORTED);
        assertThat(run.failedStage().map(Stage::label)).as(stage).contains(stage);
        assertThat(run.stageNames()).as(stage).last().isEqualTo(stage);
        assertThat(run.guestRunsOn()).as(stage).isEqualTo("source");
        assertThat(run.sourceRunState()).as(stage).isEqualTo("running");
        assertThat(run.heartbeat()).as(stage).isEmpty();
        // the same in the common result
        assertThat(r.fate().vmRunsOn()).as(stage).isEqualTo(VmLocation.SOURCE);
        assertThat(r.fate().failedStage()).as(stage).isEqualTo(stage);
        assertThat(r.fate().wastedTimeMs()).as(stage).isPositive();
        assertThat(r.stages()).as(stage).last().extracting(StageStats::stage).isEqualTo(stage);
    }
}
