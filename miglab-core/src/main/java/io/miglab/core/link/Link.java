package io.miglab.core.link;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.DataRate;
import java.time.Duration;
import java.util.Optional;

/**
 * The path the migration stream takes.
 *
 * @param bandwidth        what the network can carry
 * @param roundTripLatency round-trip time; half of it is added when the last byte of a phase is in flight, a whole
 *                         one for each post-copy page fault
 * @param bandwidthCap     the hypervisor's own limit, like QEMU's {@code max-bandwidth} (128 MiB/s by default there)
 */
public record Link(DataRate bandwidth, Duration roundTripLatency, Optional<DataRate> bandwidthCap) {
    public Link {
        InvalidSpecException.require(roundTripLatency != null && !roundTripLatency.isNegative(), "latency",
                "a duration >= 0", roundTripLatency);
        bandwidthCap = bandwidthCap == null ? Optional.empty() : bandwidthCap;
    }

    public static Link of(DataRate bandwidth) {
        return new Link(bandwidth, Duration.ZERO, Optional.empty());
    }

    /** The rate the migration stream really gets: the link or the cap, whichever is lower. */
    public DataRate effectiveBandwidth() {
        return bandwidthCap.map(bandwidth::min).orElse(bandwidth);
    }

    /**
     * The rate of the switch-over, while the guest is paused: the link itself, not the cap. QEMU lifts its rate limit
     * for the final stage (migration/migration.c: migration_completion_precopy and postcopy_start call
     * migration_rate_set(RATE_LIMIT_DISABLED)).
     */
    public DataRate switchOverBandwidth() {
        return bandwidth;
    }

    public double oneWaySeconds() { return roundTripLatency.toNanos() / 2e9; }

    public double roundTripSeconds() { return roundTripLatency.toNanos() / 1e9; }
}
