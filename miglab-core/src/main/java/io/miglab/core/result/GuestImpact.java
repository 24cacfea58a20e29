package io.miglab.core.result;

/**
 * What the migration cost the guest while it ran (the downtime itself is in {@link Timing}).
 *
 * @param postcopyFaults            guest accesses to pages that had not yet arrived (QEMU's postcopy-requests)
 * @param guestSlowdownPercent      share of the guest's work lost while it ran during the migration, to throttling
 *                                  and to post-copy faults
 * @param maxThrottlePercent        highest auto-converge throttle applied
 * @param diskWriteSlowdownPercent  share of the guest's disk writes held back while its disk moved (a mirror's
 *                                  synchronous writes go no faster than their share of the link); 0 otherwise
 */
public record GuestImpact(long postcopyFaults, double guestSlowdownPercent, int maxThrottlePercent,
                          double diskWriteSlowdownPercent) {
    /** The impact without a disk to move. */
    public GuestImpact(long postcopyFaults, double guestSlowdownPercent, int maxThrottlePercent) {
        this(postcopyFaults, guestSlowdownPercent, maxThrottlePercent, 0);
    }
}
