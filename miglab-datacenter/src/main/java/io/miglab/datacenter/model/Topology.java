package io.miglab.datacenter.model;

import io.miglab.datacenter.network.NetworkLink;
import java.util.List;

/**
 * A two-tier tree: each host has a NIC (full duplex: a transmit and a receive link, each at the NIC's rate), each
 * rack a top-of-rack switch with an uplink to the core (full duplex too), and one core of a given aggregate
 * capacity. Within a rack a stream crosses the source's transmit and the destination's receive link; between
 * racks also both racks' uplinks and the core. Switches themselves are non-blocking.
 */
public final class Topology {
    private final NetworkLink[] hostTx;
    private final NetworkLink[] hostRx;
    private final NetworkLink[] rackUp;
    private final NetworkLink[] rackDown;
    private final NetworkLink core;
    private final int[] rackOf;

    public Topology(List<Host> hosts, int racks, double rackUplinkBytesPerSecond, double coreBytesPerSecond) {
        hostTx = new NetworkLink[hosts.size()];
        hostRx = new NetworkLink[hosts.size()];
        rackOf = new int[hosts.size()];
        for (Host h : hosts) {
            double nic = h.spec().nic().bytesPerSecond();
            hostTx[h.id()] = new NetworkLink(h.name() + ".tx", nic);
            hostRx[h.id()] = new NetworkLink(h.name() + ".rx", nic);
            rackOf[h.id()] = h.rack();
        }
        rackUp = new NetworkLink[racks];
        rackDown = new NetworkLink[racks];
        for (int r = 0; r < racks; r++) {
            rackUp[r] = new NetworkLink("r" + r + ".up", rackUplinkBytesPerSecond);
            rackDown[r] = new NetworkLink("r" + r + ".down", rackUplinkBytesPerSecond);
        }
        core = new NetworkLink("core", coreBytesPerSecond);
    }

    /** The links a stream from host {@code source} to host {@code destination} crosses. */
    public List<NetworkLink> path(int source, int destination) {
        if (source == destination) throw new IllegalArgumentException("a migration needs two hosts");
        int a = rackOf[source], b = rackOf[destination];
        if (a == b) return List.of(hostTx[source], hostRx[destination]);
        return List.of(hostTx[source], rackUp[a], core, rackDown[b], hostRx[destination]);
    }

    public NetworkLink hostTransmit(int host) { return hostTx[host]; }

    public NetworkLink core() { return core; }
}
