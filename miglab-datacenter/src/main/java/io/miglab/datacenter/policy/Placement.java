package io.miglab.datacenter.policy;

import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;

/**
 * Chooses a destination among the hosts that can take a VM ({@link PolicyContext#fits}): the one with the
 * lowest score, ties to the lower host id. Hosts that are on are tried first; only if none fits is a
 * switched-off host woken (the first that fits). Scores take CPU shares so that a scan over ten thousand hosts
 * stays a loop over arrays.
 */
@FunctionalInterface
public interface Placement {
    /**
     * @param host       a host that is on and fits {@code vm}
     * @param shareNow   the host's committed CPU share now
     * @param shareAfter the same with the VM placed there
     */
    double score(PolicyContext context, Vm vm, Host host, double shareNow, double shareAfter);

    static Placement firstFit() { return ByShare.FIRST_FIT; }

    /** The host left with the least spare CPU after the VM arrives (tightest packing). */
    static Placement bestFit() { return ByShare.BEST_FIT; }

    /** The host with the lowest CPU share now. */
    static Placement leastLoaded() { return ByShare.LEAST_LOADED; }

    /**
     * The placements whose score is the host's id order or its committed share alone, so that
     * {@link PolicyContext#choose} can find their choice in an index of the hosts instead of scoring every host.
     */
    enum ByShare implements Placement {
        FIRST_FIT, BEST_FIT, LEAST_LOADED;

        @Override
        public double score(PolicyContext c, Vm vm, Host host, double shareNow, double shareAfter) {
            return switch (this) {
                case FIRST_FIT -> 0;
                case BEST_FIT -> -shareAfter;
                case LEAST_LOADED -> shareNow;
            };
        }
    }

    /**
     * Power-aware best fit (PABFD's placement, Beloglazov and Buyya, CCPE 2012, algorithm 1): the host whose power
     * draw rises least, in its own power model; rounded to a microwatt so that equal hosts tie (then the lower id,
     * as the paper's first minimum).
     */
    static Placement powerAware() {
        return (c, vm, h, now, after) -> Math.rint(1e6 * (h.spec().power().watts(after) - h.spec().power().watts(now)))
                / 1e6;
    }
}
