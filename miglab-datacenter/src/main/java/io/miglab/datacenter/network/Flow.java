package io.miglab.datacenter.network;

import java.util.List;

/**
 * A stream across a path of links (a migration's connection). Its rate is set by {@link MaxMinFairSharing} and
 * can be lower still because of its own cap (a hypervisor's bandwidth limit or a compressor's speed).
 */
public final class Flow {
    private final NetworkLink[] path;
    private final double capBytesPerSecond;
    private final RateListener listener;
    private double rate;
    boolean frozen;
    double newRate;
    int activeIndex = -1;
    /** Its position in the flow list of each link of its path (same order as the path). */
    final int[] slots;
    /** The highest rate it can get: its cap, or its path's narrowest link. */
    double upperBound;
    int mark;

    /** Told when the flow's rate changes; {@code now} is the simulated time of the change. */
    @FunctionalInterface
    public interface RateListener {
        void rateChanged(double oldBytesPerSecond, double newBytesPerSecond);
    }

    public Flow(List<NetworkLink> path, double capBytesPerSecond, RateListener listener) {
        if (path.isEmpty()) throw new IllegalArgumentException("a flow needs at least one link");
        if (!(capBytesPerSecond > 0)) throw new IllegalArgumentException("a flow's cap must be > 0");
        this.path = path.toArray(NetworkLink[]::new);
        this.capBytesPerSecond = capBytesPerSecond;
        this.listener = listener;
        this.slots = new int[this.path.length];
    }

    /** Recomputes {@link #upperBound} from the cap and the links' capacities now. */
    double computeUpperBound() {
        double min = capBytesPerSecond;
        for (NetworkLink l : path) min = Math.min(min, l.capacityBytesPerSecond());
        return upperBound = min;
    }

    public double rate() { return rate; }

    /** The flow's own limit in bytes per second; +infinity if it has none. */
    public double capBytesPerSecond() { return capBytesPerSecond; }

    public List<NetworkLink> path() { return List.of(path); }

    NetworkLink[] links() { return path; }

    public boolean isOpen() { return activeIndex >= 0; }

    void applyNewRate() {
        double old = rate;
        rate = newRate;
        if (old != rate && listener != null) listener.rateChanged(old, rate);
    }

    void zero() {
        double old = rate;
        rate = 0;
        if (old != 0 && listener != null) listener.rateChanged(old, 0);
    }
}
