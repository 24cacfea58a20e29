package io.miglab.qemu.migrate;

/**
 * One stage of a real migration, with the labels and meaning of {@code core.result.StageStats}.
 *
 * @param stage      {@code preparation}, {@code reservation}, {@code pre-copy}, ...
 * @param startMs    host milliseconds from the start of the run (miglab's planning)
 * @param durationMs how long it lasted, host time
 * @param bytes      RAM bytes QEMU booked to it
 */
public record QemuStage(String stage, double startMs, double durationMs, long bytes) {
}
