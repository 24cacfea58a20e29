package io.miglab.core.algorithm;

import io.miglab.core.result.StopReason;

/** An engine that carries out an algorithm's {@link Action}s: one method per action. */
public interface MigrationEngine extends MigrationView {
    void precopyRound();

    void stopAndCopy(StopReason reason);

    void switchToPostCopy(StopReason reason);

    void cancel(StopReason reason);

    /**
     * Carries out one action; true when it was a pre-copy round, after which the algorithm decides again. Engines
     * driven by events (the rate-based one) call this from their callbacks; loop engines use {@link #drive}.
     */
    default boolean carryOut(Action action) {
        // Java 17 has no pattern switch; the sealed interface keeps this list complete
        if (action instanceof Action.PrecopyRound) {
            precopyRound();
            return true;
        } else if (action instanceof Action.StopAndCopy s) {
            stopAndCopy(s.reason());
        } else if (action instanceof Action.SwitchToPostCopy s) {
            switchToPostCopy(s.reason());
        } else if (action instanceof Action.Cancel c) {
            cancel(c.reason());
        } else {
            throw new IllegalArgumentException("unknown action " + action);
        }
        return false;
    }

    /**
     * The migration has ended without the algorithm's word: refused at reservation, or ended by a failure. The
     * algorithm is not asked again.
     */
    default boolean ended() {
        return false;
    }

    /** Runs the algorithm to the end: its first decision, then one decision after each pre-copy round. */
    default void drive(MigrationAlgorithm algorithm) {
        if (ended() || !carryOut(algorithm.first(this))) return;
        while (!ended() && carryOut(algorithm.afterRound(this))) {
            // each pass carried out one more pre-copy round
        }
    }
}
