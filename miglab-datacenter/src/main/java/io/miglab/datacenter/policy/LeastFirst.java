package io.miglab.datacenter.policy;

import io.miglab.datacenter.model.Host;
import java.util.PriorityQueue;

/**
 * Hosts handed out in ascending order of a key taken when each was added, ties by host id: the order of a sort by
 * (key, id), but paid for as it is used. Adding n hosts to the heap costs O(n) on average and each host taken
 * O(log n), so a caller that stops after the first few hundred of a hundred thousand hosts (consolidation stops at
 * its budget) does not sort them all.
 */
final class LeastFirst {
    private final double[] keyById;
    private final PriorityQueue<Host> heap;

    /** For hosts whose ids are below {@code hosts}. */
    LeastFirst(int hosts) {
        keyById = new double[hosts];
        heap = new PriorityQueue<>(Math.max(1, hosts), (a, b) -> {
            int c = Double.compare(keyById[a.id()], keyById[b.id()]);
            return c != 0 ? c : Integer.compare(a.id(), b.id());
        });
    }

    void add(Host h, double key) {
        keyById[h.id()] = key;
        heap.add(h);
    }

    /** The host with the lowest (key, id) not handed out yet, or null. */
    Host next() { return heap.poll(); }
}
