package io.miglab.datacenter.engine;

import java.util.Arrays;

/**
 * A binary min-heap of {@link ScheduledEvent}s ordered by time, then by sequence number, so that events at equal
 * times run in the order they were scheduled (deterministic for a given seed). Cancelled events stay in the heap
 * and are skipped when they reach the top; the heap is compacted when they are more than half of it.
 */
final class EventQueue {
    private ScheduledEvent[] heap = new ScheduledEvent[1024];
    private int size;
    private int cancelled;

    int size() { return size - cancelled; }

    void add(ScheduledEvent e) {
        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
        heap[size] = e;
        siftUp(size++);
    }

    void noteCancelled() {
        cancelled++;
        if (cancelled > 4096 && cancelled > size / 2) compact();
    }

    /** The next live event, removed from the queue, or null. */
    ScheduledEvent poll() {
        while (size > 0) {
            ScheduledEvent top = heap[0];
            heap[0] = heap[--size];
            heap[size] = null;
            if (size > 0) siftDown(0);
            if (!top.cancelled) return top;
            cancelled--;
        }
        return null;
    }

    /** Time of the next live event, or +infinity. */
    double peekTime() {
        while (size > 0 && heap[0].cancelled) poll0();
        return size == 0 ? Double.POSITIVE_INFINITY : heap[0].time;
    }

    private void poll0() {
        heap[0] = heap[--size];
        heap[size] = null;
        cancelled--;
        if (size > 0) siftDown(0);
    }

    private void compact() {
        int n = 0;
        for (int i = 0; i < size; i++) if (!heap[i].cancelled) heap[n++] = heap[i];
        Arrays.fill(heap, n, size, null);
        size = n;
        cancelled = 0;
        for (int i = (size >>> 1) - 1; i >= 0; i--) siftDown(i);
    }

    private static boolean before(ScheduledEvent a, ScheduledEvent b) {
        return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
    }

    private void siftUp(int i) {
        ScheduledEvent e = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(e, heap[parent])) break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = e;
    }

    private void siftDown(int i) {
        ScheduledEvent e = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && before(heap[child + 1], heap[child])) child++;
            if (!before(heap[child], e)) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = e;
    }
}
