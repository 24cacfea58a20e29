package io.miglab.datacenter.scenario;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.DataRate;

/**
 * A scenario's NAS ({@code nas:}): a node of the network that NAS-assisted migrations share (docs/datacenter.md,
 * "NAS-assisted migration").
 *
 * @param name           the NAS's name (its links are name.in, name.out, name.disk)
 * @param link           its port's rate, each direction (sources write to it, destinations fetch from it)
 * @param disks          disks in the array, 3 to 64
 * @param diskThroughput what one disk reads or writes per second
 * @param raid5          true: RAID 5, a small write costs four disk operations per byte; false: striped, one
 * @param assist         true: every migration is NAS-assisted; false: the NAS is there but unused
 */
public record NasConfig(String name, DataRate link, int disks, DataRate diskThroughput, boolean raid5,
                        boolean assist) {
    public NasConfig {
        InvalidSpecException.require(name != null && name.matches("[A-Za-z0-9_-]{1,40}"), "nas.name",
                "1 to 40 letters, digits, - or _", name);
        InvalidSpecException.require(link != null && link.bytesPerSecond() > 0
                && Double.isFinite(link.bytesPerSecond()), "nas.link", "a rate above 0 like 10Gbit/s", link);
        InvalidSpecException.require(disks >= 3 && disks <= 64, "nas.disks", "3 to 64 disks", disks);
        InvalidSpecException.require(diskThroughput != null && diskThroughput.bytesPerSecond() > 0
                        && Double.isFinite(diskThroughput.bytesPerSecond()), "nas.diskThroughput",
                "a rate above 0 like 150MB/s", diskThroughput);
    }
}
