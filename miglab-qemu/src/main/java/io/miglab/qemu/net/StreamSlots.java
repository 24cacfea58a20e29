package io.miglab.qemu.net;

import io.miglab.qemu.migrate.MigrationRoute;
import java.time.Duration;

/**
 * At most K migration streams at a time, admitted in the order given, as the datacenter's evacuation policy admits
 * migrations. A slot is taken when the source's way to the destination opens (just before QMP {@code migrate}) and
 * given back when it closes, once the destination has loaded the whole stream: booting the destination before and
 * checking the heartbeat after do not hold a slot, as they hold no link in the simulator either. No stream opens
 * before every migration of the group is ready to stream: the simulator starts them all at its time zero, and the
 * destinations took 0 to 1.8 s apart to be ready, so the first ones had the link to themselves.
 */
final class StreamSlots {
    private final int slots;
    private final double[] startMs;
    private final Runnable atFirstStream;
    private long groupStartNanos;
    private int nextToAdmit;
    private int streaming;
    private int arrived;
    private boolean aborted;

    /**
     * @param atFirstStream run when the first stream is admitted: the group's time zero, when the simulator's
     *                      migrations start too (a rate change is timed from it). Booting the destinations and the
     *                      host-cost baseline before it took 0.6 to 2.3 s, and a change timed from the group's
     *                      start had already happened when the first byte went.
     */
    StreamSlots(int slots, int migrations, Runnable atFirstStream) {
        if (slots < 1) throw new IllegalArgumentException("max-parallel: at least 1, got " + slots);
        this.slots = slots;
        this.startMs = new double[migrations];
        this.atFirstStream = atFirstStream;
    }

    /** Milliseconds since the first stream was admitted. */
    synchronized double sinceFirstStreamMs() {
        return (System.nanoTime() - groupStartNanos) / 1e6;
    }

    /** When migration {@code index}'s stream was admitted, ms after the first one's. */
    synchronized double startMs(int index) {
        return startMs[index];
    }

    /** {@code inner}, with migration {@code index} waiting for its turn and a free slot before its stream opens. */
    MigrationRoute route(MigrationRoute inner, int index) {
        return new MigrationRoute() {
            @Override
            public String incomingUri(int port) {
                return inner.incomingUri(port);
            }

            @Override
            public Hop open(int port, Duration roundTrip, boolean relayed) {
                admit(index);
                Hop hop;
                try {
                    hop = inner.open(port, roundTrip, relayed);
                } catch (RuntimeException e) {
                    release();
                    throw e;
                }
                return Hop.of(hop.uri(), hop.relay(), () -> {
                    try {
                        hop.close();
                    } finally {
                        release();
                    }
                });
            }
        };
    }

    /** A migration of the group failed before its stream: nobody waits for it any longer. */
    synchronized void abort() {
        aborted = true;
        notifyAll();
    }

    private synchronized void admit(int index) {
        arrived++;
        notifyAll();
        try {
            while (!aborted && (arrived < startMs.length || index != nextToAdmit || streaming >= slots)) wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a migration slot", e);
        }
        if (aborted) throw new IllegalStateException("another migration of the group failed before its stream");
        long now = System.nanoTime();
        if (nextToAdmit == 0) {
            groupStartNanos = now;
            atFirstStream.run();
        }
        nextToAdmit++;
        streaming++;
        startMs[index] = (now - groupStartNanos) / 1e6;
        notifyAll();
    }

    private synchronized void release() {
        streaming--;
        notifyAll();
    }
}
