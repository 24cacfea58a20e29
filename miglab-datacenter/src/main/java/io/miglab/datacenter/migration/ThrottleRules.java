package io.miglab.datacenter.migration;

import io.miglab.core.spec.MigrationSpec;

/** Which throttle rule a migration gets. */
public final class ThrottleRules {
    private ThrottleRules() { }

    /** QEMU's auto-converge if the spec asks for it, SDPS if {@code sdps}, else none (null). */
    public static ThrottleRule forSpec(MigrationSpec spec, boolean sdps) {
        if (spec.autoConverge().isPresent()) return new QemuAutoConvergeRule(spec.autoConverge().get());
        if (sdps) return new StunDuringPageSendRule(StunDuringPageSendRule.DEFAULT_TARGET_RATIO);
        return null;
    }
}
