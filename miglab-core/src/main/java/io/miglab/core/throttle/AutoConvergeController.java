package io.miglab.core.throttle;

import io.miglab.core.spec.AutoConverge;

/**
 * QEMU's auto-converge decision, after migration/ram.c (migration_bitmap_sync and migration_trigger_throttle):
 * at a dirty-bitmap sync at least one second after the last evaluation, if the bytes dirtied in that period exceed
 * {@code triggerThresholdPercent} of the bytes sent in it, a counter goes up; on its second hit the throttle is
 * raised (first to the initial percentage, then by the increment, up to the maximum) and the counter is reset.
 * The one copy of the rule: the page-level session and the datacenter's rate-based migrations both use it.
 */
public final class AutoConvergeController {
    private final AutoConverge settings;
    private int percent;
    private int highCount;
    private double periodStart;
    private double periodDirtyBytes;
    private double periodSentBytes;

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
            percent = percent == 0 ? settings.initialPercent()
                    : Math.min(settings.maxPercent(), percent + settings.incrementPercent());
        }
        periodStart = nowSeconds;
        periodDirtyBytes = 0;
        periodSentBytes = 0;
        return percent;
    }
}
