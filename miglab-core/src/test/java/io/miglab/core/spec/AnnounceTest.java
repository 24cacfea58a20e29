package io.miglab.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.StageStats;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.WorkingSetWrites;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The self-announce rounds after activation (QEMU net/announce.c): the schedule against its closed form, and where
 * the page-level simulator and the closed form put the last round (activation's end plus the schedule's last).
 */
class AnnounceTest {
    /** Round k's time: the sum of the gaps min(initial + (i - 1) step, max) for i = 1..k. */
    private static double closedFormMs(int k, double initial, double step, double max) {
        double at = 0;
        for (int i = 1; i <= k; i++) at += Math.min(initial + (i - 1) * step, max);
        return at;
    }

    @Test
    void qemuDefaults_roundsAt0_50_200_450_800ms() {
        Announce a = Announce.qemuDefaults();
        assertThat(a.rounds()).isEqualTo(5);
        double[] expected = {0, 50, 200, 450, 800};
        for (int k = 0; k < 5; k++) assertThat(a.roundSeconds(k) * 1000).isCloseTo(expected[k], offset(1e-9));
        assertThat(a.lastRoundSeconds() * 1000).isCloseTo(800, offset(1e-9));
    }

    @Test
    void moreRounds_gapsGrowByTheStepUntilCappedAtMax() {
        Announce a = Announce.qemuDefaults().withRounds(9);
        // gaps 50, 150, 250, 350, 450, 550, 550, 550
        for (int k = 0; k < 9; k++) {
            assertThat(a.roundSeconds(k) * 1000).as("round %d", k)
                    .isCloseTo(closedFormMs(k, 50, 100, 550), offset(1e-9));
        }
        assertThat(a.lastRoundSeconds() * 1000).isCloseTo(2900, offset(1e-9));
        Announce custom = new Announce(Duration.ofMillis(20), Duration.ofMillis(100), 6, Duration.ofMillis(30));
        assertThat(custom.lastRoundSeconds() * 1000).isCloseTo(closedFormMs(5, 20, 30, 100), offset(1e-9));
        assertThat(Announce.none().lastRoundSeconds()).isZero();
    }

    private static MigrationSpec spec(Announce a, String algorithm) {
        return MigrationSpec.of(ByteSize.ofMiB(64), DataRate.ofMiBps(100))
                .withWriteModel(new WorkingSetWrites(ByteSize.ofMiB(8), 4096, 2000, 0))
                .withOverheads(new Overheads(Duration.ofMillis(10), Duration.ofMillis(20), ByteSize.ofKiB(256),
                        Duration.ZERO, a))
                .withAlgorithm(algorithm);
    }

    private static double activationEndMs(MigrationResult r) {
        return r.stages().stream().filter(s -> s.stage().equals("activation")).findFirst()
                .map(StageStats::endMs).orElseThrow();
    }

    @Test
    void simulatorAndClosedForm_lastRoundAfterActivationsEnd() {
        for (String algorithm : new String[] {"precopy", "postcopy"}) {
            MigrationSpec spec = spec(Announce.qemuDefaults(), algorithm);
            for (MigrationResult r : new MigrationResult[] {new PageLevelSimulator().migrate(spec),
                    new ClosedFormPredictor().migrate(spec)}) {
                assertThat(r.outcome().completed()).isTrue();
                assertThat(r.timing().announceRounds()).as(algorithm).isEqualTo(5);
                assertThat(r.timing().lastAnnounceMs()).as(algorithm)
                        .isCloseTo(activationEndMs(r) + 800, offset(1e-6));
            }
        }
    }

    @Test
    void noRounds_orAGuestThatNeverRanOnTheDestination_announcesNothing() {
        MigrationResult none = new PageLevelSimulator().migrate(spec(Announce.none(), "precopy"));
        assertThat(none.timing().announceRounds()).isZero();
        assertThat(none.timing().lastAnnounceMs()).isZero();
        MigrationSpec s = spec(Announce.qemuDefaults(), "precopy");
        MigrationResult failed = new PageLevelSimulator().migrate(s.withProtocol(s.protocol()
                .withFailure(Optional.of(FailureSpec.parse("destination-crash@pre-copy+100ms")))));
        assertThat(failed.timing().announceRounds()).isZero();
    }

    @Test
    void theKvmProfileCarriesQemusDefaults() {
        assertThat(HypervisorProfiles.standard().get("kvm").overheads().announce()).isEqualTo(Announce.qemuDefaults());
        assertThat(HypervisorProfiles.standard().get("xen").overheads().announce().rounds()).isZero();
    }
}
