package io.miglab.datacenter.model;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The next tick's CPU shares of the columns whose share is a function of the time alone (diurnal), computed on a
 * second thread while the events up to that tick run: at a million VMs the sines of the tick's sampling were a
 * tenth of the day on the simulation's thread. The tick then only copies them to the VMs' ids. The same method
 * computes each share as the tick would ({@link CpuColumn#sharesLater}), so the numbers are the same bit for bit;
 * a column not prepared for the tick's exact time is sampled on the spot as before.
 */
final class DemandPrefetch {
    /** Columns smaller than this are sampled on the spot: handing them over would cost more than it saves. */
    static final int MIN_SLOTS = 4096;
    /** One daemon thread for every datacenter: the work is the sines, its results wait for their tick. */
    private static final Executor WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "miglab-demand-prefetch");
        t.setDaemon(true);
        return t;
    });

    private record Pending(double at, int slots, CompletableFuture<double[]> shares) { }

    private final Map<CpuColumn, Pending> pending = new IdentityHashMap<>();
    /** Per column, the array of shares its last prefetch filled and the tick has copied out: filled again next. */
    private final Map<CpuColumn, double[]> spare = new IdentityHashMap<>();
    private final int minSlots;

    DemandPrefetch(int minSlots) { this.minSlots = minSlots; }

    /** Starts computing the shares at {@code at} of those of {@code columns} that allow it. */
    void start(Collection<CpuColumn> columns, double at) {
        for (CpuColumn c : columns) {
            if (c.size() < minSlots || pending.containsKey(c)) continue; // one at a time per column
            var work = c.sharesLater(at, c.size(), spare.remove(c));
            if (work != null) pending.put(c, new Pending(at, c.size(), CompletableFuture.supplyAsync(work, WORKER)));
        }
    }

    /**
     * Writes {@code column}'s shares at {@code now} at its VMs' ids if they were prepared for that time, and says
     * whether it did; otherwise the caller samples the column itself (a prefetch for another time is dropped).
     */
    boolean copyInto(CpuColumn column, double now, double[] shareByVmId) {
        Pending p = pending.remove(column);
        if (p == null) return false;
        double[] shares = join(p.shares()); // done with it from here: the array can be filled again
        spare.put(column, shares);
        if (p.at() != now) return false;
        column.copyInto(shares, p.slots(), now, shareByVmId);
        return true;
    }

    private static double[] join(CompletableFuture<double[]> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the CPU shares", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("computing the CPU shares failed", e.getCause());
        }
    }
}
