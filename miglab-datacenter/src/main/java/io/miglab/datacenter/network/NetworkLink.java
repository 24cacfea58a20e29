package io.miglab.datacenter.network;

import java.util.ArrayList;
import java.util.List;
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
    final List<Flow> flows = new ArrayList<>();
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
