package io.miglab.qemu.calibrate;

import io.miglab.core.unit.DataRate;
import io.miglab.qemu.migrate.QemuRun;

/**
 * One real migration of a calibration grid.
 *
 * @param workload  the guest ran its workload (miglab's memwriter, or a user's guest, whose workload is its own);
 *                  false: miglab's guest idle
 * @param bandwidth QEMU's max-bandwidth for the run
 */
public record CalibrationRun(boolean workload, DataRate bandwidth, QemuRun run) {
    public String label() {
        return (workload ? "workload" : "idle") + " @ " + bandwidth;
    }
}
