package io.miglab.datacenter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The migration requests waiting for a slot, first in first out, under a limit of migrations per host (as source
 * or destination). Instead of walking the whole queue after each change, it keeps per host the requests that
 * involve it and a min-heap (by arrival) holding every ready request (both hosts under the limit), so that
 * {@link #pollReady} is the oldest request a walk of the queue in order would start. Starting one only raises
 * counts, so a request a walk passed over stays blocked in the same walk: taking the oldest ready one again and
 * again starts the same requests.
 *
 * <p>The heap is lazy: a request that becomes blocked stays in it and is dropped when it reaches the top; one
 * that becomes ready again is pushed only if it is not in the heap already. At a million migrations a day, a
 * sorted set rebalanced at every start and end of a migration was a twentieth of the run.
 *
 * @param <R> the request
 */
final class RequestQueue<R> {
    private static final class Entry<R> {
        final long seq;
        final R request;
        final int source;
        final int destination;
        boolean inHeap;

        Entry(long seq, R request, int source, int destination) {
            this.seq = seq;
            this.request = request;
            this.source = source;
            this.destination = destination;
        }
    }

    private final int perHost;
    private final int[] active;
    private final List<List<Entry<R>>> byHost;
    /** The heap: entries and, beside them, their arrival numbers (compared without reading the entries). */
    private Entry<?>[] heap = new Entry<?>[64];
    private long[] heapSeq = new long[64];
    private int heapSize;
    private long added;
    private int size;

    RequestQueue(int hosts, int perHost) {
        this.perHost = perHost;
        this.active = new int[hosts];
        this.byHost = new ArrayList<>(hosts);
        for (int i = 0; i < hosts; i++) byHost.add(new ArrayList<>(0));
    }

    /** Queues {@code request} from host {@code source} to host {@code destination}. */
    void add(R request, int source, int destination) {
        Entry<R> e = new Entry<>(added++, request, source, destination);
        size++;
        byHost.get(source).add(e);
        byHost.get(destination).add(e);
        if (startable(e)) push(e);
    }

    /** Takes out and returns the oldest request both of whose hosts are under the limit; null if none is. */
    @SuppressWarnings("unchecked")
    R pollReady() {
        while (heapSize > 0) {
            Entry<R> e = (Entry<R>) heap[0];
            popTop();
            e.inHeap = false;
            // blocked since it was pushed: pushed again when ready. An entry is in the heap at most once (pushed
            // only when not in it) and a taken one is off its hosts' lists, so nothing taken comes back
            if (!startable(e)) continue;
            size--;
            byHost.get(e.source).remove(e);
            byHost.get(e.destination).remove(e);
            return e.request;
        }
        return null;
    }

    /** A migration between {@code source} and {@code destination} started. */
    void started(int source, int destination) {
        active[source]++;
        active[destination]++;
    }

    /** A migration between {@code source} and {@code destination} ended. */
    void ended(int source, int destination) {
        count(source);
        count(destination);
    }

    int size() { return size; }

    private boolean startable(Entry<R> e) { return active[e.source] < perHost && active[e.destination] < perHost; }

    private void count(int host) {
        active[host]--;
        if (active[host] != perHost - 1) return;
        for (Entry<R> e : byHost.get(host)) if (!e.inHeap && startable(e)) push(e);
    }

    private void push(Entry<R> e) {
        e.inHeap = true;
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, 2 * heapSize);
            heapSeq = Arrays.copyOf(heapSeq, 2 * heapSize);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapSeq[parent] <= e.seq) break;
            heap[i] = heap[parent];
            heapSeq[i] = heapSeq[parent];
            i = parent;
        }
        heap[i] = e;
        heapSeq[i] = e.seq;
    }

    private void popTop() {
        int n = --heapSize;
        Entry<?> last = heap[n];
        long seq = heapSeq[n];
        heap[n] = null;
        if (n == 0) return;
        int i = 0, half = n >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < n && heapSeq[child + 1] < heapSeq[child]) child++;
            if (heapSeq[child] >= seq) break;
            heap[i] = heap[child];
            heapSeq[i] = heapSeq[child];
            i = child;
        }
        heap[i] = last;
        heapSeq[i] = seq;
    }
}
