package io.miglab.bench.host;

/**
 * How the model backends (simulator, closed form) account for host load: fair sharing of the source host's
 * cores among the threads that want a whole core. The busy threads are the background VMs' vCPUs, the measured
 * VM's vCPU when its workload is CPU-bound, and the migration thread while a migration runs (QEMU sends from its
 * own thread, migration/migration.c migration_thread). Paced workloads (idle, memory writers) have slack and are
 * not counted.
 *
 * <ul>
 *   <li>CPU share of the measured vCPU: min(1, cores / busy threads).</li>
 *   <li>Effective migration bandwidth: the link's, times the migration thread's share (it copies and checksums
 *   every page; with half a core it sends at most half as fast).</li>
 * </ul>
 * With 2 cores and LIGHT load nothing is reduced; with HEAVY load (2 background VMs) a CPU-bound guest gets 2/3 of a
 * core alone and 1/2 while migrating, and the migration thread gets 1/2 (CPU-bound guest) or 2/3 (paced guest).
 *
 * @param cores host cores shared by all guests (this project's machines: 2)
 */
public record HostModel(int cores) {
    public HostModel {
        if (cores < 1) throw new IllegalArgumentException("cores must be >= 1");
    }

    public static HostModel twoCores() {
        return new HostModel(2);
    }

    private int busyThreads(HostLoad load, boolean cpuBoundGuest, boolean migrating) {
        return load.backgroundVms() + (cpuBoundGuest ? 1 : 0) + (migrating ? 1 : 0);
    }

    /** Share of a core the measured (CPU-bound) vCPU gets. */
    public double vcpuShare(HostLoad load, boolean migrating) {
        return Math.min(1.0, (double) cores / busyThreads(load, true, migrating));
    }

    /** Factor on the link's bandwidth while migrating. */
    public double bandwidthShare(HostLoad load, boolean cpuBoundGuest) {
        return Math.min(1.0, (double) cores / busyThreads(load, cpuBoundGuest, true));
    }
}
