package io.miglab.core.throttle;

import io.miglab.core.spec.AutoConverge;
import io.miglab.core.write.PacedWrites;

/**
 * QEMU's auto-converge decision, after migration/ram.c (migration_bitmap_sync and migration_trigger_throttle):
 * at a dirty-bitmap sync at least one second after the last evaluation, if the bytes dirtied in that period exceed
 * {@code triggerThresholdPercent} of the bytes sent in it, a counter goes up; on its second hit the throttle is
 * raised (first to the initial percentage, then by the increment, up to the maximum) and the counter is reset.
 * The one copy of the rule: the page-level session and the datacenter's rate-based migrations both use it.
 */
public final class AutoConvergeController {
    /** Tolerance, in throttle cycles, for a slice that begins exactly where an interval does. */
    private static final double EPSILON = 1e-9;
    private final AutoConverge settings;
    private int percent;
    private int highCount;
    private double periodStart;
    private double periodDirtyBytes;
    private double periodSentBytes;
    /** The throttle timer's next tick and the end of the vCPU's current throttle sleep (cpu-throttle.c). */
    private double nextTick;
    private double sleepEnd;

    public AutoConvergeController(AutoConverge settings, double startSeconds) {
        this.settings = settings;
        this.periodStart = startSeconds;
    }

    public int percent() { return percent; }

    public int maxPercent() { return settings.maxPercent(); }

    /** Called at each dirty-bitmap sync; returns the throttle to apply from now on. */
    public int afterSync(double nowSeconds, double dirtiedBytes, double sentBytes) {
        periodDirtyBytes += dirtiedBytes;
        periodSentBytes += sentBytes;
        if (nowSeconds - periodStart < 1.0) return percent;
        boolean tooFast = periodDirtyBytes > periodSentBytes * settings.triggerThresholdPercent() / 100.0;
        if (tooFast && ++highCount >= 2) {
            highCount = 0;
            // cpu_throttle_set: an inactive throttle ticks at once; an active one keeps its next tick, at which
            // cpu_throttle_thread reads the new percentage
            advanceTo(nowSeconds);
            if (percent == 0) nextTick = nowSeconds;
            percent = percent == 0 ? settings.initialPercent()
                    : Math.min(settings.maxPercent(), percent + settings.incrementPercent());
        }
        periodStart = nowSeconds;
        periodDirtyBytes = 0;
        periodSentBytes = 0;
        return percent;
    }

    /** The throttle's cycle: a 10 ms run slice and its sleep (cpu-throttle.c, cpu_throttle_timer_tick). */
    public double cycleSeconds() {
        return percent == 0 ? 0 : PacedWrites.THROTTLE_SLICE_SECONDS / (1 - percent / 100.0);
    }

    /**
     * How many of the vCPU's run slices begin in [{@code fromSeconds}, {@code toSeconds}): a throttled vCPU runs
     * only after each sleep (cpu_throttle_thread), so its work comes in one slice per cycle. A slice that begins as a
     * sync ends (the sync waited for it) counts in the interval that follows the sync.
     */
    public long slicesBeginning(double fromSeconds, double toSeconds) {
        double period = cycleSeconds();
        if (period == 0) return 0;
        double firstStart = nextTick + period * percent / 100.0;
        return (long) (Math.ceil((toSeconds - firstStart) / period - EPSILON)
                - Math.ceil((fromSeconds - firstStart) / period - EPSILON));
    }

    /**
     * The guest time a throttled vCPU runs in [{@code fromSeconds}, {@code toSeconds}) when it keeps
     * {@code runningShare} of its work: one cycle's worth as each run slice begins.
     */
    public double guestSeconds(double fromSeconds, double toSeconds, double runningShare) {
        return runningShare * cycleSeconds() * slicesBeginning(fromSeconds, toSeconds);
    }

    /**
     * How long a dirty-bitmap sync starting at {@code nowSeconds} waits for the throttled vCPU (0 unless
     * {@link AutoConverge#syncWaitsForVcpu}). QEMU's throttle timer (cpu-throttle.c, cpu_throttle_timer_tick) ticks
     * every 10 ms / (1 - p) and has each vCPU run cpu_throttle_thread, which sleeps 10 ms x p / (1 - p) from the
     * tick; the vCPU runs the rest of the cycle. Under TCG the sync ends with tcg_log_global_after_sync
     * (accel/tcg), a run_on_cpu on the vCPU, which the vCPU serves only once its sleep is over: a sync that falls in
     * a sleep lasts until the sleep's end (at 99 %, up to 990 ms of each second), and what the vCPU writes as it
     * wakes (a paced writer's catch-up) comes after the sync.
     */
    public double syncWaitSeconds(double nowSeconds) {
        advanceTo(nowSeconds);
        return percent == 0 || !settings.syncWaitsForVcpu() ? 0 : Math.max(0, sleepEnd - nowSeconds);
    }

    /** Moves the timer to its first tick after {@code nowSeconds}, noting where the current cycle's sleep ends. */
    private void advanceTo(double nowSeconds) {
        double period = cycleSeconds();
        if (period == 0 || nextTick > nowSeconds) return;
        double ticks = Math.floor((nowSeconds - nextTick) / period);
        sleepEnd = nextTick + ticks * period + period * percent / 100.0;
        nextTick += (ticks + 1) * period;
    }
}
