package io.miglab.core.algorithm;

import io.miglab.core.result.StopReason;
import io.miglab.core.sim.MigrationSession;
import io.miglab.core.spec.PostCopyOptions;
import java.util.Optional;

/**
 * Hybrid: pre-copy for a set number of rounds (or until a set time), then post-copy for what is still dirty
 * (QEMU's migrate-start-postcopy during pre-copy). If pre-copy converges first, it finishes as pre-copy.
 */
public final class Hybrid implements MigrationAlgorithm {
    @Override
    public void migrate(MigrationSession session) {
        PostCopyOptions options = session.spec().postCopy();
        double switchAt = options.switchAfter().map(d -> d.toNanos() / 1e9).orElse(Double.POSITIVE_INFINITY);
        session.start();
        while (true) {
            session.precopyRound();
            Optional<StopReason> stop = session.evaluatePolicy();
            if (stop.isPresent() && stop.get().converged()) {
                session.stopAndCopy(stop.get());
                return;
            }
            if (session.roundsDone() >= options.precopyRounds() || session.clockSeconds() >= switchAt
                    || stop.isPresent()) {
                session.switchToPostCopy(StopReason.SWITCHED_TO_POSTCOPY);
                return;
            }
        }
    }
}
