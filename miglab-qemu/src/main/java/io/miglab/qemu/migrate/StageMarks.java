package io.miglab.qemu.migrate;

/**
 * Host times ({@link System#nanoTime()}) that only miglab, the manager, knows, beside QEMU's events: when the run
 * began (preparation), when the destination was started (reservation), when {@code migrate} was sent, when the
 * guest's first heartbeat arrived from the destination (0: never), and when the run ended.
 */
public record StageMarks(long runStartNanos, long reservationNanos, long migrateNanos, long destinationBeatNanos,
                         long endNanos) {
}
