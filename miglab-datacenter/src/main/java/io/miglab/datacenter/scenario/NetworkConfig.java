package io.miglab.datacenter.scenario;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.DataRate;
import java.time.Duration;

/**
 * The network beyond the hosts' NICs, and what migrating costs the source's CPU.
 *
 * @param migrationCoresPerGbps cores the source host spends per Gbit/s it sends (0.1 by default: one core at
 *                              10 Gbit/s, this model's assumption for a single migration thread)
 */
public record NetworkConfig(DataRate rackUplink, DataRate core, Duration roundTrip, double migrationCoresPerGbps) {
    public static final double DEFAULT_CORES_PER_GBPS = 0.1;

    public NetworkConfig {
        InvalidSpecException.require(rackUplink != null, "network.rackUplink", "a rate like 40Gbit/s", rackUplink);
        InvalidSpecException.require(core != null, "network.core", "a rate like 400Gbit/s", core);
        InvalidSpecException.require(roundTrip != null && !roundTrip.isNegative(), "network.latency",
                "a duration >= 0", roundTrip);
        InvalidSpecException.require(migrationCoresPerGbps >= 0 && migrationCoresPerGbps <= 100,
                "network.migrationCoresPerGbps", "0 to 100", migrationCoresPerGbps);
    }
}
