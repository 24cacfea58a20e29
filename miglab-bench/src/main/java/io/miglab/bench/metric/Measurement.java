package io.miglab.bench.metric;

import io.miglab.bench.host.HostLoad;
import io.miglab.core.result.MigrationResult;

/**
 * One measured migration of the benchmark: a workload migrated at one point of its run.
 *
 * @param point              1..N
 * @param pointOffsetMs      how long the workload had run when the migration started
 * @param windowMs           the window over which the throughput during migration was measured
 * @param baselineThroughput the workload's throughput without migration (same unit as {@code throughputDuring})
 * @param throughputDuring   the workload's throughput over the window
 * @param overheadPercent    the work lost, as a share of the baseline's work over the migration's total time
 *                           (docs/bench.md); on real QEMU it is counted over {@code windowMs}, not derived from
 *                           {@code throughputDuring}
 * @param result             the backend's figures
 */
public record Measurement(String workload, HostLoad hostLoad, int point, double pointOffsetMs, double windowMs,
                          double baselineThroughput, double throughputDuring, double overheadPercent,
                          MigrationResult result) {

    /** 100 (1 - during / baseline), the Virt-LM migration overhead; 0 when there is no baseline to compare with. */
    public static double overheadPercent(double baseline, double during) {
        if (!(baseline > 0)) return 0;
        return 100 * (1 - during / baseline);
    }
}
