package io.miglab.datacenter.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Max-min fair rates by progressive filling (Bertsekas and Gallager, Data Networks, 2nd ed., section 6.5.2):
 * raise every flow's rate together; when a link is full, or a flow reaches its own cap, freeze the flows it holds
 * and go on with the rest. The link that fills first is the one with the lowest fair share
 * {@code remaining capacity / unfrozen flows}; a heap keyed by that share finds it in O(log L), so one
 * allocation costs O((F * path length + L) log L) instead of the textbook O(F * L) per step.
 */
final class MaxMinFairSharing {
    private record Entry(double share, NetworkLink link, int version) { }

    private MaxMinFairSharing() { }

    /** Sets {@code newRate} of every flow in {@code flows}, which cross only {@code links}. */
    static void allocate(List<Flow> flows, List<NetworkLink> links) {
        PriorityQueue<Entry> heap = new PriorityQueue<>(Math.max(1, links.size()),
                (a, b) -> Double.compare(a.share, b.share));
        for (NetworkLink l : links) {
            l.remaining = l.capacityBytesPerSecond();
            l.unfrozen = l.flows.size();
            l.version++;
            if (l.unfrozen > 0) heap.add(new Entry(l.remaining / l.unfrozen, l, l.version));
        }
        List<Flow> capped = new ArrayList<>();
        for (Flow f : flows) {
            f.frozen = false;
            if (Double.isFinite(f.capBytesPerSecond())) capped.add(f);
        }
        Flow[] byCap = capped.toArray(Flow[]::new);
        Arrays.sort(byCap, (a, b) -> Double.compare(a.capBytesPerSecond(), b.capBytesPerSecond()));
        int nextCap = 0;
        int left = flows.size();
        while (left > 0) {
            while (!heap.isEmpty() && (heap.peek().version != heap.peek().link.version
                    || heap.peek().link.unfrozen == 0)) {
                heap.poll();
            }
            while (nextCap < byCap.length && byCap[nextCap].frozen) nextCap++;
            Entry top = heap.peek();
            if (top == null) throw new IllegalStateException("a flow crosses a link the network does not know");
            if (nextCap < byCap.length && byCap[nextCap].capBytesPerSecond() <= top.share) {
                freeze(byCap[nextCap], byCap[nextCap].capBytesPerSecond(), heap);
                left--;
                continue;
            }
            heap.poll();
            double share = Math.max(0, top.share);
            for (Flow f : top.link.flows) {
                if (f.frozen) continue;
                freeze(f, share, heap);
                left--;
            }
        }
    }

    private static void freeze(Flow f, double rate, PriorityQueue<Entry> heap) {
        f.frozen = true;
        f.newRate = rate;
        for (NetworkLink l : f.links()) {
            l.remaining = Math.max(0, l.remaining - rate);
            l.unfrozen--;
            l.version++;
            if (l.unfrozen > 0) heap.add(new Entry(l.remaining / l.unfrozen, l, l.version));
        }
    }
}
