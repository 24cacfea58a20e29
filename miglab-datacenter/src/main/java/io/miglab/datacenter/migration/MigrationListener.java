package io.miglab.datacenter.migration;

import io.miglab.core.result.MigrationResult;

/** What the datacenter hears of a {@link RateMigration}. Every method has a default that does nothing. */
public interface MigrationListener {
    default void rateChanged(RateMigration m, double oldBytesPerSecond, double newBytesPerSecond) { }

    /** The guest stopped running on the source (the switch-over began). */
    default void paused(RateMigration m) { }

    /** The guest runs on the destination from now on. */
    default void resumed(RateMigration m) { }

    /** The migration ended; {@code result.fate()} says where the guest runs (or that it was lost). */
    default void finished(RateMigration m, MigrationResult result) { }
}
