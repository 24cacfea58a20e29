package io.miglab.datacenter.policy;

import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;
import java.util.Comparator;

/** The order in which a policy picks VMs to move off a host: first in the order goes first. */
@FunctionalInterface
public interface VmSelection {
    Comparator<Vm> order(PolicyContext context, Host host);

    /** Whether the selection reads the VMs' CPU history ({@link PolicyContext#history(Vm)}); kept only if so. */
    default boolean usesVmHistory() { return false; }

    /** A VM asked to move less than this long ago is not picked again (except to evacuate a host). */
    default double coolDownSeconds(PolicyConfig config) { return 0; }

    static VmSelection smallestMemory() {
        return (c, h) -> Comparator.comparingLong((Vm v) -> v.memory().bytes()).thenComparingInt(Vm::id);
    }

    static VmSelection leastDirtying() {
        return (c, h) -> Comparator.comparingDouble((Vm v) -> v.writes().pagesPerSecond()).thenComparingInt(Vm::id);
    }

    /**
     * Lowest predicted pre-copy time over the host's NIC: the geometric series of Clark et al. summed to its
     * limit, T = M / B / (1 - r) with r = dirty bytes per second / B, capped at 0.9 (a guest dirtying faster
     * is predicted at ten memory transfers).
     */
    static VmSelection lowestPredictedTime() {
        return (c, h) -> Comparator.comparingDouble((Vm v) -> predictedSeconds(v, c.migrationRateBytesPerSecond(v)))
                .thenComparingInt(Vm::id);
    }

    static double predictedSeconds(Vm v, double bytesPerSecond) {
        double r = Math.min(0.9, v.writes().pagesPerSecond() * v.memory().pageSizeBytes() / bytesPerSecond);
        return v.memory().bytes() / bytesPerSecond / (1 - r);
    }

    /** Minimum utilisation (MU, Beloglazov and Buyya, CCPE 2012, section 6.3.2): the VM asking least CPU first. */
    static VmSelection minimumUtilisation() {
        return (c, h) -> Comparator.comparingDouble(Vm::demandCores).thenComparingInt(Vm::id);
    }

    /** Minimum migration time (MMT, ibid., 6.3.1): RAM over the bandwidth the move would get, shortest first. */
    static VmSelection minimumMigrationTime() {
        return (c, h) -> Comparator.comparingDouble((Vm v) -> v.memory().bytes() / c.migrationRateBytesPerSecond(v))
                .thenComparingInt(Vm::id);
    }

    /** Random choice (RS, ibid., 6.3.3): a fresh draw per VM and tick from the run's seed. */
    static VmSelection randomChoice() {
        return (c, h) -> Comparator.comparingLong(c::draw).thenComparingInt(Vm::id);
    }
}
