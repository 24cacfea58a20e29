package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.result.StopReason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /**
     * Where pre-copy stands after a round: what the policy's verdict is computed from.
     *
     * @param fixedSwitchOverSeconds what the switch-over costs whatever is left: the device state at the switch-over
     *                               rate plus the resume time
     */
    public record Progress(long remainingPages, int pageSizeBytes, double measuredBytesPerSecond, int roundsDone,
                           double bytesSent, long memoryBytes, double elapsedSeconds, double fixedSwitchOverSeconds) { }

    /** A round cut at the timeout ends there up to rounding: 1 ns. */
    static final double TIME_TOLERANCE_SECONDS = 1e-9;

    /** No run goes on for more rounds than this, whatever the policy. */
    public static final int ROUND_CAP = 100_000;

    /**
     * The verdict after a round: a convergence reason, a limit reason, or empty to go on. An unreachable downtime
     * limit and a reached time limit come first; otherwise convergence wins when it and a round or data limit both
     * hold; nothing left to send is convergence. The one place every backend's pre-copy decides (the page-level
     * session, the closed form, the datacenter's rate-based migrations).
     */
    public Optional<StopReason> verdict(Progress p) {
        // a limit no pre-copy can meet is said so at once, not reported as met after the fact
        boolean reachable = false, limited = false;
        for (StopCondition c : conditions) {
            if (c instanceof StopCondition.DowntimeBelow d) {
                limited = true;
                reachable |= p.fixedSwitchOverSeconds() <= d.limit().toNanos() / 1e9;
            } else if (c instanceof StopCondition.FewDirtyPages) {
                reachable = true;
            }
        }
        if (limited && !reachable) return Optional.of(StopReason.LIMIT_UNREACHABLE);
        // a migration that has reached its time limit has timed out, even if the rest would fit now (the engines
        // end the round the timeout falls in at the timeout; miglab's QEMU driver cancels at it)
        // without Optional's filter: a lambda per round showed in a batch's profile
        Optional<Duration> timeout = timeout();
        if (timeout.isPresent() && p.elapsedSeconds() >= timeout.get().toNanos() / 1e9 - TIME_TOLERANCE_SECONDS) {
            return Optional.of(StopReason.TIMEOUT);
        }
        for (StopCondition c : conditions) {
            if (c instanceof StopCondition.DowntimeBelow d) {
                double expectedSeconds = p.remainingPages() * (double) p.pageSizeBytes() / p.measuredBytesPerSecond();
                if (expectedSeconds <= d.limit().toNanos() / 1e9) {
                    return Optional.of(StopReason.DOWNTIME_LIMIT_MET);
                }
            } else if (c instanceof StopCondition.FewDirtyPages f && p.remainingPages() < f.pages()) {
                return Optional.of(StopReason.FEW_DIRTY_PAGES);
            }
        }
        if (p.remainingPages() == 0) return Optional.of(StopReason.FEW_DIRTY_PAGES);
        for (StopCondition c : conditions) {
            if (c instanceof StopCondition.MaxRounds r && p.roundsDone() >= r.rounds()) {
                return Optional.of(StopReason.MAX_ROUNDS);
            } else if (c instanceof StopCondition.MaxData m && p.bytesSent() >= m.factor() * p.memoryBytes()) {
                return Optional.of(StopReason.MAX_DATA);
            }
        }
        if (p.roundsDone() >= ROUND_CAP) return Optional.of(StopReason.MAX_ROUNDS);
        return Optional.empty();
    }

    /**
     * This policy with its downtime limit checked while a pass is under way, as QEMU's migration thread does on every
     * iteration (migration_iteration_run); a policy without a downtime limit is returned as it is.
     */
    public TerminationPolicy withMidPassCheck() {
        List<StopCondition> checked = conditions.stream().map(c -> c instanceof StopCondition.DowntimeBelow d
                ? (StopCondition) new StopCondition.DowntimeBelow(d.limit(), true) : c).toList();
        return new TerminationPolicy(name, checked, onLimit);
    }

    /** The downtime limit when the policy checks it while a pass is under way (QEMU's way), else empty. */
    public Optional<Duration> midPassDowntimeLimit() {
        // without Optional's filter and map: every prediction asks, and the lambdas showed up in its profile
        Optional<StopCondition.DowntimeBelow> d = find(StopCondition.DowntimeBelow.class);
        return d.isPresent() && d.get().checkedMidPass() ? Optional.of(d.get().limit()) : Optional.empty();
    }

    /** How long the policy lets a migration last, if it says. */
    public Optional<Duration> timeout() {
        Optional<StopCondition.Timeout> t = find(StopCondition.Timeout.class);
        return t.isPresent() ? Optional.of(t.get().after()) : Optional.empty();
    }

    public <T extends StopCondition> Optional<T> find(Class<T> type) {
        // by index: a policy is asked every round of every prediction, and an iterator per question showed up
        for (int i = 0; i < conditions.size(); i++) {
            StopCondition c = conditions.get(i);
            if (type.isInstance(c)) return Optional.of(type.cast(c));
        }
        return Optional.empty();
    }
}
