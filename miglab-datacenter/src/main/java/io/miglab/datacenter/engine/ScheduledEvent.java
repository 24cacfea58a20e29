package io.miglab.datacenter.engine;

/**
 * A handle on one scheduled action. {@link #cancel()} keeps it from running; a cancelled event is never run, even
 * if it is due at the current time.
 */
public final class ScheduledEvent {
    final double time;
    final long sequence;
    final Action action;
    boolean cancelled;
    boolean done;
    private final Simulator owner;

    ScheduledEvent(Simulator owner, double time, long sequence, Action action) {
        this.owner = owner;
        this.time = time;
        this.sequence = sequence;
        this.action = action;
    }

    public double time() { return time; }

    public long sequence() { return sequence; }

    public boolean isCancelled() { return cancelled; }

    /** Cancels the event; cancelling twice, or after it ran, does nothing. */
    public void cancel() {
        if (cancelled || done) return;
        cancelled = true;
        owner.cancelled();
    }

    /** What an event does when its time comes. */
    @FunctionalInterface
    public interface Action {
        void run(Simulator simulator);
    }
}
