package io.miglab.core.result;

/**
 * One stage as it happened: when it began, how long it took, what went over the wire during it. A result's stages
 * follow each other without gaps, so their durations add up to the total time and their bytes to the bytes
 * transferred.
 *
 * @param stage      the stage's label ({@link Stage#label()}): {@code preparation}, {@code pre-copy}, ...
 * @param startMs    milliseconds from the start of the migration
 * @param durationMs how long it lasted
 * @param bytes      bytes on the wire during it
 */
public record StageStats(String stage, double startMs, double durationMs, long bytes) {
    public double endMs() {
        return startMs + durationMs;
    }
}
