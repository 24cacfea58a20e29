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
 * @param announceRounds    self-announce rounds the destination sent after the guest started there (0: none, or
 *                          the guest never ran there)
 * @param lastAnnounceMs    when the last of them went, from the start (after activation's end; not counted in the
 *                          total time, see core.spec.Announce); 0 without rounds
 */
public record Timing(double preparationTimeMs, double downtimeMs, double resumeTimeMs, double totalTimeMs,
                     double precopyTimeMs, double storageTimeMs, int announceRounds, double lastAnnounceMs) {
    /** Timing without announce rounds. */
    public Timing(double preparationTimeMs, double downtimeMs, double resumeTimeMs, double totalTimeMs,
                  double precopyTimeMs, double storageTimeMs) {
        this(preparationTimeMs, downtimeMs, resumeTimeMs, totalTimeMs, precopyTimeMs, storageTimeMs, 0, 0);
    }

    /** This timing with {@code rounds} announce rounds, the last at {@code lastMs}. */
    public Timing withAnnounce(int rounds, double lastMs) {
        return new Timing(preparationTimeMs, downtimeMs, resumeTimeMs, totalTimeMs, precopyTimeMs, storageTimeMs,
                rounds, lastMs);
    }

    /** Timing without a disk to move. */
    public Timing(double preparationTimeMs, double downtimeMs, double resumeTimeMs, double totalTimeMs,
                  double precopyTimeMs) {
        this(preparationTimeMs, downtimeMs, resumeTimeMs, totalTimeMs, precopyTimeMs, 0);
    }
}
