package io.miglab.datacenter.policy;

import io.miglab.datacenter.model.Datacenter;
import io.miglab.datacenter.model.Host;

/**
 * What the policies' scans over every host read (which hosts are over- or under-utilised, which are empty), by host
 * id in plain arrays: {@link PolicyContext} re-reads a host into it whenever it re-reads the host for placement (at
 * each tick's walk over the hosts and after each change it makes), so a scan of a hundred thousand hosts reads
 * arrays in order instead of a host object each (at a million VMs a day, those scans waited for memory). The
 * hosts' cores and whether each is on are the context's own arrays, which the same re-read fills.
 */
final class HostScan {
    private final double[] demandCores;
    /** The context's: each host's cores, and whether it is on. */
    private final double[] cores;
    private final boolean[] on;
    private final int[] migrations;
    private final int[] migratingVms;
    private final int[] vmCount;
    private final boolean[] maintenance;
    private final boolean[] draining;
    private final boolean[] noMemoryUsed;

    /** Over the context's arrays of each host's {@code cores} and whether it is {@code on}, indexed by host id. */
    HostScan(double[] cores, boolean[] on) {
        int hosts = cores.length;
        this.cores = cores;
        this.on = on;
        demandCores = new double[hosts];
        migrations = new int[hosts];
        migratingVms = new int[hosts];
        vmCount = new int[hosts];
        maintenance = new boolean[hosts];
        draining = new boolean[hosts];
        noMemoryUsed = new boolean[hosts];
    }

    /** Re-reads host {@code h}, whose cores and on-state the context has just re-read. */
    void refresh(Host h) {
        int i = h.id();
        demandCores[i] = h.vmCores() + h.migrationCores();
        migrations[i] = h.migrations();
        migratingVms[i] = h.migratingVms();
        vmCount[i] = h.vmCount();
        maintenance[i] = h.inMaintenance();
        draining[i] = h.isDraining();
        noMemoryUsed[i] = h.memoryUsedBytes() == 0;
    }

    int size() { return cores.length; }

    /** {@link Host#demandShare()}: the same sum over the same cores. */
    double demandShare(int i) { return demandCores[i] / cores[i]; }

    /**
     * What {@link Datacenter#stayingCores} says of host {@code i} of {@code dc} divided by its cores, for a host on
     * and not in maintenance; {@code NaN} (never over a threshold) for any other host. A host with VMs leaving is
     * read whole.
     */
    double stayingShare(int i, Datacenter dc) {
        if (!on[i] || maintenance[i]) return Double.NaN;
        boolean leaving = migrations[i] > 0 && migratingVms[i] > 0; // else staying is the whole demand
        return (leaving ? dc.stayingCores(dc.hosts().get(i)) : demandCores[i]) / cores[i];
    }

    /** Whether a host that is on has nothing on it and nothing on its way: it can be switched off. */
    boolean emptyOn(int i) { return on[i] && vmCount[i] == 0 && migrations[i] == 0 && noMemoryUsed[i]; }

    /** Whether consolidation may try to empty the host: on, not in maintenance or being emptied, VMs, no migration. */
    boolean mayEmpty(int i) {
        return on[i] && !maintenance[i] && !draining[i] && migrations[i] == 0 && vmCount[i] > 0;
    }
}
