package io.miglab.cli.sweep;

import io.miglab.core.result.MigrationResult;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One point of a sweep: the axis values, the runs of the chosen algorithm (one per repetition), and (when the sweep
 * compares them) the runs of pre-copy and stop-and-copy on the same inputs; {@code simulated} is the simulator's
 * point on the same inputs, drawn over real runs.
 */
public record SweepPoint(List<SweepAxis.Value> coordinates, List<MigrationResult> runs,
                         List<MigrationResult> precopyRuns, List<MigrationResult> stopAndCopyRuns,
                         Optional<SweepPoint> simulated) {
    public SweepPoint {
        coordinates = List.copyOf(coordinates);
        runs = List.copyOf(runs);
        precopyRuns = List.copyOf(precopyRuns);
        stopAndCopyRuns = List.copyOf(stopAndCopyRuns);
        if (runs.isEmpty()) throw new IllegalArgumentException("a sweep point needs at least one run");
    }

    /** One run per algorithm, no repetitions, nothing simulated beside it. */
    public SweepPoint(List<SweepAxis.Value> coordinates, MigrationResult result, Optional<MigrationResult> precopy,
                      Optional<MigrationResult> stopAndCopy) {
        this(coordinates, List.of(result), precopy.stream().toList(), stopAndCopy.stream().toList(), Optional.empty());
    }

    /** The run of the median total time (the lower middle one of an even number): its figures stand for the point. */
    public MigrationResult result() {
        return representative(runs);
    }

    public Optional<MigrationResult> precopy() {
        return precopyRuns.isEmpty() ? Optional.empty() : Optional.of(representative(precopyRuns));
    }

    public Optional<MigrationResult> stopAndCopy() {
        return stopAndCopyRuns.isEmpty() ? Optional.empty() : Optional.of(representative(stopAndCopyRuns));
    }

    public boolean compared() {
        return !precopyRuns.isEmpty() && !stopAndCopyRuns.isEmpty();
    }

    /** More than one run of the chosen algorithm: medians and spreads are reported. */
    public boolean repeated() {
        return runs.size() > 1;
    }

    public SweepPoint withSimulated(SweepPoint sim) {
        return new SweepPoint(coordinates, runs, precopyRuns, stopAndCopyRuns, Optional.of(sim));
    }

    private static MigrationResult representative(List<MigrationResult> runs) {
        // a model's point has one run: the table and the CSV ask for it several times each
        if (runs.size() == 1) return runs.get(0);
        List<MigrationResult> sorted = runs.stream()
                .sorted(Comparator.comparingDouble(r -> r.timing().totalTimeMs())).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
