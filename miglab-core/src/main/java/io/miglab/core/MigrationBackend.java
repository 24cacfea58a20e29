package io.miglab.core;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;

/**
 * Runs one migration. Everything above this interface cannot tell a simulation from a real run, except by
 * {@link MigrationResult#backend()}.
 */
public interface MigrationBackend {
    /** The value this backend puts in {@link MigrationResult#backend()}. */
    String name();

    MigrationResult migrate(MigrationSpec spec);
}
