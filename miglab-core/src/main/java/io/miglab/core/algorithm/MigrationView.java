package io.miglab.core.algorithm;

import io.miglab.core.result.StopReason;
import io.miglab.core.spec.MigrationSpec;
import java.util.Optional;

/** What an algorithm may look at when it decides: the same questions in every engine. */
public interface MigrationView {
    MigrationSpec spec();

    /** Pre-copy rounds finished so far (0 before the first full pass ends). */
    int roundsDone();

    /** Seconds since the migration started. */
    double clockSeconds();

    /** The termination policy's verdict now: a convergence reason, a limit reason, or empty to go on. */
    Optional<StopReason> verdict();
}
