package io.miglab.core.algorithm;

import io.miglab.core.result.StopReason;

/** Pause, send everything, resume: downtime equals the total time. */
public final class StopAndCopy implements MigrationAlgorithm {
    @Override
    public Action first(MigrationView view) {
        return new Action.StopAndCopy(StopReason.NOT_ITERATIVE);
    }

    @Override
    public Action afterRound(MigrationView view) {
        throw new IllegalStateException("stop-and-copy has no rounds");
    }
}
