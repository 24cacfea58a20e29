package io.miglab.core.result;

/**
 * What the migration cost the guest while it ran (the downtime itself is in {@link Timing}).
 *
 * @param postcopyFaults       guest accesses to pages that had not yet arrived (QEMU's postcopy-requests)
 * @param guestSlowdownPercent share of the guest's work lost while it ran during the migration, to throttling and
 *                             to post-copy faults
 * @param maxThrottlePercent   highest auto-converge throttle applied
 */
public record GuestImpact(long postcopyFaults, double guestSlowdownPercent, int maxThrottlePercent) {
}
