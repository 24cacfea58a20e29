package io.miglab.datacenter.engine;

/**
 * The discrete-event engine: a clock in seconds and a queue of scheduled actions. Actions at equal times run in
 * the order they were scheduled (a sequence number breaks ties), so a run is a pure function of its inputs and
 * seed. Written here rather than taken from DSOL or DESMO-J because those schedule events by reflection or
 * through a generic time type and an event-list object per event with listeners; this model needs a few million
 * plain events, cancellation (a rate change moves a round's end) and nothing else (see docs/datacenter.md).
 */
public final class Simulator {
    private final EventQueue queue = new EventQueue();
    private final SimRandom random;
    private double now;
    private long nextSequence;
    private long executed;

    public Simulator(long seed) {
        this.random = new SimRandom(seed);
    }

    /** The current simulated time in seconds. */
    public double now() { return now; }

    /** Events run so far. */
    public long eventsExecuted() { return executed; }

    /** Live events waiting in the queue. */
    public int pending() { return queue.size(); }

    public SimRandom random() { return random; }

    /** Schedules {@code action} at absolute time {@code time} (not before now). */
    public ScheduledEvent at(double time, ScheduledEvent.Action action) {
        if (!(time >= now)) {
            throw new IllegalArgumentException("cannot schedule at " + time + " s, before now (" + now + " s)");
        }
        ScheduledEvent e = new ScheduledEvent(this, time, nextSequence++, action);
        if (time == now) queue.addNow(e); else queue.add(e); // due now: after all others due now, in order
        return e;
    }

    /** Schedules {@code action} {@code delaySeconds} from now. */
    public ScheduledEvent after(double delaySeconds, ScheduledEvent.Action action) {
        return at(now + delaySeconds, action);
    }

    /** Runs events in order until the queue is empty or the next event is later than {@code until}. */
    public void runUntil(double until) {
        while (true) {
            double next = queue.peekTime();
            if (next > until || next == Double.POSITIVE_INFINITY) break;
            ScheduledEvent e = queue.poll();
            now = e.time;
            e.done = true;
            e.action.run(this);
            executed++;
        }
        if (Double.isFinite(until) && until > now) now = until;
    }

    /** Runs until no event is left. */
    public void run() { runUntil(Double.POSITIVE_INFINITY); }

    void cancelled() { queue.noteCancelled(); }
}
