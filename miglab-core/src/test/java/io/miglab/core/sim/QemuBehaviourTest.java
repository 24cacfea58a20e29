package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import io.miglab.core.Specs;
import io.miglab.core.link.Link;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.RoundStats;
import io.miglab.core.result.StopReason;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.PacedWrites;
import io.miglab.core.write.SweepWrites;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The three behaviours of real QEMU found by comparing it with the simulator (docs/qemu-vs-sim.md). */
class QemuBehaviourTest {
    private final PageLevelSimulator sim = new PageLevelSimulator();

    private static TerminationPolicy midPass(Duration limit) {
        return new TerminationPolicy("qemu-mid-pass", List.of(new StopCondition.DowntimeBelow(limit, true),
                new StopCondition.Timeout(Duration.ofHours(1))), TerminationPolicy.LimitAction.CANCEL);
    }

    /** Guards the mid-pass check: an idle guest's pass ends early and its tail, one downtime limit's worth, is
     * sent while paused; the total time stays memory / bandwidth. */
    @Test
    void midPassCheck_sendsTheTailOfThePassInTheDowntime() {
        MigrationSpec spec = Specs.idle("1G", "100MiB/s").withOverheads(Specs.noDeviceState())
                .withPolicy(midPass(Duration.ofMillis(300)));
        MigrationResult r = sim.migrate(spec);
        assertThat(r.outcome().stopReason()).isEqualTo(StopReason.DOWNTIME_LIMIT_MET);
        assertThat(r.roundCount()).isEqualTo(1);
        // the check runs before each 100 ms budget of sending, so the tail is between 200 and 300 ms of it
        assertThat(r.timing().downtimeMs()).isBetween(200.0, 300.0);
        assertThat(r.timing().totalTimeMs()).isCloseTo(spec.memory().bytes() / spec.link().bandwidth().bytesPerSecond()
                * 1000, withPercentage(1));
        MigrationResult perRound = sim.migrate(spec.withPolicy(TerminationPolicy.qemu()));
        assertThat(perRound.timing().downtimeMs()).isLessThan(1);
    }

    /** Guards the mid-pass check against ending a busy guest's pass when the dirty rest does not fit. */
    @Test
    void midPassCheck_keepsIteratingWhileTheDirtySetIsLarge() {
        MigrationSpec spec = Specs.idle("256M", "100MiB/s").withPolicy(midPass(Duration.ofMillis(300)))
                .withWriteModel(new SweepWrites(ByteSize.ofMiB(64), Specs.PAGE, 5000));
        MigrationResult r = sim.migrate(spec);
        assertThat(r.outcome().completed()).isTrue();
        assertThat(r.timing().downtimeMs()).isLessThanOrEqualTo(300 + 5);
        assertThat(r.traffic().pagesTransferred()).isGreaterThan(spec.memory().pages());
    }

    /** Guards the non-zero top: the zero pages keep their share but leave the top of RAM, the pass's tail. */
    @Test
    void nonZeroTop_keepsTheZeroShareAndFillsTheTailOfThePass() {
        MigrationSpec spread = Specs.idle("1G", "100MiB/s").withPolicy(midPass(Duration.ofMillis(300)));
        spread = spread.withMemory(spread.memory().withZeroPageShare(0.9));
        MigrationSpec top = spread.withMemory(spread.memory().withNonZeroTop(ByteSize.ofMiB(64)));
        MigrationResult a = sim.migrate(spread);
        MigrationResult b = sim.migrate(top);
        assertThat((double) b.traffic().zeroPages()).isCloseTo(a.traffic().zeroPages(), withPercentage(1));
        // the tail of the pass is the top of RAM: all of it non-zero, so the switch-over carries more bytes
        assertThat(b.traffic().stopCopyBytes()).isGreaterThan(3 * a.traffic().stopCopyBytes());
    }

    /** Guards the uncapped switch-over: QEMU lifts max-bandwidth once the guest is paused. */
    @Test
    void switchOver_usesTheLinkNotTheCap() {
        MigrationSpec spec = Specs.idle("256M", "1GiB/s").withLink(new Link(DataRate.parse("bandwidth", "1GiB/s"),
                Duration.ZERO, Optional.of(DataRate.parse("cap", "64MiB/s"))));
        MigrationResult r = sim.migrate(spec);
        double cap = 64.0 * 1024 * 1024, link = 1024.0 * 1024 * 1024;
        assertThat(r.timing().totalTimeMs()).isCloseTo(spec.memory().bytes() / cap * 1000, withPercentage(1));
        assertThat(r.timing().downtimeMs()).isCloseTo(spec.overheads().deviceState().bytes() / link * 1000,
                within(1e-6));
    }

    /** Guards the paced writer: it keeps its rate under throttles whose pauses it can catch up on. */
    @Test
    void pacedWriter_isSlowedOnlyBeyondItsCatchUp() {
        PacedWrites paced = new PacedWrites(new SweepWrites(ByteSize.ofMiB(64), Specs.PAGE, 50_000),
                Duration.ofMillis(100));
        assertThat(paced.runningShare(0)).isEqualTo(1);
        assertThat(paced.runningShare(90)).isEqualTo(1); // sleeps 90 ms <= 100 ms
        assertThat(paced.runningShare(99)).isCloseTo(110.0 / 1000, within(1e-9)); // sleeps 990 ms

        MigrationSpec spec = Specs.idle("256M", "100MiB/s").withAutoConverge(Optional.of(AutoConverge.qemuDefaults()))
                .withWriteModel(paced.inner());
        MigrationResult cpuBound = sim.migrate(spec);
        MigrationResult clockPaced = sim.migrate(spec.withWriteModel(paced));
        assertThat(cpuBound.outcome().completed()).isTrue();
        assertThat(clockPaced.outcome().completed()).isTrue();
        // the paced writer forces the throttle higher before the migration converges
        assertThat(clockPaced.guestImpact().maxThrottlePercent())
                .isGreaterThan(cpuBound.guestImpact().maxThrottlePercent());
        assertThat(clockPaced.timing().totalTimeMs()).isGreaterThan(cpuBound.timing().totalTimeMs());
    }

    /**
     * Guards the TCG sync against the 99 % throttle (cpu-throttle.c, tcg_log_global_after_sync): each round lasts a
     * whole throttle cycle, since the sync waits for the vCPU's 990 ms sleep; without the wait (KVM) the rounds are
     * only the time the pass takes.
     */
    @Test
    void underTcg_roundsAtNinetyNinePercent_lastAWholeCycle() {
        PacedWrites paced = new PacedWrites(new SweepWrites(ByteSize.ofMiB(64), Specs.PAGE, 50_000),
                Duration.ofMillis(100));
        MigrationSpec spec = Specs.idle("256M", "100MiB/s").withWriteModel(paced).withPolicy(midPass(
                Duration.ofMillis(300))).withAutoConverge(Optional.of(new AutoConverge(99, 1, 99, 50, true)));
        MigrationResult tcg = sim.migrate(spec);
        MigrationResult kvm = sim.migrate(spec.withAutoConverge(Optional.of(new AutoConverge(99, 1, 99, 50))));
        List<RoundStats> throttled = tcg.rounds().stream().filter(r -> r.throttlePercent() == 99).toList();
        assertThat(throttled).isNotEmpty().allSatisfy(r -> assertThat(r.durationMs()).isCloseTo(1000, within(15.0)));
        assertThat(kvm.rounds().stream().filter(r -> r.throttlePercent() == 99))
                .allSatisfy(r -> assertThat(r.durationMs()).isLessThan(900));
    }
}
