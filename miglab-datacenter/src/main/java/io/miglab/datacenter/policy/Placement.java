package io.miglab.datacenter.policy;

/**
 * Chooses a destination among the hosts that can take a VM ({@link PolicyContext#fits}): the one with the
 * lowest score, ties to the lower host id. Hosts that are on are tried first; only if none fits is a
 * switched-off host woken (the first that fits). Scores take CPU shares so that a scan over ten thousand hosts
 * stays a loop over arrays.
 */
@FunctionalInterface
public interface Placement {
    /**
     * @param shareNow   the host's committed CPU share now
     * @param shareAfter the same with the VM placed there
     */
    double score(double shareNow, double shareAfter);

    static Placement firstFit() { return (now, after) -> 0; }

    /** The host left with the least spare CPU after the VM arrives (tightest packing). */
    static Placement bestFit() { return (now, after) -> -after; }

    /** The host with the lowest CPU share now. */
    static Placement leastLoaded() { return (now, after) -> now; }
}
