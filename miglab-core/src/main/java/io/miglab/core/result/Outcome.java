package io.miglab.core.result;

/**
 * How a migration ended.
 *
 * @param converged  pre-copy met its convergence condition (always true for non-iterative algorithms)
 * @param completed  the guest ended up running on the destination
 * @param stopReason why iterating stopped
 */
public record Outcome(boolean converged, boolean completed, StopReason stopReason) {
    /** Converged exactly when the reason is a convergence reason. */
    public static Outcome of(StopReason reason, boolean completed) {
        return new Outcome(reason.converged(), completed, reason);
    }
}
