package io.miglab.qemu.compare;

import io.miglab.core.result.MigrationResult;
import io.miglab.qemu.serial.WriterReports;
import java.util.OptionalLong;

/**
 * A stored QEMU run of the corpus, so the simulator side can be recomputed without booting QEMU again.
 *
 * @param label          the case's label, {@code " #N"} appended for its N-th repeat
 * @param heartbeatGapMs host gap between the last heartbeat on the source and the first on the destination, or -1
 * @param wallSeconds    boot plus migration, host time
 * @param category       the case's category when it was run (null in runs stored before categories)
 * @param guest          the guest's kernel command line (workload, memwriter's array and rate; null before)
 * @param simulate       the observable inputs as {@code miglab simulate} flags when it was run (null before)
 * @param writer         memwriter's MEM reports during the migration (null in runs stored before they were kept)
 */
public record QemuMeasurement(String label, MigrationResult result, double heartbeatGapMs, boolean counterContinued,
                              String qemuVersion, String accel, double wallSeconds, String category, String guest,
                              String simulate, WriterReports writer) {
    /** A run without the inputs recorded. */
    public QemuMeasurement(String label, MigrationResult result, double heartbeatGapMs, boolean counterContinued,
                           String qemuVersion, String accel, double wallSeconds) {
        this(label, result, heartbeatGapMs, counterContinued, qemuVersion, accel, wallSeconds, null, null, null,
                null);
    }

    /** The writer's achieved rate in this run ({@link WriterReports#achievedPagesPerSecond}), when it was kept. */
    public OptionalLong achievedPagesPerSecond() {
        return writer == null ? OptionalLong.empty() : writer.achievedPagesPerSecond();
    }
}
