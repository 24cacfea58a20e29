package io.miglab.qemu.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param afterFit       recorded after the qemu profile's constants were fitted (the repeats of 2026-11-30 19:00
 *                       UTC): shown and counted like any run, kept out of every fit as a held-out case is
 * @param switchPolled   a post-copy switch "at once" that the QEMU backend requested at its first poll of
 *                       query-migrate, as it did before 2026-12-01, not right after {@code migrate}: the request
 *                       raced QEMU's setup and a rate-limit period of pre-copy often went first, which the case's
 *                       spec does not say; shown, not counted in the statistics
 */
public record QemuMeasurement(String label, MigrationResult result, double heartbeatGapMs, boolean counterContinued,
                              String qemuVersion, String accel, double wallSeconds, String category, String guest,
                              String simulate, WriterReports writer,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean afterFit,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean switchPolled) {
    /** A run without the inputs recorded. */
    public QemuMeasurement(String label, MigrationResult result, double heartbeatGapMs, boolean counterContinued,
                           String qemuVersion, String accel, double wallSeconds) {
        this(label, result, heartbeatGapMs, counterContinued, qemuVersion, accel, wallSeconds, null, null, null,
                null, false, false);
    }

    /** Whether a constant may be fitted to this run: neither its case is held out nor the run came after the fit. */
    public boolean fittable() {
        return !afterFit && GridCases.find(label).map(c -> !c.heldOut()).orElse(false);
    }

    /** The writer's achieved rate in this run ({@link WriterReports#achievedPagesPerSecond}), when it was kept. */
    public OptionalLong achievedPagesPerSecond() {
        return writer == null ? OptionalLong.empty() : writer.achievedPagesPerSecond();
    }
}
