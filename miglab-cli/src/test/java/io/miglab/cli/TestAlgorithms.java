package io.miglab.cli;

import io.miglab.core.algorithm.Action;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.algorithm.MigrationAlgorithm;
import io.miglab.core.algorithm.MigrationView;
import io.miglab.core.result.StopReason;

/** Algorithms that exist only in the tests, to check that a registered algorithm reaches every command. */
public final class TestAlgorithms {
    public static final String TWO_ROUNDS = "two-round-precopy";
    public static final String BROKEN = "broken";

    private TestAlgorithms() { }

    /** Exactly two pre-copy rounds, then stop-and-copy, whatever the policy says. */
    public static final class TwoRoundPreCopy implements MigrationAlgorithm {
        @Override
        public Action first(MigrationView view) {
            return Action.PRECOPY_ROUND;
        }

        @Override
        public Action afterRound(MigrationView view) {
            return view.roundsDone() < 2 ? Action.PRECOPY_ROUND : new Action.StopAndCopy(StopReason.MAX_ROUNDS);
        }
    }

    /** Fails as a bug would. */
    public static final class Broken implements MigrationAlgorithm {
        @Override
        public Action first(MigrationView view) {
            throw new IllegalStateException("simulated bug");
        }

        @Override
        public Action afterRound(MigrationView view) {
            throw new IllegalStateException("simulated bug");
        }
    }

    public static AlgorithmRegistry registry() {
        return AlgorithmRegistry.standard()
                .register(TWO_ROUNDS, "test only: two pre-copy rounds, then stop-and-copy", TwoRoundPreCopy::new)
                .register(BROKEN, "test only: throws", Broken::new);
    }
}
