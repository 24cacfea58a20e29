package io.miglab.datacenter.migration;

import io.miglab.core.spec.AutoConverge;
import io.miglab.core.throttle.AutoConvergeController;

/** QEMU's auto-converge as a {@link ThrottleRule}: core's {@link AutoConvergeController}, the page-level rule. */
public final class QemuAutoConvergeRule implements ThrottleRule {
    private final AutoConvergeController controller;

    public QemuAutoConvergeRule(AutoConverge settings) {
        this.controller = new AutoConvergeController(settings, 0);
    }

    @Override
    public int afterSync(double clockSeconds, double roundSeconds, double sendSeconds, double dirtiedBytes,
                         double sentBytes, int throttlePercent) {
        return controller.afterSync(clockSeconds, dirtiedBytes, sentBytes);
    }

    @Override
    public int maxPercent() { return controller.maxPercent(); }
}
