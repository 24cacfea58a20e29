package io.miglab.datacenter.network;

import io.miglab.datacenter.engine.Simulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The flows in progress and the links they cross. Opening or closing a flow marks the allocation stale; the
 * rates are recomputed once per instant, in an event scheduled at the current time after every event already due
 * then, so that a hundred migrations starting at one scheduling tick cause one allocation, not a hundred.
 *
 * <p>A recomputation re-rates only the flows a change can reach. A link whose flows' upper bounds (cap or
 * narrowest link) add up to less than its capacity never fills ({@link NetworkLink#tight}), so it ties no two
 * flows together; the flows joined through links that can fill form independent parts of the max-min fair
 * allocation, and only the parts holding a flow opened or closed since the last allocation (or all of them after
 * a capacity change) are filled again. A datacenter's core crossed by ten thousand capped migration streams is
 * such a link: a stream's start or end then re-rates the few flows sharing its NICs, not every stream in flight.
 */
public final class Network {
    private final Simulator simulator;
    private final List<Flow> flows = new ArrayList<>();
    private final List<NetworkLink> links = new ArrayList<>();
    private final MaxMinFairSharing sharing = new MaxMinFairSharing();
    private final List<Flow> opened = new ArrayList<>();
    private final List<NetworkLink> touched = new ArrayList<>();
    private final List<Flow> part = new ArrayList<>();
    private final List<NetworkLink> partLinks = new ArrayList<>();
    /** Scratch of {@link #reallocate}: the re-rated flows' places in {@link #flows}, and those flows in that order. */
    private int[] positions = new int[16];
    private Flow[] reached = new Flow[16];
    private boolean capacityChanged;
    private boolean reallocationPending;
    private long allocations;
    private int epoch;

    public Network(Simulator simulator) {
        this.simulator = simulator;
    }

    /** Starts a flow; it gets its rate at the end of the current instant. */
    public Flow open(List<NetworkLink> path, double capBytesPerSecond, Flow.RateListener listener) {
        Flow f = new Flow(path, capBytesPerSecond, listener);
        f.activeIndex = flows.size();
        flows.add(f);
        double bound = f.computeUpperBound();
        NetworkLink[] p = f.links();
        for (int i = 0; i < p.length; i++) {
            NetworkLink l = p[i];
            if (l.flowCount == 0) {
                l.activeIndex = links.size();
                links.add(l);
                l.upperBoundSum = 0;
            }
            f.slots[i] = l.add(f, i);
            l.upperBoundSum += bound;
            touch(l);
        }
        opened.add(f);
        markStale();
        return f;
    }

    /** Ends a flow; its share goes to the others at the end of the current instant. */
    public void close(Flow f) {
        if (f.activeIndex < 0) return;
        removeAt(flows, f.activeIndex, (x, i) -> x.activeIndex = i);
        f.activeIndex = -1;
        NetworkLink[] p = f.links();
        for (int i = 0; i < p.length; i++) {
            NetworkLink l = p[i];
            touch(l);
            l.removeAt(f.slots[i]);
            l.upperBoundSum -= f.upperBound;
            if (l.flowCount == 0) {
                l.upperBoundSum = 0;
                removeAt(links, l.activeIndex, (x, k) -> x.activeIndex = k);
                l.activeIndex = -1;
            }
        }
        f.zero();
        markStale();
    }

    /** Changes a link's capacity now; the flows get their new shares at the end of the current instant. */
    public void changeCapacity(NetworkLink link, double bytesPerSecond) {
        link.capacity(bytesPerSecond);
        capacityChanged = true;
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

    private void touch(NetworkLink l) {
        if (!l.touched) {
            l.touched = true;
            l.wasTight = false;
            touched.add(l);
        }
        l.wasTight |= l.tight();
    }

    /**
     * Recomputes the rates of every flow the changes since the last allocation can reach (see the class comment)
     * and tells each flow whose rate changed, in the order of the network's flow list.
     */
    public void reallocate() {
        reallocationPending = false;
        allocations++;
        epoch++;
        part.clear();
        partLinks.clear();
        if (capacityChanged) {
            capacityChanged = false;
            for (NetworkLink l : links) l.upperBoundSum = 0;
            for (Flow f : flows) {
                double bound = f.computeUpperBound();
                for (NetworkLink l : f.links()) l.upperBoundSum += bound;
                visit(f);
            }
        }
        for (Flow f : opened) visit(f);
        for (NetworkLink l : touched) {
            l.touched = false;
            // a link that could fill before a change (or can now) tied its flows together: they may all move
            if (l.wasTight || l.tight()) for (int i = 0; i < l.flowCount; i++) visit(l.flows[i]);
        }
        opened.clear();
        touched.clear();
        for (int i = 0; i < part.size(); i++) {
            for (NetworkLink l : part.get(i).links()) {
                if (l.mark == epoch || !l.tight()) continue;
                l.mark = epoch;
                partLinks.add(l);
                for (int k = 0; k < l.flowCount; k++) visit(l.flows[k]);
            }
        }
        if (part.isEmpty()) return;
        sharing.allocate(part, partLinks);
        int n = part.size();
        if (reached.length < n) {
            reached = new Flow[Math.max(n, 2 * reached.length)];
            positions = new int[reached.length];
        }
        for (int i = 0; i < n; i++) positions[i] = part.get(i).activeIndex;
        Arrays.sort(positions, 0, n); // distinct places in the flow list: that list's order, on ints
        for (int i = 0; i < n; i++) reached[i] = flows.get(positions[i]);
        for (int i = 0; i < n; i++) {
            reached[i].applyNewRate();
            reached[i] = null;
        }
    }

    private void visit(Flow f) {
        if (f.activeIndex < 0 || f.mark == epoch) return;
        f.mark = epoch;
        part.add(f);
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
