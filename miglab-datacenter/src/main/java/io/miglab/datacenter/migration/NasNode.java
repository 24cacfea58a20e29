package io.miglab.datacenter.migration;

import io.miglab.core.link.NasAssist;
import io.miglab.core.storage.Raid5;
import io.miglab.datacenter.network.NetworkLink;
import java.util.List;

/**
 * A NAS as a node of the datacenter's network that every NAS-assisted migration shares: its port in (what sources
 * write to it), its port out (what destinations fetch from it) and its disks, each a {@link NetworkLink} of the
 * max-min fair network. The disks are a link whose capacity is the data rate the array writes at: a byte written
 * costs {@link Raid5#smallWriteIoBytes} disk bytes with RAID 5 (the read-modify-write of Patterson, Gibson and
 * Katz, SIGMOD 1988), one without parity, spread over all disks ({@link Raid5#ioSeconds}). The sources and
 * destinations reach the NAS over its own links, as in the seed's model ({@link NasAssist}: source->NAS and
 * NAS->destination links of their own), so the NAS's traffic does not cross the hosts' NICs.
 *
 * @param in   source -> NAS (the NAS's receive port)
 * @param out  NAS -> destination (the NAS's transmit port)
 * @param disk the NAS's disks, in bytes of data written per second
 */
public record NasNode(String name, NetworkLink in, NetworkLink out, NetworkLink disk) {
    /** A NAS named {@code name} with ports of the given rates and {@code raid}'s disks (parity or not). */
    public static NasNode of(String name, double inBytesPerSecond, double outBytesPerSecond, Raid5 raid,
                             boolean parity) {
        double diskOpsPerByte = parity ? raid.smallWriteIoBytes(1) : raid.readIoBytes(1);
        return new NasNode(name, new NetworkLink(name + ".in", inBytesPerSecond),
                new NetworkLink(name + ".out", outBytesPerSecond),
                new NetworkLink(name + ".disk", 1 / raid.ioSeconds(diskOpsPerByte)));
    }

    /** The NAS of a single migration's spec ({@code --nas*}): its two links and its RAID 5. */
    public static NasNode of(NasAssist nas) {
        return of("nas", nas.sourceToNas().effectiveBandwidth().bytesPerSecond(),
                nas.nasToDestination().effectiveBandwidth().bytesPerSecond(), nas.raid(), true);
    }

    /** The NAS's copy of the first pass and of the stop-and-copy: into the NAS, onto its disks. */
    List<NetworkLink> copyPath() {
        return List.of(in, disk);
    }

    /** A later round's pages: into the NAS, onto its disks, out to the destination (one pipelined flow). */
    List<NetworkLink> relayPath() {
        return List.of(in, disk, out);
    }
}
