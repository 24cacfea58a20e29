package io.miglab.core.algorithm;

import io.miglab.core.result.StopReason;
import io.miglab.core.spec.TerminationPolicy;
import java.util.Optional;

/**
 * Iterative pre-copy (Clark et al., NSDI 2005): round 0 sends all memory, each later round re-sends what was written
 * during the previous one, until the termination policy stops it; then a stop-and-copy of what is still dirty, or a
 * cancel if the policy says so.
 */
public final class PreCopy implements MigrationAlgorithm {
    @Override
    public Action first(MigrationView view) {
        return Action.PRECOPY_ROUND;
    }

    @Override
    public Action afterRound(MigrationView view) {
        Optional<StopReason> stop = view.verdict();
        if (stop.isEmpty()) return Action.PRECOPY_ROUND;
        StopReason reason = stop.get();
        if (reason.converged() || view.spec().policy().onLimit() == TerminationPolicy.LimitAction.STOP_AND_COPY) {
            return new Action.StopAndCopy(reason);
        }
        return new Action.Cancel(reason);
    }
}
