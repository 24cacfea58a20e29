package io.miglab.datacenter.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One host and its running totals. CPU is counted in cores: the demand of the VMs running here, the CPU cost of
 * the migrations it sends, and the cores reserved for VMs on their way in. Energy and time over the
 * over-utilisation threshold are integrated exactly between changes: call {@link #account} before every change.
 */
public final class Host {
    private final int id;
    private final String name;
    private final int rack;
    private final HostSpec spec;
    final List<Vm> vms = new ArrayList<>();
    /** The read-only view {@link #vms()} returns, made once: policies ask every host for it at every tick. */
    private final List<Vm> vmsView = java.util.Collections.unmodifiableList(vms);
    private double vmCores;
    private double migrationCores;
    private double reservedCores;
    private long memoryUsed;
    private boolean on = true;
    private boolean maintenance;
    private boolean draining;
    private int migrations;
    /** VMs here that are migrating (leaving, or arrived but with their migration not yet ended). */
    private int migratingVms;
    /** {@code vms.size()}, kept here so that a scan of every host's emptiness does not read each host's list. */
    private int vmCount;
    /**
     * The ids of {@link #vms}, in the same order: what the datacenter's sums over a host's VMs read with its arrays
     * by VM id, instead of a VM object each (at a million VMs, those objects are scattered and mostly not cached).
     */
    int[] vmIds = new int[4];
    private double lastAccount;
    private double energyJoules;
    private double overloadSeconds;
    private double activeSeconds;
    private double fullSeconds;
    private double migrationCoreSeconds;

    public Host(int id, String name, int rack, HostSpec spec) {
        this.id = id;
        this.name = name;
        this.rack = rack;
        this.spec = spec;
    }

    public int id() { return id; }

    public String name() { return name; }

    public int rack() { return rack; }

    public HostSpec spec() { return spec; }

    public List<Vm> vms() { return vmsView; }

    /** How many VMs run here: {@code vms().size()}. */
    public int vmCount() { return vmCount; }

    public boolean isOn() { return on; }

    public boolean inMaintenance() { return maintenance; }

    /** Being emptied by consolidation: takes no VMs in. */
    public boolean isDraining() { return draining; }

    void setDraining(boolean d) { draining = d; }

    /** Migrations this host takes part in now, as source or destination. */
    public int migrations() { return migrations; }

    /** How many of the VMs here are migrating: 0 means none of them is leaving (a policy need not look at each). */
    public int migratingVms() { return migratingVms; }

    public double vmCores() { return vmCores; }

    public double migrationCores() { return migrationCores; }

    public double reservedCores() { return reservedCores; }

    public long memoryUsedBytes() { return memoryUsed; }

    public long memoryFreeBytes() { return spec.memory().bytes() - memoryUsed; }

    /** CPU asked of the host over its cores; may exceed 1 (then the VMs get less than they ask). */
    public double demandShare() { return (vmCores + migrationCores) / spec.cores(); }

    /** CPU asked including the reservations for VMs on their way in: what a placement decision looks at. */
    public double committedShare() { return (vmCores + migrationCores + reservedCores) / spec.cores(); }

    /** CPU utilisation, 0..1. */
    public double utilisation() { return Math.min(1, demandShare()); }

    public double watts() { return on ? spec.power().watts(utilisation()) : 0; }

    public double energyJoules() { return energyJoules; }

    /** Seconds during which the demand exceeded the over-utilisation threshold. */
    public double overloadSeconds() { return overloadSeconds; }

    /** Seconds this host was switched on. */
    public double activeSeconds() { return activeSeconds; }

    /** Seconds this host was on with its CPU fully used (demand at or over its cores): Beloglazov's T_s. */
    public double fullSeconds() { return fullSeconds; }

    /** CPU spent on migration streams so far, in core-seconds. */
    public double migrationCoreSeconds() { return migrationCoreSeconds; }

    /** Integrates power, overload and migration CPU up to {@code now}. */
    public void account(double now, double overThreshold) {
        double dt = now - lastAccount;
        if (dt <= 0) return;
        if (on) {
            energyJoules += watts() * dt;
            activeSeconds += dt;
            if (demandShare() > overThreshold) overloadSeconds += dt;
            if (demandShare() >= 1) fullSeconds += dt;
            migrationCoreSeconds += migrationCores * dt;
        }
        lastAccount = now;
    }

    // ---- changes (the caller accounts first) ----

    void setVmCores(double cores) { vmCores = cores; }

    void addVmCores(double cores) { vmCores += cores; }

    public void setMigrationCores(double cores) { migrationCores = Math.max(0, cores); }

    void reserve(double cores, long memoryBytes) {
        reservedCores += cores;
        memoryUsed += memoryBytes;
    }

    void release(double cores) { reservedCores = Math.max(0, reservedCores - cores); }

    void freeMemory(long bytes) { memoryUsed -= bytes; }

    void useMemory(long bytes) { memoryUsed += bytes; }

    void addVm(Vm vm) {
        if (vmCount == vmIds.length) vmIds = java.util.Arrays.copyOf(vmIds, 2 * vmCount);
        vmIds[vmCount++] = vm.id();
        vms.add(vm);
    }

    void removeVm(Vm vm) {
        int id = vm.id(), k = 0;
        while (k < vmCount && vmIds[k] != id) k++; // ids are unique: the same place as the VM in the list
        if (k == vmCount) return;
        System.arraycopy(vmIds, k + 1, vmIds, k, vmCount - k - 1);
        vmCount--;
        vms.remove(k);
    }

    void setOn(boolean on) { this.on = on; }

    void setMaintenance(boolean m) { maintenance = m; }

    void migrationStarted() { migrations++; }

    void migrationEnded() { migrations--; }

    void migratingVmsChanged(int by) { migratingVms += by; }

    @Override
    public String toString() { return name; }
}
