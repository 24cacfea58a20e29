package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.miglab.core.Specs;
import io.miglab.core.link.Link;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first pass's zero-page checks in QEMU's rate-limit periods, and the threshold from the last period. */
class ZeroPageScanTest {
    private static final Duration CHECK = Duration.ofNanos(800);
    private final PageLevelSimulator sim = new PageLevelSimulator();

    /** An idle 2 GiB guest, 95 % zero pages, over a 1,086 MiB/s stream capped at {@code capMiBps}, checked mid-pass. */
    private static MigrationSpec guest(double capMiBps, Duration zeroPageCost) {
        MigrationSpec s = Specs.idle("2G", "1086MiB/s").withOverheads(Specs.noDeviceState()
                .withSwitchOver(zeroPageCost, Optional.empty()));
        s = s.withMemory(s.memory().withZeroPageShare(0.95)).withPolicy(new TerminationPolicy("qemu-mid-pass",
                List.of(new StopCondition.DowntimeBelow(Duration.ofMillis(300), true),
                        new StopCondition.Timeout(Duration.ofHours(1))), TerminationPolicy.LimitAction.CANCEL));
        return s.withLink(new Link(DataRate.ofMiBps(1086), Duration.ZERO, Optional.of(DataRate.ofMiBps(capMiBps))));
    }

    /** Guards against the zero pages' checks costing nothing in the pass: at a 1,000 MiB/s cap each period is
     * the migration thread's work (498,000 checks of 0.8 us and the normal pages at the stream's rate), not the
     * cap's 100 ms. */
    @Test
    void aPassOfZeroPagesIsSlowerThanTheCap() {
        MigrationResult free = sim.migrate(guest(1000, Duration.ZERO));
        MigrationResult checked = sim.migrate(guest(1000, CHECK));
        double zeroSeconds = 0.95 * 524_288 * 0.8e-6;
        assertThat(free.timing().totalTimeMs()).isLessThan(250);
        assertThat(checked.timing().totalTimeMs()).isGreaterThan(zeroSeconds * 1000);
    }

    /** Guards against charging the checks where the cap's sleep hides them: at 100 MiB/s a period of spread zero
     * pages and 10 MiB of normal pages needs about 70 ms of the thread's 100. */
    @Test
    void theCapHidesTheChecksWhenAPeriodHasTimeForThem() {
        MigrationResult free = sim.migrate(guest(100, Duration.ZERO));
        MigrationResult checked = sim.migrate(guest(100, CHECK));
        assertThat(checked.timing().totalTimeMs() - checked.timing().downtimeMs())
                .isCloseTo(free.timing().totalTimeMs() - free.timing().downtimeMs(), withPercentage(0.5));
        assertThat(checked.traffic().stopCopyBytes()).isEqualTo(free.traffic().stopCopyBytes());
    }

    /** Guards the threshold against the cap's rate when the last period moved fewer bytes (QEMU:
     * migration_update_counters): the pass then goes on longer and leaves a smaller tail for the switch-over. */
    @Test
    void theThresholdFollowsTheLastPeriodsBytes() {
        MigrationResult free = sim.migrate(guest(1000, Duration.ZERO));
        MigrationResult checked = sim.migrate(guest(1000, CHECK));
        assertThat(checked.roundCount()).isEqualTo(1);
        assertThat(checked.traffic().stopCopyBytes()).isLessThan(free.traffic().stopCopyBytes() / 2);
    }
}
