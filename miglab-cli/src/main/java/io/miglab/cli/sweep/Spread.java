package io.miglab.cli.sweep;

import io.miglab.core.result.MigrationResult;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The repetitions of one point for one figure: median, smallest and largest, over the runs that have the figure
 * (a run that did not switch over has no downtime).
 */
public record Spread(double median, double min, double max, int runs) {
    /** {@code value} over {@code runs}; empty when no run has the figure. */
    public static Optional<Spread> of(List<MigrationResult> runs, ToDoubleFunction<MigrationResult> value,
                                      boolean ofCancelled) {
        double[] v = runs.stream().filter(r -> ofCancelled || r.outcome().completed()).mapToDouble(value)
                .sorted().toArray();
        if (v.length == 0) return Optional.empty();
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return Optional.of(new Spread(median, v[0], v[n - 1], n));
    }

    /** {@code m} over {@code runs}, in the metric's display unit. */
    static Optional<Spread> of(List<MigrationResult> runs, SweepMetric m) {
        return of(runs, m::of, m.ofCancelled);
    }
}
