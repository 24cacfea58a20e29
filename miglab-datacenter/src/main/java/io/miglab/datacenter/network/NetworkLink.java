package io.miglab.datacenter.network;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One direction of one link (a host's NIC transmit side, a rack uplink, the core), with the flows crossing it.
 * The fields after {@code activeIndex} are scratch space of {@link Network} and {@link MaxMinFairSharing}.
 */
public final class NetworkLink {
    private static final AtomicLong CREATED = new AtomicLong();
    /** A link can fill only if its flows' upper bounds add up to at least this share of its capacity. */
    private static final double FULL = 1 - 1e-9;
    private final String name;
    private double capacityBytesPerSecond;
    /** Creation order: breaks ties between links of equal fair share, so allocations are reproducible. */
    final long order = CREATED.getAndIncrement();
    /**
     * The flows crossing it, the first {@link #flowCount}, and beside each its link's place in that flow's path: a
     * plain array in the link (not a list object holding one), so that a flow's start and end read one object
     * fewer per link, and the flow moved into a hole is updated without searching its path.
     */
    Flow[] flows = new Flow[2];
    int[] pathIndex = new int[2];
    int flowCount;
    /** Position in the network's list of links in use, or -1. */
    int activeIndex = -1;
    /** Sum of {@link Flow#upperBound} of the flows crossing it. */
    double upperBoundSum;
    /** Opened or closed a flow since the last allocation; {@code wasTight}: it could fill at one of those times. */
    boolean touched, wasTight;
    int mark;
    long round;
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

    /**
     * Whether the link can be full in the max-min fair allocation. If its flows' upper bounds (each flow's cap or
     * its narrowest link) add up to less than its capacity it never fills, so it holds no flow back: the flows
     * crossing it do not depend on each other through it.
     */
    boolean tight() { return upperBoundSum >= capacityBytesPerSecond * FULL; }

    /** Flows crossing this link now. */
    public int flowCount() { return flowCount; }

    /** Sum of the rates of the flows crossing it. */
    public double loadBytesPerSecond() {
        double sum = 0;
        for (int i = 0; i < flowCount; i++) sum += flows[i].rate();
        return sum;
    }

    /** Adds {@code f}, this link being its path's link number {@code index}; returns its slot here. */
    int add(Flow f, int index) {
        if (flowCount == flows.length) {
            flows = Arrays.copyOf(flows, 2 * flowCount);
            pathIndex = Arrays.copyOf(pathIndex, 2 * flowCount);
        }
        flows[flowCount] = f;
        pathIndex[flowCount] = index;
        return flowCount++;
    }

    /** Removes the flow at {@code slot}, moving the last one into the hole (and telling it its new slot). */
    void removeAt(int slot) {
        int last = --flowCount;
        Flow moved = flows[last];
        int index = pathIndex[last];
        flows[slot] = moved;
        pathIndex[slot] = index;
        moved.slots[index] = slot;
        flows[last] = null;
    }

    @Override
    public String toString() { return name; }
}
