package io.miglab.datacenter.network;

import java.util.ArrayList;
import java.util.List;

/**
 * One direction of one link (a host's NIC transmit side, a rack uplink, the core), with the flows crossing it.
 * The fields after {@code flows} are scratch space of {@link MaxMinFairSharing}.
 */
public final class NetworkLink {
    private final String name;
    private double capacityBytesPerSecond;
    final List<Flow> flows = new ArrayList<>();
    /** Position in the network's list of links in use, or -1. */
    int activeIndex = -1;
    double remaining;
    int unfrozen;
    int version;

    public NetworkLink(String name, double capacityBytesPerSecond) {
        if (!(capacityBytesPerSecond > 0) || Double.isInfinite(capacityBytesPerSecond)) {
            throw new IllegalArgumentException("link " + name + ": capacity must be a finite rate > 0");
        }
        this.name = name;
        this.capacityBytesPerSecond = capacityBytesPerSecond;
    }

    public String name() { return name; }

    public double capacityBytesPerSecond() { return capacityBytesPerSecond; }

    /** A new capacity (a link whose rate is changed while flows cross it); see {@link Network#changeCapacity}. */
    void capacity(double bytesPerSecond) {
        if (!(bytesPerSecond > 0) || Double.isInfinite(bytesPerSecond)) {
            throw new IllegalArgumentException("link " + name + ": capacity must be a finite rate > 0");
        }
        this.capacityBytesPerSecond = bytesPerSecond;
    }

    /** Flows crossing this link now. */
    public int flowCount() { return flows.size(); }

    /** Sum of the rates of the flows crossing it. */
    public double loadBytesPerSecond() {
        double sum = 0;
        for (Flow f : flows) sum += f.rate();
        return sum;
    }

    @Override
    public String toString() { return name; }
}
