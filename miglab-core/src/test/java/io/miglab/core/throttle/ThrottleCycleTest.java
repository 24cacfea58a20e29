package io.miglab.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.spec.AutoConverge;
import org.junit.jupiter.api.Test;

/**
 * The throttle's cycle as the simulator follows it (cpu-throttle.c: the vCPU sleeps 10 ms x p / (1 - p) at each
 * tick of a 10 ms / (1 - p) timer, then runs 10 ms) and the TCG dirty sync that waits for the sleep to end
 * (accel/tcg, tcg_log_global_after_sync). Every figure below is worked out by hand.
 */
class ThrottleCycleTest {
    /** A controller throttled to {@code initial} % by the sync at 2 s (two high periods of a second). */
    private static AutoConvergeController throttledAtTwoSeconds(int initial, int increment, boolean tcg) {
        AutoConvergeController c = new AutoConvergeController(new AutoConverge(initial, increment, 99, 50, tcg), 0);
        assertThat(c.afterSync(1.0, 100, 100)).isZero();
        assertThat(c.afterSync(2.0, 100, 100)).isEqualTo(initial);
        return c;
    }

    // Keeps away a sync that ignores the throttled vCPU under TCG: at 99 % the timer ticks at 2, 3, 4 s, the vCPU
    // sleeps [2, 2.99) and runs [2.99, 3); a sync at 2.2 s waits 0.79 s, one at 2.995 s (a run slice) none, one at
    // 3.5 s until 3.99 s.
    @Test
    void underTcg_aSyncInASleep_waitsForItsEnd() {
        AutoConvergeController c = throttledAtTwoSeconds(99, 1, true);
        assertThat(c.cycleSeconds()).isCloseTo(1.0, within(1e-12));
        assertThat(c.syncWaitSeconds(2.2)).isCloseTo(0.79, within(1e-9));
        assertThat(c.syncWaitSeconds(2.995)).isZero();
        assertThat(c.syncWaitSeconds(3.5)).isCloseTo(0.49, within(1e-9));
    }

    // Keeps away the TCG wait under KVM: KVM's dirty bitmap is read without the vCPUs.
    @Test
    void withoutTcg_aSyncNeverWaits() {
        AutoConvergeController c = throttledAtTwoSeconds(99, 1, false);
        assertThat(c.syncWaitSeconds(2.2)).isZero();
        assertThat(c.syncWaitSeconds(3.5)).isZero();
    }

    // Keeps away writes spread evenly over a throttled second: at 99 % the vCPU's slices begin at 2.99, 3.99 s, so
    // [2, 2.99) holds none, [2.99, 3.99) one (a slice that begins as an interval does belongs to it), [2, 5) three;
    // a paced writer that keeps 11 % of its work runs 0.11 s of guest time per slice.
    @Test
    void aThrottledVcpu_worksOneSliceACycle_asTheSliceBegins() {
        AutoConvergeController c = throttledAtTwoSeconds(99, 1, true);
        assertThat(c.slicesBeginning(2.0, 2.99)).isZero();
        assertThat(c.slicesBeginning(2.99, 3.99)).isEqualTo(1);
        assertThat(c.slicesBeginning(2.0, 5.0)).isEqualTo(3);
        assertThat(c.guestSeconds(2.0, 5.0, 0.11)).isCloseTo(0.33, within(1e-9));
    }

    // Keeps away a new percentage that takes effect before the timer's next tick: at 50 % from 2 s (ticks every
    // 20 ms, 10 ms sleeps) the sync at 4.005 s raises it to 70 %; the tick at 4.02 s is the first of the new cycle
    // (1/30 s, sleeps of 23.33 ms), so a sync at 4.03 s waits until 4.04333 s.
    @Test
    void aRaisedThrottle_startsAtTheTimersNextTick() {
        AutoConvergeController c = throttledAtTwoSeconds(50, 20, true);
        assertThat(c.syncWaitSeconds(2.005)).isCloseTo(0.005, within(1e-9));
        assertThat(c.syncWaitSeconds(2.015)).isZero();
        assertThat(c.afterSync(3.0, 100, 100)).isEqualTo(50);
        assertThat(c.afterSync(4.005, 100, 100)).isEqualTo(70);
        assertThat(c.syncWaitSeconds(4.03)).isCloseTo(4.02 + 0.07 / 3 - 4.03, within(1e-9));
    }
}
