package io.miglab.qemu.migrate;

import java.time.Duration;

/** A destination host that dies mid-migration (its QEMU gets SIGKILL), to see what the source does. */
public sealed interface DestinationFailure {
    /** Kill the destination this long after {@code migrate}, if pre-copy is still running then. */
    record DuringPrecopy(Duration after) implements DestinationFailure { }

    /** Kill the destination this long after the migration entered {@code postcopy-active}. */
    record DuringPostcopy(Duration afterSwitch) implements DestinationFailure { }
}
