package io.miglab.core.link;

import io.miglab.core.storage.Raid5;
import java.util.Objects;

/**
 * NAS-assisted pre-copy: a network-attached store between source and destination. It takes a copy of every page
 * of the first pass and of the stop-and-copy (sent by the source to both), and the later rounds' pages go through
 * it: the source writes them to the NAS, the destination fetches them from there. The NAS keeps the image on
 * RAID 5. Model of the seed paper (Kirthima and Chandrakar, "A Performance Impact Model of Virtual Machine Live
 * Migration").
 *
 * @param sourceToNas      the source's link to the NAS (its own bandwidth, latency and cap)
 * @param nasToDestination the destination's link to the NAS
 * @param raid             the NAS's disks
 */
public record NasAssist(Link sourceToNas, Link nasToDestination, Raid5 raid) {
    public NasAssist {
        Objects.requireNonNull(sourceToNas, "sourceToNas");
        Objects.requireNonNull(nasToDestination, "nasToDestination");
        Objects.requireNonNull(raid, "raid");
    }

    /**
     * Seconds to stream {@code wireBytes} (with {@code ioBytes} of disk operations) through the NAS: the three stages
     * (source link, disks, destination link) overlap, so the slowest sets the pace; then the source link's one-way
     * latency and the destination's fetch round trip.
     */
    public double relaySeconds(double wireBytes, double ioBytes) {
        double pace = Math.max(wireBytes / sourceToNas.effectiveBandwidth().bytesPerSecond(),
                Math.max(raid.ioSeconds(ioBytes), wireBytes / nasToDestination.effectiveBandwidth().bytesPerSecond()));
        return pace + sourceToNas.oneWaySeconds() + nasToDestination.roundTripSeconds();
    }

    /** Seconds for the NAS to take its copy of {@code wireBytes} (writing {@code ioBytes} of disk operations). */
    public double copySeconds(double wireBytes, double ioBytes, boolean switchOver) {
        double rate = (switchOver ? sourceToNas.switchOverBandwidth() : sourceToNas.effectiveBandwidth())
                .bytesPerSecond();
        return Math.max(wireBytes / rate, raid.ioSeconds(ioBytes)) + sourceToNas.oneWaySeconds();
    }
}
