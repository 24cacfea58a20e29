package io.miglab.core.spec;

import java.time.Duration;
import java.util.List;

/**
 * When pre-copy stops iterating. It stops as converged as soon as any convergence clause holds; it stops as not
 * converged when any limit clause is reached, and then does what {@code onLimit} says.
 */
public record TerminationPolicy(String name, List<StopCondition> conditions, LimitAction onLimit) {
    public static final Duration QEMU_DOWNTIME_LIMIT = Duration.ofMillis(300);
    /** QEMU itself has no limit; miglab cancels like an operator would, after this long (as in the recipe's runs). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    public enum LimitAction {
        /** Pause the guest and send what is left anyway (Xen). */
        STOP_AND_COPY,
        /** Give up; the guest keeps running on the source (QEMU with migrate_cancel). */
        CANCEL
    }

    public TerminationPolicy {
        InvalidSpecException.require(conditions != null && !conditions.isEmpty(), "policy", "at least one condition",
                conditions);
        conditions = List.copyOf(conditions);
        InvalidSpecException.require(conditions.stream().anyMatch(StopCondition::isLimit), "policy",
                "at least one limit (max-rounds, max-data or timeout) so every run ends", name);
    }

    /** QEMU: converge when the rest fits the downtime limit; no round limit, so cancel at a timeout. */
    public static TerminationPolicy qemu(Duration downtimeLimit, Duration timeout) {
        return new TerminationPolicy("qemu", List.of(new StopCondition.DowntimeBelow(downtimeLimit),
                new StopCondition.Timeout(timeout)), LimitAction.CANCEL);
    }

    public static TerminationPolicy qemu() {
        return qemu(QEMU_DOWNTIME_LIMIT, DEFAULT_TIMEOUT);
    }

    /** Xen (xc_domain_save): stop at fewer than 50 dirty pages, after 30 rounds, or after 3x memory sent; then
     * stop-and-copy whatever is left. */
    public static TerminationPolicy xen() {
        return new TerminationPolicy("xen", List.of(new StopCondition.FewDirtyPages(50),
                new StopCondition.MaxRounds(30), new StopCondition.MaxData(3.0)), LimitAction.STOP_AND_COPY);
    }

    public <T extends StopCondition> java.util.Optional<T> find(Class<T> type) {
        return conditions.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
