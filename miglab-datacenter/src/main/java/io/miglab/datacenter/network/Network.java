package io.miglab.datacenter.network;

import io.miglab.datacenter.engine.Simulator;
import java.util.ArrayList;
import java.util.List;

/**
 * The flows in progress and the links they cross. Opening or closing a flow marks the allocation stale; the
 * rates are recomputed once per instant, in an event scheduled at the current time after every event already due
 * then, so that a hundred migrations starting at one scheduling tick cause one allocation, not a hundred.
 */
public final class Network {
    private final Simulator simulator;
    private final List<Flow> flows = new ArrayList<>();
    private final List<NetworkLink> links = new ArrayList<>();
    private boolean reallocationPending;
    private long allocations;

    public Network(Simulator simulator) {
        this.simulator = simulator;
    }

    /** Starts a flow; it gets its rate at the end of the current instant. */
    public Flow open(List<NetworkLink> path, double capBytesPerSecond, Flow.RateListener listener) {
        Flow f = new Flow(path, capBytesPerSecond, listener);
        f.activeIndex = flows.size();
        flows.add(f);
        for (NetworkLink l : f.links()) {
            if (l.flows.isEmpty()) {
                l.activeIndex = links.size();
                links.add(l);
            }
            l.flows.add(f);
        }
        markStale();
        return f;
    }

    /** Ends a flow; its share goes to the others at the end of the current instant. */
    public void close(Flow f) {
        if (f.activeIndex < 0) return;
        removeAt(flows, f.activeIndex, (x, i) -> x.activeIndex = i);
        f.activeIndex = -1;
        for (NetworkLink l : f.links()) {
            l.flows.remove(f);
            if (l.flows.isEmpty()) {
                removeAt(links, l.activeIndex, (x, i) -> x.activeIndex = i);
                l.activeIndex = -1;
            }
        }
        f.zero();
        markStale();
    }

    /** Changes a link's capacity now; the flows get their new shares at the end of the current instant. */
    public void changeCapacity(NetworkLink link, double bytesPerSecond) {
        link.capacity(bytesPerSecond);
        markStale();
    }

    public int openFlows() { return flows.size(); }

    /** How many times the rates were recomputed. */
    public long allocations() { return allocations; }

    private void markStale() {
        if (reallocationPending) return;
        reallocationPending = true;
        simulator.at(simulator.now(), s -> reallocate());
    }

    /** Recomputes every rate now and tells each flow whose rate changed. */
    public void reallocate() {
        reallocationPending = false;
        allocations++;
        if (flows.isEmpty()) return;
        MaxMinFairSharing.allocate(flows, links);
        for (Flow f : new ArrayList<>(flows)) f.applyNewRate();
    }

    private interface IndexSetter<T> {
        void set(T item, int index);
    }

    /** O(1) removal that moves the last element into the hole (order is not part of the allocation's result). */
    private static <T> void removeAt(List<T> list, int index, IndexSetter<T> setter) {
        int last = list.size() - 1;
        T moved = list.get(last);
        list.set(index, moved);
        setter.set(moved, index);
        list.remove(last);
    }
}
