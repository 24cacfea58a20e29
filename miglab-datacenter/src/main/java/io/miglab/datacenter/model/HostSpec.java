package io.miglab.datacenter.model;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;

/** What one host offers. */
public record HostSpec(int cores, ByteSize memory, DataRate nic, PowerModel power) {
    public HostSpec {
        InvalidSpecException.require(cores >= 1 && cores <= 4096, "host.cores", "1 to 4096", cores);
        InvalidSpecException.require(memory != null && memory.bytes() > 0, "host.memory", "a size > 0", memory);
        InvalidSpecException.require(nic != null, "host.nic", "a rate like 10Gbit/s", nic);
        InvalidSpecException.require(power != null, "host.power", "idle and peak watts", power);
    }
}
