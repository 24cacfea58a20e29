package io.miglab.qemu.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Stage;
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
 * Post-copy whose link is cut (every connection through the relay closed) half a second after the switch, and
 * recovered: both QEMUs wait in {@code postcopy-paused}, the destination listens anew ({@code migrate-recover}),
 * the source resumes to it ({@code migrate} with {@code resume: true}). 128 MiB guests, post-copy at 20 MiB/s.
 */
@Tag("qemu")
class PostcopyRecoveryTest {
    private static final MigrationSpec SPEC = MigrationSpec.of(ByteSize.ofMiB(128), DataRate.ofMiBps(20))
            .withWriteModel(new SweepWrites(ByteSize.ofMiB(8), 4096, 1000)).withAlgorithm("postcopy");
    private static final QemuRunOptions CUT = QemuRunOptions.defaults()
            .withFailure(new InjectedFailure.LinkCutInPostcopy(Duration.ofMillis(500)));

    // Guards against losing the guest when post-copy's channel breaks (after activation neither side alone holds
    // it): recovered, the migration completes and the guest's heartbeat goes on on the destination.
    @Test
    void aCutLinkInPostcopy_isRecoveredAndTheGuestGoesOnOnTheDestination() {
        Path folder;
        String marker;
        try (QemuSession session = boot()) {
            folder = session.folder();
            marker = session.marker();
            QemuRun run = session.migrate(SPEC, CUT);
            assertRecovered(run);
            assertThat(run.guestRunsOn()).isEqualTo("destination");
            assertThat(run.result().fate().failure()).isEqualTo("link-down@post-copy, recovered");
            assertThat(run.counterContinued()).isTrue();
            assertThat(run.stageNames()).containsExactly("preparation", "reservation", "pre-copy", "stop-and-copy",
                    "activation", "post-copy", "commit");
        }
        assertThat(RealQemu.processesWith(marker)).isEmpty();
        assertThat(Files.exists(folder)).isFalse();
    }

    // Guards against a recovery that re-sends pages wrongly or skips those in flight when the link broke: the
    // destination (kept paused with -S so both RAMs can be saved) holds exactly the source's memory.
    @Test
    void aRecoveredPostcopy_leavesNoPageDifferent() {
        try (QemuSession session = boot()) {
            QemuRun run = session.migrate(SPEC, CUT.withMemoryCheck(true));
            assertRecovered(run);
            MemoryComparator.Difference diff = run.memory().orElseThrow();
            assertThat(diff.pagesCompared()).isEqualTo(ByteSize.ofMiB(128).bytes() / 4096);
            assertThat(diff.differingPages()).as("first differing %s", diff.firstDifferingPages()).isZero();
            assertThat(run.counterContinued()).isTrue();
        }
    }

    private static QemuSession boot() {
        return QemuSession.boot(RealQemu.launcher(), QemuMigrationPlan.guestFor(SPEC), Duration.ofSeconds(60));
    }

    private static void assertRecovered(QemuRun run) {
        MigrationResult r = run.result();
        assertThat(r.outcome().completed()).isTrue();
        assertThat(run.recovered()).isTrue();
        assertThat(run.failedStage()).contains(Stage.POSTCOPY);
        assertThat(r.assumptions()).anyMatch(a -> a.contains("both sides in postcopy-paused"));
        assertThat(r.assumptions()).anyMatch(a -> a.contains("recovered: migrate-recover"));
    }
}
