package io.miglab.datacenter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The migration requests waiting for a slot, first in first out, under a limit of migrations per host (as source
 * or destination). Instead of walking the whole queue after each change, it keeps per host the requests that
 * involve it, in arrival order, and a min-heap (by arrival) from which {@link #pollReady} takes the oldest request
 * a walk of the queue in order would start. Starting one only raises counts, so a request a walk passed over stays
 * blocked in the same walk: taking the oldest ready one again and again starts the same requests.
 *
 * <p>The heap does not hold every ready request (both hosts under the limit), only enough of them: for each host
 * under the limit, its oldest ready request, or an older request of that host that was ready when pushed. A
 * request found blocked when it reaches the top is dropped and each of its two hosts' oldest ready request is
 * pushed in its place (if not in the heap already); so is each host's after one of its requests starts, and a host
 * whose migration ends pushes its own. The oldest ready request of all is then always in the heap before any later
 * one reaches the top. (Pushing every ready request of a host whenever one of its migrations ended, and removing a
 * started request from lists of hundreds, were a tenth of a million-VM day.)
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
        boolean taken;

        Entry(long seq, R request, int source, int destination) {
            this.seq = seq;
            this.request = request;
            this.source = source;
            this.destination = destination;
        }
    }

    private final int perHost;
    private final int[] active;
    /** Per host, its requests in arrival order; started ones stay until the list is compacted. */
    private final List<List<Entry<R>>> byHost;
    /** Per host, how many of its list's requests still wait. */
    private final int[] waiting;
    /** The heap: entries and, beside them, their arrival numbers (compared without reading the entries). */
    private Entry<?>[] heap = new Entry<?>[64];
    private long[] heapSeq = new long[64];
    private int heapSize;
    private long added;
    private int size;

    RequestQueue(int hosts, int perHost) {
        this.perHost = perHost;
        this.active = new int[hosts];
        this.waiting = new int[hosts];
        this.byHost = new ArrayList<>(hosts);
        for (int i = 0; i < hosts; i++) byHost.add(new ArrayList<>(0));
    }

    /** Queues {@code request} from host {@code source} to host {@code destination}. */
    void add(R request, int source, int destination) {
        Entry<R> e = new Entry<>(added++, request, source, destination);
        size++;
        byHost.get(source).add(e);
        byHost.get(destination).add(e);
        waiting[source]++;
        waiting[destination]++;
        if (startable(e)) push(e);
    }

    /**
     * Takes out and returns the oldest request both of whose hosts are under the limit; null if none is. The caller
     * tells {@link #started} before asking again.
     */
    @SuppressWarnings("unchecked")
    R pollReady() {
        while (heapSize > 0) {
            Entry<R> e = (Entry<R>) heap[0];
            popTop();
            e.inHeap = false;
            if (!startable(e)) { // blocked since it was pushed: its hosts' oldest ready requests stand for it
                pushOldestReady(e.source);
                pushOldestReady(e.destination);
                continue;
            }
            size--;
            e.taken = true;
            leave(e.source);
            leave(e.destination);
            return e.request;
        }
        return null;
    }

    /** A migration between {@code source} and {@code destination} started. */
    void started(int source, int destination) {
        active[source]++;
        active[destination]++;
        pushOldestReady(source); // its oldest ready request may have been the one that started
        pushOldestReady(destination);
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
        if (active[host] == perHost - 1) pushOldestReady(host);
    }

    /** Puts the oldest ready request of {@code host} (if it is under the limit and has one) in the heap. */
    private void pushOldestReady(int host) {
        if (active[host] >= perHost) return;
        List<Entry<R>> list = byHost.get(host);
        for (int i = 0, n = list.size(); i < n; i++) {
            Entry<R> e = list.get(i);
            if (e.taken || !startable(e)) continue;
            if (!e.inHeap) push(e);
            return;
        }
    }

    /** One of {@code host}'s requests was taken: its list drops the taken ones once they are most of it. */
    private void leave(int host) {
        waiting[host]--;
        List<Entry<R>> list = byHost.get(host);
        if (list.size() > 2 * waiting[host] + 8) list.removeIf(x -> x.taken);
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
