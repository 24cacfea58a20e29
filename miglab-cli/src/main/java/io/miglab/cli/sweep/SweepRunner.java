package io.miglab.cli.sweep;

import io.miglab.cli.spec.ScenarioValues;
import io.miglab.cli.spec.SpecFactory;
import io.miglab.core.MigrationBackend;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every point of a one- or two-axis grid (first axis outer). With {@code compare}, each point also runs
 * pre-copy and stop-and-copy on the same inputs, for the classic pre-copy vs stop-and-copy plot.
 */
public final class SweepRunner {
    public static final String PRECOPY = "precopy";
    public static final String STOP_AND_COPY = "stop-and-copy";

    private SweepRunner() { }

    public static List<SweepPoint> run(ScenarioValues base, List<SweepAxis> axes, SpecFactory factory,
                                       MigrationBackend backend, boolean compare) {
        // Every point's inputs are checked before the first one runs: a bad value at the end of an axis is
        // reported at once, not after the points before it have run.
        List<List<SweepAxis.Value>> grid = new ArrayList<>();
        List<MigrationSpec> specs = new ArrayList<>();
        grid(axes, 0, new ArrayList<>(), coordinates -> {
            grid.add(coordinates);
            specs.add(factory.build(values(base, axes, coordinates)));
        });
        List<SweepPoint> points = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            List<SweepAxis.Value> coordinates = grid.get(i);
            MigrationSpec spec = specs.get(i);
            MigrationResult result = backend.migrate(spec);
            Optional<MigrationResult> pre = Optional.empty(), sac = Optional.empty();
            if (compare) {
                pre = Optional.of(same(spec, result, PRECOPY, backend));
                sac = Optional.of(same(spec, result, STOP_AND_COPY, backend));
            }
            points.add(new SweepPoint(coordinates, result, pre, sac));
        }
        return points;
    }

    /** The inputs of the point at {@code coordinates}: the base with each axis's value set. */
    public static ScenarioValues values(ScenarioValues base, List<SweepAxis> axes, List<SweepAxis.Value> coordinates) {
        ScenarioValues values = base;
        for (int i = 0; i < axes.size(); i++) {
            values = values.with(axes.get(i).parameter().key, coordinates.get(i).text(), ScenarioValues.SWEEP);
        }
        return values;
    }

    private static MigrationResult same(MigrationSpec spec, MigrationResult result, String algorithm,
                                        MigrationBackend backend) {
        return spec.algorithm().equals(algorithm) ? result : backend.migrate(spec.withAlgorithm(algorithm));
    }

    private interface PointAction {
        void run(List<SweepAxis.Value> coordinates);
    }

    private static void grid(List<SweepAxis> axes, int depth, List<SweepAxis.Value> prefix, PointAction action) {
        if (depth == axes.size()) {
            action.run(List.copyOf(prefix));
            return;
        }
        for (SweepAxis.Value v : axes.get(depth).values()) {
            prefix.add(v);
            grid(axes, depth + 1, prefix, action);
            prefix.remove(prefix.size() - 1);
        }
    }
}
