package io.miglab.datacenter.network;

import io.miglab.datacenter.engine.KeyOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Max-min fair rates by progressive filling (Bertsekas and Gallager, Data Networks, 2nd ed., section 6.5.2):
 * raise every flow's rate together; when a link is full, or a flow reaches its own cap, freeze the flows it holds
 * and go on with the rest. The link that fills first is the one with the lowest fair share
 * {@code remaining capacity / unfrozen flows}; a heap keyed by that share (ties by the links' creation order, so
 * the result does not depend on the order the links were pushed) finds it in O(log L), so one allocation costs
 * O((F * path length + L) log L) instead of the textbook O(F * L) per step. The heap is three parallel arrays kept
 * from one allocation to the next, not an object per entry.
 */
final class MaxMinFairSharing {
    private double[] shares = new double[64];
    private NetworkLink[] heapLinks = new NetworkLink[64];
    private int[] versions = new int[64];
    private int size;
    private Flow[] byCap = new Flow[16];
    private Flow[] sortedByCap = new Flow[16];
    private final KeyOrder capOrder = new KeyOrder();
    private long round;

    /**
     * Sets {@code newRate} of every flow in {@code flows}. Each link in {@code links} must carry only flows of
     * {@code flows}; the flows' other links are left out (the caller knows they cannot fill: {@link Network}).
     */
    void allocate(List<Flow> flows, List<NetworkLink> links) {
        round++;
        size = 0;
        for (NetworkLink l : links) {
            l.round = round;
            l.remaining = l.capacityBytesPerSecond();
            l.unfrozen = l.flowCount;
            l.version++;
            if (l.unfrozen > 0) push(l.remaining / l.unfrozen, l);
        }
        int capped = 0;
        for (Flow f : flows) {
            f.frozen = false;
            if (Double.isFinite(f.capBytesPerSecond())) {
                if (capped == byCap.length) byCap = Arrays.copyOf(byCap, capped * 2);
                capOrder.put(capped, f.capBytesPerSecond(), capped);
                byCap[capped++] = f;
            }
        }
        // by cap, equal caps in the order of the flows (a stable sort): the order they freeze in
        int[] sorted = capOrder.sort(capped);
        if (sortedByCap.length < byCap.length) sortedByCap = new Flow[byCap.length];
        for (int i = 0; i < capped; i++) sortedByCap[i] = byCap[sorted[i]];
        Flow[] t = byCap;
        byCap = sortedByCap;
        sortedByCap = t;
        int nextCap = 0;
        int left = flows.size();
        while (left > 0) {
            while (size > 0 && (versions[0] != heapLinks[0].version || heapLinks[0].unfrozen == 0)) pop();
            while (nextCap < capped && byCap[nextCap].frozen) nextCap++;
            boolean capFirst = nextCap < capped && (size == 0 || byCap[nextCap].capBytesPerSecond() <= shares[0]);
            if (capFirst) {
                freeze(byCap[nextCap], byCap[nextCap].capBytesPerSecond());
                left--;
                continue;
            }
            if (size == 0) throw new IllegalStateException("a flow crosses a link the network does not know");
            NetworkLink top = heapLinks[0];
            double share = Math.max(0, shares[0]);
            pop();
            for (int i = 0; i < top.flowCount; i++) {
                Flow f = top.flows[i];
                if (f.frozen) continue;
                freeze(f, share);
                left--;
            }
        }
        Arrays.fill(byCap, 0, capped, null);
        Arrays.fill(sortedByCap, 0, capped, null);
        Arrays.fill(heapLinks, 0, size, null);
    }

    private void freeze(Flow f, double rate) {
        f.frozen = true;
        f.newRate = rate;
        for (NetworkLink l : f.links()) {
            if (l.round != round) continue;
            l.remaining = Math.max(0, l.remaining - rate);
            l.unfrozen--;
            l.version++;
            if (l.unfrozen > 0) push(l.remaining / l.unfrozen, l);
        }
    }

    private static boolean before(double s, NetworkLink a, double t, NetworkLink b) {
        return s < t || (s == t && a.order < b.order);
    }

    private void push(double share, NetworkLink l) {
        if (size == shares.length) {
            shares = Arrays.copyOf(shares, size * 2);
            heapLinks = Arrays.copyOf(heapLinks, size * 2);
            versions = Arrays.copyOf(versions, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(share, l, shares[parent], heapLinks[parent])) break;
            move(parent, i);
            i = parent;
        }
        set(i, share, l, l.version);
    }

    private void pop() {
        int last = --size;
        double share = shares[last];
        NetworkLink l = heapLinks[last];
        int version = versions[last];
        heapLinks[last] = null;
        if (last == 0) return;
        int i = 0, half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < last && before(shares[child + 1], heapLinks[child + 1], shares[child], heapLinks[child])) {
                child++;
            }
            if (!before(shares[child], heapLinks[child], share, l)) break;
            move(child, i);
            i = child;
        }
        set(i, share, l, version);
    }

    private void move(int from, int to) {
        set(to, shares[from], heapLinks[from], versions[from]);
    }

    private void set(int i, double share, NetworkLink l, int version) {
        shares[i] = share;
        heapLinks[i] = l;
        versions[i] = version;
    }
}
