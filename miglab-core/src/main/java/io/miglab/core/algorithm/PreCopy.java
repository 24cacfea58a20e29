package io.miglab.core.algorithm;

import io.miglab.core.result.StopReason;
import io.miglab.core.sim.MigrationSession;
import io.miglab.core.spec.TerminationPolicy;
import java.util.Optional;

/**
 * Iterative pre-copy (Clark et al., NSDI 2005): round 0 sends all memory, each later round re-sends what was written
 * during the previous one, until the termination policy stops it; then a stop-and-copy of what is still dirty, or a
 * cancel if the policy says so.
 */
public final class PreCopy implements MigrationAlgorithm {
    @Override
    public void migrate(MigrationSession session) {
        session.start();
        while (true) {
            session.precopyRound();
            Optional<StopReason> stop = session.evaluatePolicy();
            if (stop.isEmpty()) continue;
            StopReason reason = stop.get();
            if (reason.converged()
                    || session.spec().policy().onLimit() == TerminationPolicy.LimitAction.STOP_AND_COPY) {
                session.stopAndCopy(reason);
            } else {
                session.cancel(reason);
            }
            return;
        }
    }
}
