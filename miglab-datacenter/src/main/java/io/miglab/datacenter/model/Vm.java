package io.miglab.datacenter.model;

import io.miglab.core.memory.GuestMemory;
import io.miglab.core.storage.StorageSpec;
import io.miglab.core.write.WriteModel;
import java.util.Optional;

/** One VM: its memory and writer (what a migration of it costs) and its CPU demand over time. */
public final class Vm {
    private final int id;
    private final String name;
    private final int vcpus;
    private final GuestMemory memory;
    private final WriteModel writes;
    private final CpuSeries cpu;
    private final Optional<StorageSpec> storage;
    Host host;
    /** The datacenter that holds its demand (by id), once added to one. */
    Datacenter owner;
    boolean migrating;
    private double downtimeSeconds;
    private int migrations;

    public Vm(int id, String name, int vcpus, GuestMemory memory, WriteModel writes, CpuSeries cpu) {
        this(id, name, vcpus, memory, writes, cpu, Optional.empty());
    }

    /** A VM with a local disk that moves with it as {@code storage} says (empty: no disk to move). */
    public Vm(int id, String name, int vcpus, GuestMemory memory, WriteModel writes, CpuSeries cpu,
              Optional<StorageSpec> storage) {
        this.storage = storage == null ? Optional.empty() : storage;
        this.id = id;
        this.name = name;
        this.vcpus = vcpus;
        this.memory = memory;
        this.writes = writes;
        this.cpu = cpu;
    }

    public int id() { return id; }

    public String name() { return name; }

    public int vcpus() { return vcpus; }

    public GuestMemory memory() { return memory; }

    public WriteModel writes() { return writes; }

    public CpuSeries cpu() { return cpu; }

    /** The VM's local disk and how it moves; empty: none (shared storage). */
    public Optional<StorageSpec> storage() { return storage; }

    public Host host() { return host; }

    /** Cores the VM asks for now. */
    public double demandCores() { return owner == null ? 0 : owner.demandOf(id); }

    public boolean isMigrating() { return migrating; }

    /** Downtime this VM has seen in all its migrations. */
    public double downtimeSeconds() { return downtimeSeconds; }

    public int migrations() { return migrations; }

    void addDowntime(double seconds) {
        downtimeSeconds += seconds;
        migrations++;
    }

    @Override
    public String toString() { return name; }
}
