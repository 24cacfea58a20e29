package io.miglab.qemu.calibrate;

import io.miglab.core.unit.DataRate;
import io.miglab.qemu.migrate.QemuRun;

/**
 * One real migration of a calibration grid.
 *
 * @param kind      what ran: miglab's guest idle or with its workload (a user's guest's workload is its own), in
 *                  pre-copy; or miglab's guest idle in post-copy with the post-copy phase uncapped
 * @param bandwidth QEMU's max-bandwidth for the run
 */
public record CalibrationRun(Kind kind, DataRate bandwidth, QemuRun run) {
    /** The grid's kinds of run, each with its label. */
    public enum Kind {
        IDLE("idle"), WORKLOAD("workload"), POSTCOPY_IDLE("idle post-copy");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The label of this kind of run at {@code bandwidth}. */
        public String at(DataRate bandwidth) {
            return label + " @ " + bandwidth;
        }
    }

    /** The guest ran its workload (miglab's memwriter, or a user's guest, whose workload is its own). */
    public boolean workload() {
        return kind == Kind.WORKLOAD;
    }

    public String label() {
        return kind.at(bandwidth);
    }
}
