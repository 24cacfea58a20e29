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
 * @param bandwidthCap     the hypervisor's own limit in pre-copy, like QEMU's {@code max-bandwidth} (128 MiB/s by
 *                         default there)
 * @param postCopyCap      the hypervisor's limit for the post-copy phase, like QEMU's {@code max-postcopy-bandwidth}
 *                         (0 = unlimited by default there: QEMU does not apply max-bandwidth to post-copy)
 */
public record Link(DataRate bandwidth, Duration roundTripLatency, Optional<DataRate> bandwidthCap,
                   Optional<DataRate> postCopyCap) {
    public Link {
        InvalidSpecException.require(roundTripLatency != null && !roundTripLatency.isNegative(), "latency",
                "a duration >= 0", roundTripLatency);
        bandwidthCap = bandwidthCap == null ? Optional.empty() : bandwidthCap;
        postCopyCap = postCopyCap == null ? Optional.empty() : postCopyCap;
    }

    /** A link whose post-copy phase has the same cap as pre-copy. */
    public Link(DataRate bandwidth, Duration roundTripLatency, Optional<DataRate> bandwidthCap) {
        this(bandwidth, roundTripLatency, bandwidthCap, bandwidthCap);
    }

    public static Link of(DataRate bandwidth) {
        return new Link(bandwidth, Duration.ZERO, Optional.empty());
    }

    /** The rate the migration stream really gets: the link or the cap, whichever is lower. */
    public DataRate effectiveBandwidth() {
        return bandwidthCap.isPresent() ? bandwidth.min(bandwidthCap.get()) : bandwidth;
    }

    /** The rate of the post-copy phase's pages: the link or the post-copy cap, whichever is lower. */
    public DataRate postCopyBandwidth() {
        return postCopyCap.map(bandwidth::min).orElse(bandwidth);
    }

    /**
     * The share of each rate-limit period in which the post-copy stream runs: QEMU sends a period's budget (the cap
     * x 100 ms) at the link's rate when the period starts, then waits for the next (migration/migration.c,
     * migration_rate_limit); 1 uncapped.
     */
    public double postCopyBurstShare() {
        return Math.min(1, postCopyBandwidth().bytesPerSecond() / bandwidth.bytesPerSecond());
    }

    /**
     * The rate of the switch-over, while the guest is paused: the link itself, not the cap. QEMU lifts its rate limit
     * for the final stage (migration/migration.c: migration_completion_precopy and postcopy_start call
     * migration_rate_set(RATE_LIMIT_DISABLED)). The migration's switch-over rate is {@code
     * MigrationSpec.switchOverBandwidth()}: this or the source's own rate with the guest paused, whichever is lower.
     */
    public DataRate switchOverBandwidth() {
        return bandwidth;
    }

    public double oneWaySeconds() { return roundTripLatency.toNanos() / 2e9; }

    public double roundTripSeconds() { return roundTripLatency.toNanos() / 1e9; }
}
