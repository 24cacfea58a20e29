package io.miglab.datacenter.engine;

import java.util.Arrays;

/**
 * A binary min-heap of {@link ScheduledEvent}s ordered by time, then by sequence number, so that events at equal
 * times run in the order they were scheduled (deterministic for a given seed). Cancelled events stay in the heap
 * and are skipped when they reach the top; the heap is compacted when they are more than half of it.
 *
 * <p>Each event's time and sequence number are kept beside it in primitive arrays, so that sifting compares
 * numbers in two arrays instead of reading two event objects per comparison (at ten million events a day, the
 * reads of events scattered over the heap were most of the queue's time). The heap itself holds ints: each event
 * sits in a slot of {@link #events} from its arrival to its removal, and sifting moves slot numbers. Moving the
 * event references instead wrote a reference into the long-lived heap array at every step, each one a card the
 * garbage collector's refinement threads had to scan again (a reference written once per event is one card).
 *
 * <p>An event scheduled at the current time ({@link #addNow}) goes to a first-in first-out line instead: it is
 * due before every later event, and its sequence number is the highest yet, so the line stays in (time, sequence)
 * order and the next event is the first of the line or the heap's top, whichever comes first. The network's
 * re-rating at the end of each instant is such an event; in the heap it climbed from the bottom to the top and
 * came down again, at a million migrations a day a twentieth of the run.
 */
final class EventQueue {
    /** The heap: the slot of the event at each place, and that event's time and sequence number beside it. */
    private int[] heap = new int[1024];
    private double[] times = new double[1024];
    private long[] sequences = new long[1024];
    private int size;
    /** The heap's events by slot (null when free), and the free slots, a stack of {@code free} of them. */
    private ScheduledEvent[] events = new ScheduledEvent[1024];
    private int[] freeSlots = new int[1024];
    private int free;
    private int slotsUsed;
    /** The line of events at the current time: a ring from {@code head}, {@code nowSize} long. */
    private ScheduledEvent[] now = new ScheduledEvent[256];
    private int head;
    private int nowSize;
    private int cancelled;

    int size() { return size + nowSize - cancelled; }

    /** Adds an event due at the current time, whose sequence number is higher than any added before. */
    void addNow(ScheduledEvent e) {
        if (nowSize == now.length) {
            ScheduledEvent[] grown = new ScheduledEvent[2 * now.length];
            for (int i = 0; i < nowSize; i++) grown[i] = now[(head + i) & (now.length - 1)];
            now = grown;
            head = 0;
        }
        now[(head + nowSize++) & (now.length - 1)] = e;
    }

    void add(ScheduledEvent e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            times = Arrays.copyOf(times, size * 2);
            sequences = Arrays.copyOf(sequences, size * 2);
        }
        int slot;
        if (free > 0) {
            slot = freeSlots[--free];
        } else {
            if (slotsUsed == events.length) {
                events = Arrays.copyOf(events, 2 * slotsUsed);
                freeSlots = new int[2 * slotsUsed];
            }
            slot = slotsUsed++;
        }
        events[slot] = e;
        siftUp(size++, slot, e.time, e.sequence);
    }

    /** Empties slot {@code slot}, returning its event. */
    private ScheduledEvent release(int slot) {
        ScheduledEvent e = events[slot];
        events[slot] = null;
        freeSlots[free++] = slot;
        return e;
    }

    void noteCancelled() {
        cancelled++;
        if (cancelled > 4096 && cancelled > (size + nowSize) / 2) compact();
    }

    /** The next live event, removed from the queue, or null. */
    ScheduledEvent poll() {
        while (size + nowSize > 0) {
            ScheduledEvent top = lineFirst() ? takeFromLine() : removeTop();
            if (!top.cancelled) return top;
            cancelled--;
        }
        return null;
    }

    /** Time of the next live event, or +infinity. */
    double peekTime() {
        while (size + nowSize > 0) {
            boolean line = lineFirst();
            ScheduledEvent top = line ? now[head] : events[heap[0]];
            if (!top.cancelled) return top.time;
            if (line) takeFromLine(); else removeTop();
            cancelled--;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Whether the next event is the line's first rather than the heap's top. */
    private boolean lineFirst() {
        if (nowSize == 0) return false;
        if (size == 0) return true;
        ScheduledEvent e = now[head];
        return before(e.time, e.sequence, 0);
    }

    private ScheduledEvent takeFromLine() {
        ScheduledEvent e = now[head];
        now[head] = null;
        head = (head + 1) & (now.length - 1);
        nowSize--;
        return e;
    }

    private ScheduledEvent removeTop() {
        int top = heap[0];
        int last = heap[--size];
        if (size > 0) siftDown(0, last, times[size], sequences[size]);
        return release(top);
    }

    private void compact() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (events[heap[i]].cancelled) {
                release(heap[i]);
                continue;
            }
            move(i, n++);
        }
        size = n;
        int kept = 0;
        for (int i = 0; i < nowSize; i++) {
            ScheduledEvent e = now[(head + i) & (now.length - 1)];
            if (!e.cancelled) now[kept++] = e;
        }
        Arrays.fill(now, kept, now.length, null);
        head = 0;
        nowSize = kept;
        cancelled = 0;
        for (int i = (size >>> 1) - 1; i >= 0; i--) siftDown(i, heap[i], times[i], sequences[i]);
    }

    /** Whether the event at slot {@code i} comes before one at {@code time} with {@code sequence}. */
    private boolean before(int i, double time, long sequence) {
        return times[i] < time || (times[i] == time && sequences[i] < sequence);
    }

    /** Whether an event at {@code time} with {@code sequence} comes before the one at slot {@code i}. */
    private boolean before(double time, long sequence, int i) {
        return time < times[i] || (time == times[i] && sequence < sequences[i]);
    }

    /** Puts the event in {@code slot}, due at {@code t} with sequence {@code s}, into the hole at {@code i} and up. */
    private void siftUp(int i, int slot, double t, long s) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!(t < times[parent] || (t == times[parent] && s < sequences[parent]))) break;
            move(parent, i);
            i = parent;
        }
        put(i, slot, t, s);
    }

    /** Puts the event in {@code slot}, due at {@code t} with sequence {@code s}, into the hole at {@code i} and down. */
    private void siftDown(int i, int slot, double t, long s) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && before(child + 1, times[child], sequences[child])) child++;
            if (!before(child, t, s)) break;
            move(child, i);
            i = child;
        }
        put(i, slot, t, s);
    }

    private void move(int from, int to) {
        heap[to] = heap[from];
        times[to] = times[from];
        sequences[to] = sequences[from];
    }

    private void put(int i, int slot, double t, long s) {
        heap[i] = slot;
        times[i] = t;
        sequences[i] = s;
    }
}
