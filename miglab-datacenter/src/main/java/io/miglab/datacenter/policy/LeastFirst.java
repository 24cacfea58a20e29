package io.miglab.datacenter.policy;

import io.miglab.datacenter.model.Host;
import java.util.List;

/**
 * Hosts handed out in ascending order of a key taken when each was added, ties by host id: the order of a sort by
 * (key, id), but paid for as it is used. The hosts added before the first {@link #next} are made a heap in one
 * O(n) pass and each host taken costs O(log n), so a caller that stops after the first few hundred of a hundred
 * thousand hosts (consolidation stops at its budget) does not sort them all. The heap holds host ids and the keys
 * sit in an array by id: no boxing and no comparator object per comparison.
 */
final class LeastFirst {
    private final double[] keyById;
    private final List<Host> hosts;
    private final int[] heap;
    private int size;
    private boolean heapified;

    /** For the hosts of {@code hosts}, each at the index of its id. */
    LeastFirst(List<Host> hosts) {
        this.hosts = hosts;
        keyById = new double[hosts.size()];
        heap = new int[hosts.size()];
    }

    /** Empties it, for the next tick: its arrays are kept (at a hundred thousand hosts, a megabyte a tick). */
    LeastFirst clear() {
        size = 0;
        heapified = false;
        return this;
    }

    /** Adds the host with id {@code id} (at most once). */
    void add(int id, double key) {
        keyById[id] = key;
        heap[size++] = id;
        if (heapified) siftUp(size - 1);
    }

    /** The host with the lowest (key, id) not handed out yet, or null. */
    Host next() {
        if (!heapified) {
            for (int i = (size >>> 1) - 1; i >= 0; i--) siftDown(i);
            heapified = true;
        }
        if (size == 0) return null;
        int top = heap[0];
        heap[0] = heap[--size];
        if (size > 0) siftDown(0);
        return hosts.get(top);
    }

    private boolean before(int a, int b) {
        int c = Double.compare(keyById[a], keyById[b]);
        return c < 0 || c == 0 && a < b;
    }

    private void siftUp(int i) {
        int id = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(id, heap[parent])) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = id;
    }

    private void siftDown(int i) {
        int id = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && before(heap[child + 1], heap[child])) child++;
            if (!before(heap[child], id)) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = id;
    }
}
