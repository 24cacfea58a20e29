package io.miglab.core.algorithm;

import io.miglab.core.result.StopReason;
import java.util.Set;

/**
 * Post-copy (Hines and Gopalan, VEE 2009): pause, send the CPU and device state, resume on the destination at
 * once, then push every page in the background while the guest's faults pull the pages it touches first; with
 * pre-paging the neighbours of a faulted page come next. Each page crosses the wire exactly once.
 */
public final class PostCopy implements MigrationAlgorithm {
    @Override
    public Action first(MigrationView view) {
        return new Action.SwitchToPostCopy(StopReason.NOT_ITERATIVE);
    }

    @Override
    public Action afterRound(MigrationView view) {
        throw new IllegalStateException("post-copy has no rounds");
    }

    @Override
    public boolean mayUsePostCopy() {
        return true;
    }

    @Override
    public Set<String> ownSettings() {
        return Set.of("prepaging", "postcopy-preempt");
    }
}
