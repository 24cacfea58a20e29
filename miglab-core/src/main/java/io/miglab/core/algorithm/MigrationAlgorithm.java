package io.miglab.core.algorithm;

import java.util.Optional;
import java.util.Set;

/**
 * A live-migration algorithm as one decision: it looks at a {@link MigrationView} and returns an {@link Action}.
 * Every engine (page-level session, rate-based migration, closed form over expected values, the QEMU driver)
 * carries the actions out, so a new algorithm is one class plus one line in {@link AlgorithmRegistry#standard()}
 * and runs everywhere.
 *
 * <p>Decisions must depend only on the view: an engine may ask again while nothing has changed (the QEMU driver
 * asks on every poll while a round is under way).
 */
public interface MigrationAlgorithm {
    /** The first decision, once the preparation is over. */
    Action first(MigrationView view);

    /** The decision after a pre-copy round (and, on QEMU, while one is under way). */
    Action afterRound(MigrationView view);

    /** True when the algorithm may switch to post-copy, so engines prepare for it (QEMU's postcopy-ram). */
    default boolean mayUsePostCopy() {
        return false;
    }

    /**
     * The settings of this algorithm's own (by their flag names, e.g. {@code precopy-rounds}); giving one of them to
     * an algorithm that does not read it is refused rather than silently ignored.
     */
    default Set<String> ownSettings() {
        return Set.of();
    }

    /** Why a real QEMU cannot carry out this algorithm, in one line; empty when it can. */
    default Optional<String> qemuLimitation() {
        return Optional.empty();
    }
}
