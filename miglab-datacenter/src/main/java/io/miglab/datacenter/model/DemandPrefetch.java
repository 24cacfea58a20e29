package io.miglab.datacenter.model;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The worker thread that does the costly part of the next tick's CPU sampling ({@link CpuColumn#prepare}) while the
 * events up to that tick run: at a million VMs the sines, logarithms and square roots of the tick's sampling were an
 * eighth of the day on the simulation's thread. The tick then waits for the work (done long before) and copies.
 */
final class DemandPrefetch {
    /** Columns smaller than this are sampled on the spot: handing them over would cost more than it saves. */
    static final int MIN_SLOTS = 4096;
    /** One daemon thread for every datacenter: the work is small beside the events between two ticks. */
    private static final Executor WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "miglab-demand-prefetch");
        t.setDaemon(true);
        return t;
    });

    private static final boolean SECOND_CORE = Runtime.getRuntime().availableProcessors() > 1;

    private DemandPrefetch() { }

    /** Starts the work ahead of a sampling at {@code seconds} of each of {@code columns} big enough for it. */
    static void start(Collection<CpuColumn> columns, double seconds) {
        if (!SECOND_CORE) return; // on one core the worker would only take turns with the simulation
        for (CpuColumn c : columns) if (c.size >= MIN_SLOTS) c.prepare(seconds, WORKER);
    }

    /** The result of work started here, waiting for it if need be. */
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the CPU shares", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("drawing the CPU shares ahead failed", e.getCause());
        }
    }
}
