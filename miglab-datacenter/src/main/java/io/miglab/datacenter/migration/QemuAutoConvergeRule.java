package io.miglab.datacenter.migration;

import io.miglab.core.spec.AutoConverge;

/**
 * QEMU's auto-converge, the same rule as the page-level simulator's (after QEMU migration/ram.c,
 * migration_bitmap_sync and migration_trigger_throttle): at a sync at least one second after the last evaluation,
 * if the bytes dirtied in that period exceed {@code triggerThresholdPercent} of the bytes sent in it, a counter
 * goes up; on its second hit the throttle is raised (first to the initial percentage, then by the increment, up to
 * the maximum) and the counter is reset.
 */
public final class QemuAutoConvergeRule implements ThrottleRule {
    private final AutoConverge settings;
    private int percent;
    private int highCount;
    private double periodStart;
    private double periodDirtyBytes;
    private double periodSentBytes;

    public QemuAutoConvergeRule(AutoConverge settings) {
        this.settings = settings;
    }

    @Override
    public int afterSync(double clockSeconds, double roundSeconds, double sendSeconds, double dirtiedBytes,
                         double sentBytes, int throttlePercent) {
        periodDirtyBytes += dirtiedBytes;
        periodSentBytes += sentBytes;
        if (clockSeconds - periodStart < 1.0) return percent;
        boolean tooFast = periodDirtyBytes > periodSentBytes * settings.triggerThresholdPercent() / 100.0;
        if (tooFast && ++highCount >= 2) {
            highCount = 0;
            percent = percent == 0 ? settings.initialPercent()
                    : Math.min(settings.maxPercent(), percent + settings.incrementPercent());
        }
        periodStart = clockSeconds;
        periodDirtyBytes = 0;
        periodSentBytes = 0;
        return percent;
    }

    @Override
    public int maxPercent() { return settings.maxPercent(); }
}
