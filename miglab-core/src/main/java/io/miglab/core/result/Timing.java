package io.miglab.core.result;

/**
 * How long a migration and its parts took, in milliseconds.
 *
 * @param preparationTimeMs from the start to the first page sent
 * @param downtimeMs        the guest ran nowhere (the switch-over)
 * @param resumeTimeMs      part of the downtime spent bringing the guest up on the destination
 * @param totalTimeMs       from the start until the destination holds every page (and every disk block)
 * @param precopyTimeMs     time spent in pre-copy rounds
 * @param storageTimeMs     time spent copying the local disk before the memory migration (block pre-copy's
 *                          rounds, or the mirror's copy until in sync); 0 without a disk to move
 */
public record Timing(double preparationTimeMs, double downtimeMs, double resumeTimeMs, double totalTimeMs,
                     double precopyTimeMs, double storageTimeMs) {
    /** Timing without a disk to move. */
    public Timing(double preparationTimeMs, double downtimeMs, double resumeTimeMs, double totalTimeMs,
                  double precopyTimeMs) {
        this(preparationTimeMs, downtimeMs, resumeTimeMs, totalTimeMs, precopyTimeMs, 0);
    }
}
