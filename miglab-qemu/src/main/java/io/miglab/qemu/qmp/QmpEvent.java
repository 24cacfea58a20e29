package io.miglab.qemu.qmp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An asynchronous QMP event such as {@code MIGRATION}, {@code MIGRATION_PASS}, {@code STOP} or {@code RESUME}.
 *
 * @param name           the event name
 * @param data           its {@code data} member (an empty object when QEMU sent none)
 * @param receivedNanos  host {@link System#nanoTime()} when the event was read
 * @param qemuMicros     QEMU's own timestamp (wall clock, microseconds since the epoch)
 */
public record QmpEvent(String name, JsonNode data, long receivedNanos, long qemuMicros) {
}
