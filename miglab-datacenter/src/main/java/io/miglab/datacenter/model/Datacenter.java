package io.miglab.datacenter.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The hosts, the VMs and where each VM runs. All changes to placement and CPU go through here so that the hosts'
 * energy and overload integrals are brought up to date before each change.
 */
public final class Datacenter {
    private final List<Host> hosts;
    private final List<Vm> vms = new ArrayList<>();
    private final Topology topology;
    private final int racks;
    private final double overThreshold;
    /** Each VM's demand in cores by VM id, as {@link #updateDemand} last sampled it; 0 for a VM lost or unknown. */
    private double[] demandById = new double[0];
    /**
     * By VM id, what {@link #updateDemand} reads: the CPU series, vCPUs and the host it runs on (-1: lost or no VM).
     * Arrays walked in order instead of a VM object, its series and its host per VM: at a million VMs the demand
     * sampling at every tick was half of the run, mostly waiting for memory.
     */
    private CpuSeries[] seriesById = new CpuSeries[0];
    private int[] vcpusById = new int[0];
    private int[] hostById = new int[0];
    /** Whether the VM is migrating ({@link Vm#isMigrating}), by id, for {@link #stayingCores}. */
    private boolean[] migratingById = new boolean[0];
    /** Whether the VM's series is a slot of one of {@link #columns}, sampled a column at a time. */
    private boolean[] columnarById = new boolean[0];
    private final java.util.Set<CpuColumn> columns = new java.util.LinkedHashSet<>();
    private final java.util.BitSet draining = new java.util.BitSet();
    private int inMaintenance;
    /** {@link #updateDemand}'s sums of demand by host id. */
    private final double[] coresByHost;

    public Datacenter(List<Host> hosts, int racks, Topology topology, double overThreshold) {
        this.hosts = List.copyOf(hosts);
        this.racks = racks;
        this.topology = topology;
        this.overThreshold = overThreshold;
        this.coresByHost = new double[hosts.size()];
    }

    public List<Host> hosts() { return hosts; }

    public List<Vm> vms() { return Collections.unmodifiableList(vms); }

    public Topology topology() { return topology; }

    public int racks() { return racks; }

    public double overThreshold() { return overThreshold; }

    /** Places a new VM on {@code host} at time {@code now}. */
    public void add(Vm vm, Host host, double now) {
        requireRoom(vm, host);
        int id = vm.id();
        if (vm.owner != null || id < seriesById.length && seriesById[id] != null) {
            throw new IllegalArgumentException(vm + ": VM id " + id + " is in a datacenter already");
        }
        if (id >= seriesById.length) grow(Math.max(id + 1, 2 * seriesById.length));
        seriesById[id] = vm.cpu();
        vcpusById[id] = vm.vcpus();
        hostById[id] = host.id();
        if (vm.cpu() instanceof CpuColumn.Slot slot) {
            slot.column().bind(slot.slot(), id);
            columns.add(slot.column());
            columnarById[id] = true;
        }
        vm.owner = this;
        vms.add(vm);
        host.account(now, overThreshold);
        vm.host = host;
        host.addVm(vm);
        host.useMemory(vm.memory().bytes());
        host.addVmCores(vm.demandCores());
        if (!host.isOn()) host.setOn(true);
    }

    private void grow(int length) {
        demandById = Arrays.copyOf(demandById, length);
        seriesById = Arrays.copyOf(seriesById, length);
        vcpusById = Arrays.copyOf(vcpusById, length);
        columnarById = Arrays.copyOf(columnarById, length);
        migratingById = Arrays.copyOf(migratingById, length);
        int old = hostById.length;
        hostById = Arrays.copyOf(hostById, length);
        Arrays.fill(hostById, old, length, -1);
    }

    /** The demand in cores of the VM with id {@code id} as last sampled. */
    double demandOf(int id) { return demandById[id]; }

    /** A host never holds more VM memory than it has: placements and policies check first, this keeps them honest. */
    private static void requireRoom(Vm vm, Host host) {
        if (host.memoryFreeBytes() < vm.memory().bytes()) {
            throw new IllegalStateException(vm + " (" + vm.memory().size() + ") does not fit on " + host + " ("
                    + host.memoryFreeBytes() + " B free)");
        }
    }

    /** Samples every VM's demand at {@code now} and recomputes each host's VM cores. */
    public void updateDemand(double now) { updateDemand(now, h -> { }); }

    /**
     * Samples every VM's demand at {@code now}, recomputes each host's VM cores and then shows each host, in id
     * order, to {@code then}: one pass over the hosts for what the tick reads of each, not one pass per reader (a
     * pass over a hundred thousand host objects is mostly waiting for memory).
     */
    public void updateDemand(double now, java.util.function.Consumer<Host> then) {
        double[] cores = coresByHost; // kept from tick to tick: the sums start from 0 at each
        Arrays.fill(cores, 0);
        double[] demand = demandById;
        CpuSeries[] series = seriesById;
        int[] vcpus = vcpusById, on = hostById;
        boolean[] columnar = columnarById;
        for (CpuColumn c : columns) c.sampleInto(now, demand); // the shares; each becomes cores below
        // by id, the order the VMs were added in (and the list of VMs keeps), so each host's sum is the same
        for (int id = 0; id < on.length; id++) {
            int host = on[id];
            if (host < 0) continue;
            double d = vcpus[id] * (columnar[id] ? demand[id] : series[id].shareAt(now));
            demand[id] = d;
            cores[host] += d;
        }
        for (Host h : hosts) { // the integrals up to now with the old demand, then the new demand
            h.account(now, overThreshold);
            h.setVmCores(cores[h.id()]);
            then.accept(h);
        }
    }

    /**
     * The next {@link #updateDemand} will be at {@code at}: the costly part of its sampling (diurnal shares, random
     * walks' next draws) starts now on another thread ({@link DemandPrefetch}); the same numbers whether or not.
     */
    public void prepareDemand(double at) { DemandPrefetch.start(columns, at); }

    /**
     * Every VM's demand in cores by VM id, as last sampled (0 for a lost VM): the live array, for loops over all VMs
     * that only read it. Its length is at least one more than the highest id sampled.
     */
    public double[] demandByVmId() { return demandById; }

    /** Brings every host's integrals up to {@code now}. */
    public void accountAll(double now) {
        for (Host h : hosts) h.account(now, overThreshold);
    }

    /** A migration of {@code vm} to {@code destination} begins: reserve room there. */
    public void beginMigration(Vm vm, Host destination, double now) {
        requireRoom(vm, destination);
        destination.account(now, overThreshold);
        if (!destination.isOn()) destination.setOn(true);
        destination.reserve(vm.demandCores(), vm.memory().bytes());
        destination.migrationStarted();
        vm.host.migrationStarted();
        vm.host.migratingVmsChanged(1);
        setMigrating(vm, true);
    }

    /** The VM now runs on {@code destination}. */
    public void moveVm(Vm vm, Host destination, double reservedCores, double now) {
        Host source = vm.host;
        source.account(now, overThreshold);
        destination.account(now, overThreshold);
        source.removeVm(vm);
        source.addVmCores(-vm.demandCores());
        source.freeMemory(vm.memory().bytes());
        if (vm.migrating) {
            source.migratingVmsChanged(-1);
            destination.migratingVmsChanged(1);
        }
        destination.release(reservedCores);
        destination.addVm(vm);
        destination.addVmCores(vm.demandCores());
        vm.host = destination;
        hostById[vm.id()] = destination.id();
    }

    /** The migration ended (completed or cancelled); {@code downtimeSeconds} is what the VM saw. */
    public void endMigration(Vm vm, Host source, Host destination, boolean completed, double reservedCores,
                             double downtimeSeconds, double now) {
        destination.account(now, overThreshold);
        if (!completed) {
            destination.release(reservedCores);
            destination.freeMemory(vm.memory().bytes());
        }
        destination.migrationEnded();
        source.migrationEnded();
        if (vm.migrating) vm.host.migratingVmsChanged(-1);
        setMigrating(vm, false);
        vm.addDowntime(downtimeSeconds);
    }

    /**
     * A failed migration lost {@code vm}: it leaves the host it ran on (the source, or the destination once it ran
     * there) and the datacenter; the destination's reservation is released if it never arrived.
     */
    public void loseVm(Vm vm, Host source, Host destination, double reservedCores, double now) {
        Host on = vm.host;
        on.account(now, overThreshold);
        destination.account(now, overThreshold);
        on.removeVm(vm);
        if (vm.migrating) on.migratingVmsChanged(-1);
        on.addVmCores(-vm.demandCores());
        on.freeMemory(vm.memory().bytes());
        if (on == source) {
            destination.release(reservedCores);
            destination.freeMemory(vm.memory().bytes());
        }
        vms.remove(vm);
        demandById[vm.id()] = 0;
        hostById[vm.id()] = -1;
        if (vm.cpu() instanceof CpuColumn.Slot slot) slot.column().bind(slot.slot(), -1); // no longer sampled
        destination.migrationEnded();
        source.migrationEnded();
        setMigrating(vm, false);
    }

    private void setMigrating(Vm vm, boolean migrating) {
        vm.migrating = migrating;
        migratingById[vm.id()] = migrating;
    }

    /**
     * CPU {@code h} will still carry once the VMs already leaving it are gone, in cores: its demand less each
     * migrating VM's, subtracted in the order of its VMs. Read from the arrays by VM id through the host's list of
     * ids: at a million VMs, a policy's walk over each VM object of the hosts with VMs leaving was a tenth of the run.
     */
    public double stayingCores(Host h) {
        double cores = h.vmCores() + h.migrationCores();
        if (h.migrations() == 0 || h.migratingVms() == 0) return cores; // none of its VMs is leaving
        int[] ids = h.vmIds;
        for (int k = 0, n = h.vmCount(); k < n; k++) if (migratingById[ids[k]]) cores -= demandById[ids[k]];
        return cores;
    }

    /** Sets the CPU cost of the migrations {@code host} sends. */
    public void setMigrationCores(Host host, double cores, double now) {
        host.account(now, overThreshold);
        host.setMigrationCores(cores);
    }

    public void powerOff(Host host, double now) {
        if (host.vmCount() > 0 || host.migrations() > 0 || host.memoryUsedBytes() != 0) {
            throw new IllegalStateException(host + " is not empty");
        }
        host.account(now, overThreshold);
        host.setOn(false);
        setDraining(host, false);
    }

    public void setMaintenance(Host host, boolean on) {
        if (host.inMaintenance() != on) inMaintenance += on ? 1 : -1;
        host.setMaintenance(on);
    }

    /** Hosts in maintenance now. */
    public int hostsInMaintenance() { return inMaintenance; }

    public void setDraining(Host host, boolean on) {
        host.setDraining(on);
        draining.set(host.id(), on);
    }

    /** The next host being emptied with an id at or above {@code from}, or null: a walk of those hosts only. */
    public Host nextDraining(int from) {
        int i = draining.nextSetBit(from);
        return i < 0 ? null : hosts.get(i);
    }
}
