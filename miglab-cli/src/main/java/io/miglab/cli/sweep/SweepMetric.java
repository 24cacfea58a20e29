package io.miglab.cli.sweep;

import io.miglab.core.result.MigrationResult;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A figure the sweep plots against the varied parameter. A run that never switched over (cancelled, the guest
 * left on the source) has a total time (until the cancel) and data sent (in vain), but no downtime at all.
 */
enum SweepMetric {
    TOTAL_TIME("total-time", "Total migration time", "total migration time (s)",
            r -> r.timing().totalTimeMs() / 1000, true),
    DATA("data-transferred", "Data transferred", "data transferred (MiB)",
            r -> r.traffic().bytesTransferred() / (double) (1L << 20), true),
    DOWNTIME("downtime", "Downtime", "downtime (ms)", r -> r.timing().downtimeMs(), false);

    static final List<SweepMetric> ALL = List.of(values());

    final String file;
    final String title;
    final String yTitle;
    private final ToDoubleFunction<MigrationResult> value;
    /** Whether a run that did not switch over has this figure. */
    final boolean ofCancelled;

    SweepMetric(String file, String title, String yTitle, ToDoubleFunction<MigrationResult> value,
                boolean ofCancelled) {
        this.file = file;
        this.title = title;
        this.yTitle = yTitle;
        this.value = value;
        this.ofCancelled = ofCancelled;
    }

    double of(MigrationResult r) {
        return value.applyAsDouble(r);
    }
}
