package io.miglab.core.algorithm;

import io.miglab.core.sim.MigrationSession;

/**
 * A live-migration algorithm: it decides the order of rounds and phases through a session's primitives. The
 * session keeps time and counts bytes, so an algorithm holds no metrics of its own. A new algorithm is one class
 * plus one line in {@link AlgorithmRegistry#standard()}.
 */
public interface MigrationAlgorithm {
    void migrate(MigrationSession session);
}
