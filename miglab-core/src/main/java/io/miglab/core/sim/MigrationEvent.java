package io.miglab.core.sim;

import io.miglab.core.result.RoundStats;
import io.miglab.core.result.StopReason;

/** What happened during a simulated migration, in order; metrics are computed from these once. */
public sealed interface MigrationEvent {
    double atSeconds();

    record Started(double atSeconds) implements MigrationEvent { }

    record FirstPageSent(double atSeconds) implements MigrationEvent { }

    record RoundEnded(double atSeconds, RoundStats stats) implements MigrationEvent { }

    record GuestPaused(double atSeconds) implements MigrationEvent { }

    /** The last byte of the switch-over arrived and the destination starts loading the device state. */
    record DestinationLoading(double atSeconds) implements MigrationEvent { }

    record GuestResumedOnDestination(double atSeconds) implements MigrationEvent { }

    record PostCopyStarted(double atSeconds) implements MigrationEvent { }

    record Finished(double atSeconds, StopReason reason, boolean completed) implements MigrationEvent { }
}
