package io.miglab.datacenter.model;

import io.miglab.core.memory.GuestMemory;
import io.miglab.core.write.WriteModel;

/** One VM: its memory and writer (what a migration of it costs) and its CPU demand over time. */
public final class Vm {
    private final int id;
    private final String name;
    private final int vcpus;
    private final GuestMemory memory;
    private final WriteModel writes;
    private final CpuSeries cpu;
    Host host;
    double demandCores;
    boolean migrating;
    private double downtimeSeconds;
    private int migrations;

    public Vm(int id, String name, int vcpus, GuestMemory memory, WriteModel writes, CpuSeries cpu) {
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

    public Host host() { return host; }

    /** Cores the VM asks for now. */
    public double demandCores() { return demandCores; }

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
