package io.miglab.core.result;

import java.util.List;

/**
 * The figures of one migration, the same for every backend. Times are in milliseconds, sizes in bytes.
 * The JSON field names are these component names and are part of miglab's stable interface (see README).
 *
 * @param backend              who produced it: {@code sim}, {@code closed-form}, {@code qemu}, ...
 * @param algorithm            the algorithm's registry name
 * @param converged            pre-copy met its convergence condition (always true for non-iterative algorithms)
 * @param completed            the guest ended up running on the destination
 * @param stopReason           why iterating stopped
 * @param preparationTimeMs    from the start to the first page sent
 * @param downtimeMs           the guest ran nowhere (the switch-over)
 * @param resumeTimeMs         part of the downtime spent bringing the guest up on the destination
 * @param totalTimeMs          from the start until the destination holds every page
 * @param precopyTimeMs        time spent in pre-copy rounds
 * @param bytesTransferred     all bytes on the wire
 * @param pagesTransferred     all pages sent (zero pages and re-sends included)
 * @param pagesResent          pages sent more than once
 * @param zeroPages            pages sent as zero-page headers
 * @param precopyBytes         bytes sent while the guest ran on the source
 * @param stopCopyBytes        bytes sent while the guest was paused (device state included)
 * @param postcopyBytes        bytes sent while the guest ran on the destination
 * @param postcopyFaults       guest accesses to pages that had not yet arrived (QEMU's postcopy-requests)
 * @param guestSlowdownPercent share of the guest's work lost while it ran during the migration, to throttling and
 *                             to post-copy faults (the downtime itself is not counted here)
 * @param maxThrottlePercent   highest auto-converge throttle applied
 * @param rounds               the per-round table
 * @param assumptions          what the backend assumed (closed form) or observed (QEMU notes)
 */
public record MigrationResult(String backend, String algorithm, boolean converged, boolean completed,
                              StopReason stopReason, double preparationTimeMs, double downtimeMs,
                              double resumeTimeMs, double totalTimeMs, double precopyTimeMs,
                              long bytesTransferred, long pagesTransferred, long pagesResent, long zeroPages,
                              long precopyBytes, long stopCopyBytes, long postcopyBytes, long postcopyFaults,
                              double guestSlowdownPercent, int maxThrottlePercent, List<RoundStats> rounds,
                              List<String> assumptions) {
    public MigrationResult {
        rounds = List.copyOf(rounds);
        assumptions = List.copyOf(assumptions);
    }

    public int roundCount() {
        return rounds.size();
    }
}
