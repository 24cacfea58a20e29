package io.miglab.qemu.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.link.Link;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.SweepWrites;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.serial.HeartbeatAnalysis;
import io.miglab.qemu.testing.RealQemu;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real live migrations between two QEMUs (TCG) with the miglab guest, 256 MiB each. Every test boots one source
 * (about 4 s) and stays under 30 s; cases that can share a source do so.
 */
@Tag("qemu")
class QemuMigrationTest {
    private static final ByteSize MEMORY = ByteSize.ofMiB(256);
    private static final Duration READY = Duration.ofSeconds(60);

    private static MigrationSpec spec(double mibps, int dirtyPagesPerSecond) {
        MigrationSpec spec = MigrationSpec.of(MEMORY, DataRate.ofMiBps(mibps));
        return dirtyPagesPerSecond == 0 ? spec
                : spec.withWriteModel(new SweepWrites(ByteSize.ofMiB(64), 4096, dirtyPagesPerSecond));
    }

    private static QemuSession boot(MigrationSpec spec) {
        QemuLauncher launcher = RealQemu.launcher();
        return QemuSession.boot(launcher, QemuMigrationPlan.guestFor(spec), READY);
    }

    // Guards against a migration reported complete whose guest did not really continue on the destination (a
    // restarted guest would count from 0), and against misreading QEMU's figures.
    @Test
    void anIdleGuestMigratesAndItsHeartbeatContinuesOnTheDestination() {
        MigrationSpec spec = spec(100, 0);
        try (QemuSession session = boot(spec)) {
            QemuRun run = session.migrate(spec, QemuRunOptions.defaults());
            MigrationResult r = run.result();
            assertThat(r.backend()).isEqualTo("qemu");
            assertThat(r.outcome().completed()).isTrue();
            assertThat(r.outcome().converged()).isTrue();
            assertThat(r.outcome().stopReason()).isEqualTo(StopReason.DOWNTIME_LIMIT_MET);
            HeartbeatAnalysis hb = run.heartbeat().orElseThrow();
            assertThat(hb.firstDestinationCounter()).isEqualTo(hb.lastSourceCounter() + 1);
            assertThat(hb.switchGapMs()).isPositive();
            assertThat(run.sourceRunState()).isEqualTo("postmigrate");
            assertThat(run.qemuVersion()).matches("(9|[1-9][0-9])\\..*");
            // every guest page went over at least once, most of a fresh guest as zero pages
            assertThat(r.traffic().pagesTransferred()).isGreaterThanOrEqualTo(MEMORY.bytes() / 4096);
            assertThat(r.traffic().zeroPages()).isGreaterThan(r.traffic().pagesTransferred() / 4);
            assertThat(r.traffic().bytesTransferred()).isLessThan(MEMORY.bytes());
            assertThat(r.traffic().precopyBytes() + r.traffic().stopCopyBytes())
                    .isCloseTo(r.traffic().bytesTransferred(), org.assertj.core.data.Percentage.withPercentage(2));
            assertThat(r.timing().totalTimeMs()).isGreaterThan(r.timing().downtimeMs()).isGreaterThan(0);
            assertThat(r.rounds()).isNotEmpty();
            assertThat(run.last().status()).isEqualTo("completed");
            assertThat(r.assumptions()).anyMatch(a -> a.contains("counter continued"));
        }
    }

    // Guards against a migration that loses or corrupts guest memory (QEMU 7.2 under TCG did, see the recipe), and
    // against a relay closed when the source reports completed while it still holds the stream's last one-way delay
    // (pre-copy through any round trip of 20 ms or more failed: "load of migration failed" on the destination).
    @Test
    void aMemwriterGuestMigratedWithPrecopyThroughA50msRoundTripHasTheSameRamOnTheDestination() {
        MigrationSpec spec = spec(100, 5000)
                .withLink(new Link(DataRate.ofMiBps(100), Duration.ofMillis(50), Optional.empty()));
        try (QemuSession session = boot(spec)) {
            QemuRun run = session.migrate(spec, QemuRunOptions.defaults().withMemoryCheck(true));
            assertThat(run.result().outcome().completed()).isTrue();
            MemoryComparator.Difference diff = run.memory().orElseThrow();
            assertThat(diff.pagesCompared()).isEqualTo(MEMORY.bytes() / 4096);
            assertThat(diff.differingPages()).as("pages differing, first %s", diff.firstDifferingPages()).isZero();
            assertThat(run.counterContinued()).isTrue();
            assertThat(run.result().rounds()).isNotEmpty();
        }
    }

    // Guards against post-copy being silently run as pre-copy, or its bytes booked to the wrong phase, and against
    // a latency relay that breaks the stream or its return path (post-copy's page requests travel back on it).
    @Test
    void postcopyThroughALatencyRelayCompletesAndTheGuestContinuesOnTheDestination() {
        MigrationSpec spec = spec(100, 5000).withAlgorithm("postcopy")
                .withLink(new Link(DataRate.ofMiBps(100), Duration.ofMillis(20), Optional.empty()));
        try (QemuSession session = boot(spec)) {
            QemuRun run = session.migrate(spec, QemuRunOptions.defaults());
            MigrationResult r = run.result();
            assertThat(r.outcome().completed()).isTrue();
            assertThat(r.outcome().stopReason()).isEqualTo(StopReason.NOT_ITERATIVE);
            assertThat(run.series()).anyMatch(s -> s.status().equals("postcopy-active"));
            assertThat(r.traffic().postcopyBytes()).isGreaterThan(r.traffic().precopyBytes());
            assertThat(r.rounds()).isEmpty();
            assertThat(r.guestImpact().postcopyFaults()).isPositive();
            assertThat(run.counterContinued()).isTrue();
            assertThat(r.assumptions()).anyMatch(a -> a.contains("latency 20 ms round trip"));
        }
    }

    // Guards against a non-converging migration that runs for ever or leaves the guest dead when cancelled, and
    // against auto-converge settings that never reach QEMU.
    @Test
    void aGuestDirtyingFasterThanTheLinkIsCancelledAndConvergesWithAutoConverge() {
        // 50,000 pages/s over a 64 MiB array re-dirties all of it every pass; 100 MiB/s x 300 ms is only 30 MiB
        MigrationSpec spec = spec(100, 50_000)
                .withPolicy(TerminationPolicy.qemu(Duration.ofMillis(300), Duration.ofSeconds(4)));
        try (QemuSession session = boot(spec)) {
            QemuRun cancelled = session.migrate(spec, QemuRunOptions.defaults());
            MigrationResult r = cancelled.result();
            assertThat(r.outcome().converged()).isFalse();
            assertThat(r.outcome().completed()).isFalse();
            assertThat(r.outcome().stopReason()).isEqualTo(StopReason.TIMEOUT);
            assertThat(cancelled.finalStatus()).isEqualTo("cancelled");
            assertThat(cancelled.sourceStillRunning()).isTrue();
            assertThat(r.assumptions()).anyMatch(a -> a.contains("(still running)"));
            assertThat(r.guestImpact().maxThrottlePercent()).isZero();

            // the same guest, again, with auto-converge at its strongest throttle from the first trigger: the
            // memwriter catches up after short pauses, so only a throttle above ~91 % slows it (see GuestCalibration)
            MigrationSpec throttled = spec
                    .withAutoConverge(Optional.of(new AutoConverge(99, 1, 99, 50)))
                    .withPolicy(TerminationPolicy.qemu(Duration.ofMillis(300), Duration.ofSeconds(20)));
            QemuRun converged = session.migrate(throttled, QemuRunOptions.defaults());
            assertThat(converged.result().outcome().completed()).isTrue();
            assertThat(converged.result().outcome().converged()).isTrue();
            assertThat(converged.result().guestImpact().maxThrottlePercent()).isEqualTo(99);
            assertThat(converged.result().guestImpact().guestSlowdownPercent()).isPositive();
            assertThat(converged.counterContinued()).isTrue();
        }
    }

    // Guards against losing the guest when the destination host dies: in pre-copy the source must keep it
    // running; in post-copy it cannot survive, and the result must say so instead of claiming success.
    @Test
    void losingTheDestinationKeepsTheGuestInPrecopyAndIsAFailureInPostcopy() {
        MigrationSpec precopy = spec(100, 50_000)
                .withPolicy(TerminationPolicy.qemu(Duration.ofMillis(300), Duration.ofSeconds(20)));
        try (QemuSession session = boot(precopy)) {
            QemuRun lost = session.migrate(precopy, QemuRunOptions.defaults()
                    .withFailure(new InjectedFailure.DuringPrecopy(Duration.ofMillis(1500))));
            assertThat(lost.result().outcome().completed()).isFalse();
            assertThat(lost.result().outcome().stopReason()).isEqualTo(StopReason.ABORTED);
            assertThat(lost.finalStatus()).isEqualTo("failed");
            assertThat(lost.sourceStillRunning()).isTrue();
            assertThat(lost.result().assumptions()).anyMatch(a -> a.contains("(still running)"));

            MigrationSpec postcopy = spec(20, 50_000).withAlgorithm("postcopy");
            QemuRun split = session.migrate(postcopy, QemuRunOptions.defaults()
                    .withFailure(new InjectedFailure.DuringPostcopy(Duration.ofMillis(1000))));
            assertThat(split.result().outcome().completed()).isFalse();
            assertThat(split.result().outcome().stopReason()).isEqualTo(StopReason.FAILED);
            assertThat(split.sourceStillRunning()).isFalse();
            assertThat(split.result().assumptions()).anyMatch(a -> a.contains("cannot continue"));
        }
    }
}
