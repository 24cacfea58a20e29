package io.miglab.qemu.migrate;

/**
 * Host times ({@link System#nanoTime()}) that only miglab, the manager, knows, beside QEMU's events: when the run
 * began (preparation), when the destination was started (reservation), when the disk mirror started (0: no disk
 * to move; pre-copy then begins there), when {@code migrate} was sent, when the guest's first heartbeat arrived from
 * the destination (0: never), and when the run ended.
 */
public record StageMarks(long runStartNanos, long reservationNanos, long storageStartNanos, long migrateNanos,
                         long destinationBeatNanos, long endNanos) {
}
