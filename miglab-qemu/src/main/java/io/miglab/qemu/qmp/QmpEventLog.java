package io.miglab.qemu.qmp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The events a QMP connection received, in order, and which of them a waiter has taken: a waiter gets the first
 * matching event no earlier call returned, including events that arrived before it asked.
 */
final class QmpEventLog {
    private final List<QmpEvent> events = new ArrayList<>();
    private final BitSet taken = new BitSet();
    private String closedBecause;

    synchronized void add(QmpEvent event) {
        events.add(event);
        notifyAll();
    }

    /** No more events will come; waiters stop with {@code why}. The first reason stays. */
    synchronized String close(String why) {
        if (closedBecause == null) closedBecause = why;
        notifyAll();
        return closedBecause;
    }

    synchronized boolean isClosed() {
        return closedBecause != null;
    }

    /** Why the connection closed, or null while it is open. */
    synchronized String closedBecause() {
        return closedBecause;
    }

    synchronized List<QmpEvent> all() {
        return List.copyOf(events);
    }

    /** @throws QmpException on timeout, or when the connection closes first */
    synchronized QmpEvent await(Predicate<QmpEvent> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = taken.nextClearBit(0); i < events.size(); i = taken.nextClearBit(i + 1)) {
                if (filter.test(events.get(i))) {
                    taken.set(i);
                    return events.get(i);
                }
            }
            if (closedBecause != null) throw new QmpException("waiting for a QMP event: " + closedBecause);
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new QmpException("no matching QMP event within " + timeout.toMillis() + " ms");
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QmpException("waiting for a QMP event: interrupted", e);
            }
        }
    }
}
