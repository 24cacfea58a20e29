package io.miglab.datacenter.policy;

import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;
import io.miglab.datacenter.engine.KeyOrder;
import java.util.Comparator;
import java.util.List;

/** The order in which a policy picks VMs to move off a host: first in the order goes first. */
@FunctionalInterface
public interface VmSelection {
    Comparator<Vm> order(PolicyContext context, Host host);

    /**
     * A selection whose order is by one number per VM, lowest first, then by VM id: {@link PolicyContext#candidates}
     * reads the number once per VM and sorts on arrays instead of reading the VMs at every comparison.
     */
    @FunctionalInterface
    interface Keyed extends VmSelection {
        /** The number {@code vm} is ordered by (in {@link Double#compare}'s order). */
        double key(PolicyContext context, Host host, Vm vm);

        @Override
        default Comparator<Vm> order(PolicyContext context, Host host) {
            return Comparator.comparingDouble((Vm v) -> key(context, host, v)).thenComparingInt(Vm::id);
        }

        /** Sorts {@code vms} of {@code host} into {@link #order}, each VM's key read once, on {@code scratch}. */
        default void sort(PolicyContext context, Host host, List<Vm> vms, KeyOrder scratch) {
            int n = vms.size();
            Vm[] was = vms.toArray(new Vm[n]);
            for (int i = 0; i < n; i++) scratch.put(i, key(context, host, was[i]), was[i].id());
            int[] sorted = scratch.sort(n);
            for (int i = 0; i < n; i++) vms.set(i, was[sorted[i]]);
        }
    }

    /** Whether the selection reads the VMs' CPU history ({@link PolicyContext#history(Vm)}); kept only if so. */
    default boolean usesVmHistory() { return false; }

    /** A VM asked to move less than this long ago is not picked again (except to evacuate a host). */
    default double coolDownSeconds(PolicyConfig config) { return 0; }

    /** Smallest memory first; the bytes as a double are exact (memory sizes are far below 2^53 bytes). */
    static VmSelection smallestMemory() {
        return (Keyed) (c, h, v) -> v.memory().bytes();
    }

    static VmSelection leastDirtying() {
        return (Keyed) (c, h, v) -> v.writes().pagesPerSecond();
    }

    /**
     * Lowest predicted pre-copy time over the host's NIC: the geometric series of Clark et al. summed to its
     * limit, T = M / B / (1 - r) with r = dirty bytes per second / B, capped at 0.9 (a guest dirtying faster
     * is predicted at ten memory transfers).
     */
    static VmSelection lowestPredictedTime() {
        return (Keyed) (c, h, v) -> predictedSeconds(v, c.migrationRateBytesPerSecond(v));
    }

    static double predictedSeconds(Vm v, double bytesPerSecond) {
        double r = Math.min(0.9, v.writes().pagesPerSecond() * v.memory().pageSizeBytes() / bytesPerSecond);
        return v.memory().bytes() / bytesPerSecond / (1 - r);
    }

    /** Minimum utilisation (MU, Beloglazov and Buyya, CCPE 2012, section 6.3.2): the VM asking least CPU first. */
    static VmSelection minimumUtilisation() {
        return (Keyed) (c, h, v) -> v.demandCores();
    }

    /** Minimum migration time (MMT, ibid., 6.3.1): RAM over the bandwidth the move would get, shortest first. */
    static VmSelection minimumMigrationTime() {
        return (Keyed) (c, h, v) -> v.memory().bytes() / c.migrationRateBytesPerSecond(v);
    }

    /** Random choice (RS, ibid., 6.3.3): a fresh draw per VM and tick from the run's seed. */
    static VmSelection randomChoice() {
        return (c, h) -> Comparator.comparingLong(c::draw).thenComparingInt(Vm::id);
    }
}
