package io.miglab.datacenter.scenario;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.datacenter.model.HostSpec;

/** {@code racks} racks of {@code hostsPerRack} identical hosts. */
public record RackGroup(int racks, int hostsPerRack, HostSpec host) {
    public RackGroup {
        InvalidSpecException.require(racks >= 1 && racks <= 100_000, "racks.count", "1 to 100000", racks);
        InvalidSpecException.require(hostsPerRack >= 1 && hostsPerRack <= 10_000, "racks.hostsPerRack",
                "1 to 10000", hostsPerRack);
    }
}
