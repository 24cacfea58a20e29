package io.miglab.datacenter.policy;

import io.miglab.datacenter.model.Vm;
import java.util.Comparator;

/** The order in which a policy picks VMs to move off a host: first in the order goes first. */
@FunctionalInterface
public interface VmSelection {
    Comparator<Vm> order(PolicyContext context);

    static VmSelection smallestMemory() {
        return c -> Comparator.comparingLong((Vm v) -> v.memory().bytes()).thenComparingInt(Vm::id);
    }

    static VmSelection leastDirtying() {
        return c -> Comparator.comparingDouble((Vm v) -> v.writes().pagesPerSecond()).thenComparingInt(Vm::id);
    }

    /**
     * Lowest predicted pre-copy time over the host's NIC: the geometric series of Clark et al. summed to its
     * limit, T = M / B / (1 - r) with r = dirty bytes per second / B, capped at 0.9 (a guest dirtying faster
     * is predicted at ten memory transfers).
     */
    static VmSelection lowestPredictedTime() {
        return c -> Comparator.comparingDouble((Vm v) -> predictedSeconds(v, c.migrationRateBytesPerSecond(v)))
                .thenComparingInt(Vm::id);
    }

    static double predictedSeconds(Vm v, double bytesPerSecond) {
        double r = Math.min(0.9, v.writes().pagesPerSecond() * v.memory().pageSizeBytes() / bytesPerSecond);
        return v.memory().bytes() / bytesPerSecond / (1 - r);
    }
}
