package io.miglab.datacenter.migration;

import io.miglab.datacenter.engine.ScheduledEvent;
import io.miglab.datacenter.engine.Simulator;
import io.miglab.datacenter.network.Flow;
import io.miglab.datacenter.network.Network;
import io.miglab.datacenter.network.NetworkLink;
import java.util.List;

/**
 * The byte stream of one rate-based migration: a {@link Flow} over its path whose rate the network sets. A send
 * of N bytes ends when they have gone at the flow's changing rate; a rate change mid-send reschedules its end.
 */
final class FlowTransfer {
    private final Simulator sim;
    private final Network network;
    private final List<NetworkLink> path;
    private final Flow.RateListener listener;
    private Flow flow;
    private boolean sending;
    private double remaining;
    private double last;
    private ScheduledEvent done;
    private Runnable after;
    private boolean stalled;
    private double cap;

    /** {@code listener} hears every rate change, after the bytes already sent are accounted for. */
    FlowTransfer(Simulator sim, Network network, List<NetworkLink> path, Flow.RateListener listener) {
        this.sim = sim;
        this.network = network;
        this.path = List.copyOf(path);
        this.listener = listener;
    }

    /** Opens the flow, capped at {@code capBytesPerSecond}. */
    void open(double capBytesPerSecond) {
        cap = capBytesPerSecond;
        flow = network.open(path, capBytesPerSecond, this::rateChanged);
    }

    /** Goes on as a new flow with another cap (QEMU lifts its cap for the switch-over); nothing before open. */
    void reopen(double capBytesPerSecond) {
        if (flow == null) return;
        network.close(flow);
        open(capBytesPerSecond);
    }

    void close() {
        if (flow != null) network.close(flow);
    }

    /** The cap the flow was last opened with, in bytes per second. */
    double cap() {
        return cap;
    }

    /** The flow's rate now, 0 before it opens. */
    double rate() {
        return flow == null ? 0 : flow.rate();
    }

    /** The flow's rate, or the path's narrowest link while it has none. */
    double rateOrPathCapacity() {
        if (flow != null && flow.rate() > 0) return flow.rate();
        double min = Double.POSITIVE_INFINITY;
        for (NetworkLink l : path) min = Math.min(min, l.capacityBytesPerSecond());
        return min;
    }

    /** Sends {@code bytes}, then runs {@code then}. */
    void send(double bytes, Runnable then) {
        sending = true;
        remaining = Math.max(0, bytes);
        last = sim.now();
        after = then;
        reschedule();
    }

    /**
     * An injected failure stops the stream: the send in progress is dropped (its callback never runs) and the flow
     * closes. Returns the bytes of that send not yet sent (0 when none was in progress).
     */
    double abort() {
        double left = 0;
        if (sending) left = stalled ? remaining : Math.max(0, remaining - rate() * (sim.now() - last));
        if (done != null) done.cancel();
        done = null;
        after = null;
        sending = false;
        close();
        return left;
    }

    /**
     * The link is down for {@code seconds}: nothing goes meanwhile; then {@code extraBytes} more go with the rest of
     * the send in progress (a post-copy recovery sends the received bitmap and what was in flight again). The flow
     * leaves the links meanwhile (the other flows share them) and comes back with its cap.
     */
    void stall(double seconds, double extraBytes) {
        if (!sending) return;
        remaining = Math.max(0, remaining - rate() * (sim.now() - last));
        stalled = true;
        if (done != null) done.cancel();
        network.close(flow);
        done = sim.after(seconds, s -> {
            flow = network.open(path, cap, this::rateChanged);
            stalled = false;
            remaining += extraBytes;
            last = sim.now();
            reschedule();
        });
    }

    private void rateChanged(double oldRate, double newRate) {
        if (sending && !stalled) {
            remaining = Math.max(0, remaining - oldRate * (sim.now() - last));
            last = sim.now();
        }
        listener.rateChanged(oldRate, newRate);
        if (sending && !stalled) reschedule();
    }

    private void reschedule() {
        if (done != null) done.cancel();
        done = null;
        double rate = rate();
        if (remaining <= 0) {
            done = sim.at(sim.now(), s -> finished());
        } else if (rate > 0) {
            done = sim.at(sim.now() + remaining / rate, s -> finished());
        }
    }

    private void finished() {
        sending = false;
        remaining = 0;
        done = null;
        Runnable then = after;
        after = null;
        then.run();
    }
}
