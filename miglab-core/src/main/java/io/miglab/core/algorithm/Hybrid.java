package io.miglab.core.algorithm;

import io.miglab.core.result.StopReason;
import io.miglab.core.spec.PostCopyOptions;
import java.util.Optional;
import java.util.Set;

/**
 * Hybrid: pre-copy for a set number of rounds (or until a set time, or a limit), then post-copy for what is still
 * dirty (QEMU's migrate-start-postcopy during pre-copy). If pre-copy converges first, it finishes as pre-copy.
 */
public final class Hybrid implements MigrationAlgorithm {
    @Override
    public Action first(MigrationView view) {
        return Action.PRECOPY_ROUND;
    }

    @Override
    public Action afterRound(MigrationView view) {
        PostCopyOptions options = view.spec().postCopy();
        Optional<StopReason> stop = view.verdict();
        if (stop.isPresent() && stop.get().converged()) return new Action.StopAndCopy(stop.get());
        boolean timeUp = options.switchAfter().map(d -> view.clockSeconds() >= d.toNanos() / 1e9).orElse(false);
        if (view.roundsDone() >= options.precopyRounds() || timeUp || stop.isPresent()) {
            return new Action.SwitchToPostCopy(StopReason.SWITCHED_TO_POSTCOPY);
        }
        return Action.PRECOPY_ROUND;
    }

    @Override
    public boolean mayUsePostCopy() {
        return true;
    }

    @Override
    public Set<String> ownSettings() {
        return Set.of("precopy-rounds", "switch-after", "prepaging", "postcopy-preempt");
    }
}
