package io.miglab.core.sim;

import io.miglab.core.spec.AutoConverge;

/**
 * QEMU's auto-converge decision, after migration/ram.c (migration_bitmap_sync and migration_trigger_throttle):
 * at a dirty-bitmap sync at least one second after the last evaluation, if the bytes dirtied in that period exceed
 * {@code triggerThresholdPercent} of the bytes sent in it, a counter goes up; on its second hit the throttle is
 * raised (first to the initial percentage, then by the increment, up to the maximum) and the counter is reset.
 */
final class AutoConvergeController {
    private final AutoConverge settings;
    private int percent;
    private int highCount;
    private double periodStart;
    private long periodDirtyBytes;
    private long periodSentBytes;

    AutoConvergeController(AutoConverge settings, double startSeconds) {
        this.settings = settings;
        this.periodStart = startSeconds;
    }

    int percent() { return percent; }

    /** Called at each dirty-bitmap sync; returns the throttle to apply from now on. */
    int afterSync(double nowSeconds, long dirtiedBytes, long sentBytes) {
        periodDirtyBytes += dirtiedBytes;
        periodSentBytes += sentBytes;
        if (nowSeconds - periodStart < 1.0) return percent;
        boolean tooFast = periodDirtyBytes > periodSentBytes * settings.triggerThresholdPercent() / 100.0;
        if (tooFast && ++highCount >= 2) {
            highCount = 0;
            percent = percent == 0 ? settings.initialPercent()
                    : Math.min(settings.maxPercent(), percent + settings.incrementPercent());
        }
        periodStart = nowSeconds;
        periodDirtyBytes = 0;
        periodSentBytes = 0;
        return percent;
    }
}
