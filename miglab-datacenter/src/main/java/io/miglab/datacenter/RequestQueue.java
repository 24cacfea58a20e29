package io.miglab.datacenter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The migration requests waiting for a slot, first in first out, under a limit of migrations per host (as source
 * or destination). Instead of walking the whole queue after each change, it keeps per host the requests that
 * involve it and a set of the ready ones (both hosts under the limit), so that {@link #pollReady} is the oldest
 * request a walk of the queue in order would start. Starting one only raises counts, so a request a walk passed
 * over stays blocked in the same walk: taking the oldest ready one again and again starts the same requests.
 *
 * @param <R> the request
 */
final class RequestQueue<R> {
    private record Entry<R>(long seq, R request, int source, int destination) { }

    private final int perHost;
    private final int[] active;
    private final List<List<Entry<R>>> byHost;
    private final TreeSet<Entry<R>> ready = new TreeSet<>(Comparator.comparingLong(Entry::seq));
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
        if (startable(e)) ready.add(e);
    }

    /** Takes out and returns the oldest request both of whose hosts are under the limit; null if none is. */
    R pollReady() {
        Entry<R> e = ready.pollFirst();
        if (e == null) return null;
        size--;
        byHost.get(e.source).remove(e);
        byHost.get(e.destination).remove(e);
        return e.request;
    }

    /** A migration between {@code source} and {@code destination} started. */
    void started(int source, int destination) {
        count(source, 1);
        count(destination, 1);
    }

    /** A migration between {@code source} and {@code destination} ended. */
    void ended(int source, int destination) {
        count(source, -1);
        count(destination, -1);
    }

    int size() { return size; }

    private boolean startable(Entry<R> e) { return active[e.source] < perHost && active[e.destination] < perHost; }

    private void count(int host, int delta) {
        active[host] += delta;
        if (delta > 0 && active[host] == perHost) {
            for (Entry<R> e : byHost.get(host)) ready.remove(e);
        } else if (delta < 0 && active[host] == perHost - 1) {
            for (Entry<R> e : byHost.get(host)) if (startable(e)) ready.add(e);
        }
    }
}
