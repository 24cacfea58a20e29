package io.miglab.cli.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host costs' fit against simulators whose time is known in the cost. */
class HostCostFitTest {
    private static final DataRate RATE = DataRate.ofMiBps(100);

    /** 600 ms plus 40 ms per microsecond of cost: the time a run takes at {@code cost}. */
    private static double linear(Duration cost) {
        return 600 + 40 * cost.toNanos() / 1000.0;
    }

    // Guards the bisection: the cost at which the simulator gives QEMU's time, to the fit's 10 ns
    @Test
    void theCostIsWhereTheSimulatorReachesQemusTime() {
        HostCostFit.IdleRun run = new HostCostFit.IdleRun(RATE, 600 + 40 * 6.5, 0);
        Duration c = HostCostFit.ZERO_PAGE.fit(List.of(run), (r, cost) -> linear(cost));
        assertThat(c.toNanos()).isCloseTo(6_500L, within(10L));
    }

    // Guards the floor: a run the simulator already makes as long as QEMU's keeps the qemu profile's cost, never less
    @Test
    void aRunAlreadyLongEnoughKeepsTheProfilesCost() {
        HostCostFit.IdleRun run = new HostCostFit.IdleRun(RATE, 500, 0);
        assertThat(HostCostFit.ZERO_PAGE.fit(List.of(run), (r, cost) -> linear(cost))).isEqualTo(HostCostFit.ZERO_PAGE.floor());
        assertThat(HostCostFit.ZERO_PAGE.fit(List.of(), (r, cost) -> linear(cost))).isEqualTo(HostCostFit.ZERO_PAGE.floor());
    }

    // Guards the ceiling and the median: a run no cost up to 20 us explains is held at the ceiling, and three runs
    // give their middle one
    @Test
    void theMedianOverTheRuns_heldAtTheCeiling() {
        List<HostCostFit.IdleRun> runs = List.of(new HostCostFit.IdleRun(RATE, 600 + 40 * 2.0, 0),
                new HostCostFit.IdleRun(RATE, 600 + 40 * 4.0, 0), new HostCostFit.IdleRun(RATE, 5_000, 0));
        assertThat(HostCostFit.ZERO_PAGE.fit(runs, (r, cost) -> linear(cost)).toNanos()).isCloseTo(4_000L, within(10L));
        assertThat(HostCostFit.ZERO_PAGE.fit(List.of(runs.get(2)), (r, cost) -> linear(cost)))
                .isEqualTo(HostCostFit.CEILING);
    }

    // Guards the text the profile's settings read back: microseconds, two decimals
    @Test
    void theCostIsWrittenInMicroseconds() {
        assertThat(HostCostFit.text(Duration.ofNanos(8_210))).isEqualTo("8.21us");
        assertThat(HostCostFit.text(HostCostFit.ZERO_PAGE.floor())).isEqualTo("0.25us");
    }

    // Guards the post-copy placement's own floor: the qemu profile's 1.1 us, not the zero-page check's 0.25 us
    @Test
    void thePlacementsFloorIsTheProfilesPlacement() {
        HostCostFit.IdleRun run = new HostCostFit.IdleRun(RATE, 500, 0);
        assertThat(HostCostFit.POSTCOPY_PLACEMENT.fit(List.of(run), (r, cost) -> linear(cost)))
                .isEqualTo(Duration.ofNanos(1_100));
        HostCostFit.IdleRun slow = new HostCostFit.IdleRun(RATE, 600 + 40 * 6.5, 0);
        assertThat(HostCostFit.POSTCOPY_PLACEMENT.fit(List.of(slow), (r, cost) -> linear(cost)).toNanos())
                .isCloseTo(6_500L, within(10L));
    }
}
