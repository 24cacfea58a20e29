package io.miglab.cli.sweep;

import io.miglab.core.result.MigrationResult;
import java.util.List;
import java.util.Optional;

/**
 * One point of a sweep: the axis values, the result of the chosen algorithm, and (when the sweep compares them)
 * the results of pre-copy and stop-and-copy on the same inputs.
 */
public record SweepPoint(List<SweepAxis.Value> coordinates, MigrationResult result,
                         Optional<MigrationResult> precopy, Optional<MigrationResult> stopAndCopy) {
    public SweepPoint {
        coordinates = List.copyOf(coordinates);
    }

    public boolean compared() {
        return precopy.isPresent() && stopAndCopy.isPresent();
    }
}
