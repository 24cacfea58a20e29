package io.miglab.datacenter.scenario;

import io.miglab.core.error.InvalidSpecException;
import java.util.List;

/** At {@code atSeconds}, take down the named hosts and every host of the named racks (rack names: r0, r1, ...). */
public record Maintenance(double atSeconds, List<String> hosts, List<String> racks) {
    public Maintenance {
        InvalidSpecException.require(atSeconds >= 0, "maintenance.at", "a time >= 0", atSeconds);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        racks = racks == null ? List.of() : List.copyOf(racks);
        InvalidSpecException.require(!hosts.isEmpty() || !racks.isEmpty(), "maintenance", "hosts or racks to take down",
                "none");
    }
}
