package io.miglab.core.algorithm;

import io.miglab.core.result.StopReason;
import io.miglab.core.sim.MigrationSession;

/** Pause, send everything, resume: downtime equals the total time. */
public final class StopAndCopy implements MigrationAlgorithm {
    @Override
    public void migrate(MigrationSession session) {
        session.start();
        session.stopAndCopy(StopReason.NOT_ITERATIVE);
    }
}
