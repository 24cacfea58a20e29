package io.miglab.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.spec.AutoConverge;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.PacedWrites;
import io.miglab.core.write.SweepWrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** QEMU's throttle schedule (ram.c migration_trigger_throttle) and what it leaves a writer (cpu-throttle.c). */
class ThrottleScheduleTest {
    // Keeps away a schedule that steps on every high period: QEMU raises the throttle on every second period whose
    // dirtied bytes exceed threshold x sent bytes, first to the initial value, then by the increment, up to the max.
    @Test
    void throttle_stepsOnEverySecondHighPeriod_fromInitialByIncrementToMax() {
        AutoConvergeController c = new AutoConvergeController(new AutoConverge(30, 20, 99, 50), 0);
        List<Integer> steps = new ArrayList<>();
        for (int sync = 1; sync <= 12; sync++) steps.add(c.afterSync(sync * 1.5, 60, 100));
        assertThat(steps).containsExactly(0, 30, 30, 50, 50, 70, 70, 90, 90, 99, 99, 99);
    }

    // Keeps away counting periods shorter than QEMU's one second, or a period at the threshold as high.
    @Test
    void periodsUnderASecond_accumulate_andTheThresholdItselfIsNotHigh() {
        AutoConvergeController c = new AutoConvergeController(new AutoConverge(20, 10, 99, 50), 0);
        c.afterSync(0.4, 40, 50);
        assertThat(c.afterSync(1.2, 20, 50)).isZero(); // one period: 60 dirtied > 50 % of 100 sent: high once
        assertThat(c.afterSync(2.4, 100, 100)).isEqualTo(20); // high twice
        assertThat(c.afterSync(3.6, 50, 100)).isEqualTo(20);
        assertThat(c.afterSync(4.8, 50, 100)).isEqualTo(20); // 50 is not above 50 % of 100
    }

    // Keeps away a wrong throttle pause: a vCPU runs 10 ms then sleeps 10 ms x p / (1 - p) (cpu-throttle.c), so a
    // CPU-bound writer (catch-up 0) keeps exactly 1 - p, and a paced one keeps (10 ms + catch-up) / (10 ms + sleep).
    @Test
    void runningShare_isOneMinusThrottle_forACpuBoundWriter_andCatchesUpForAPacedOne() {
        SweepWrites sweep = new SweepWrites(ByteSize.ofMiB(64), 4096, 10_000);
        PacedWrites cpuBound = new PacedWrites(sweep, Duration.ZERO);
        PacedWrites paced = new PacedWrites(sweep, Duration.ofMillis(100));
        for (int p : new int[] {20, 50, 90, 99}) {
            assertThat(cpuBound.runningShare(p)).isCloseTo(1 - p / 100.0, within(1e-9));
            assertThat(sweep.runningShare(p)).isCloseTo(1 - p / 100.0, within(1e-9));
            double sleepMs = 10.0 * p / (100 - p);
            assertThat(paced.runningShare(p)).isCloseTo(Math.min(1, 110 / (10 + sleepMs)), within(1e-9));
        }
        assertThat(paced.runningShare(90)).isEqualTo(1.0);
        assertThat(paced.runningShare(99)).isCloseTo(0.11, within(1e-9));
    }
}
