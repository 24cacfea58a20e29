package io.miglab.qemu.compare;

import io.miglab.core.result.MigrationResult;

/**
 * A stored QEMU run of the grid, so the simulator side can be recomputed without booting QEMU again.
 *
 * @param heartbeatGapMs host gap between the last heartbeat on the source and the first on the destination, or -1
 * @param wallSeconds    boot plus migration, host time
 */
public record QemuMeasurement(String label, MigrationResult result, double heartbeatGapMs, boolean counterContinued,
                              String qemuVersion, String accel, double wallSeconds) {
}
