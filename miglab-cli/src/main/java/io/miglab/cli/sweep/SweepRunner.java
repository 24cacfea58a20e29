package io.miglab.cli.sweep;

import io.miglab.cli.spec.ScenarioValues;
import io.miglab.cli.spec.SpecFactory;
import io.miglab.core.MigrationBackend;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs every point of a one- or two-axis grid (first axis outer). With {@code compare}, each point also runs
 * pre-copy and stop-and-copy on the same inputs, for the classic pre-copy vs stop-and-copy plot. A real backend
 * repeats each run ({@code repeat}) and may have the simulator's point beside each real one.
 */
public final class SweepRunner {
    public static final String PRECOPY = "precopy";
    public static final String STOP_AND_COPY = "stop-and-copy";

    /**
     * How the points are run.
     *
     * @param repeat    runs of each algorithm at each point
     * @param simulator run once at each point beside the backend, for its curve over the real points
     * @param eachPoint write the CSV after every point (real runs: slow, and may be stopped), not only at the end
     */
    public record Settings(boolean compare, int repeat, Optional<MigrationBackend> simulator, boolean eachPoint) {
        public static Settings once(boolean compare) {
            return new Settings(compare, 1, Optional.empty(), false);
        }

        /** The backend's migrations at one point of algorithm {@code algorithm}. */
        int migrationsAt(String algorithm) {
            int algorithms = 1;
            if (compare) algorithms += algorithm.equals(PRECOPY) || algorithm.equals(STOP_AND_COPY) ? 1 : 2;
            return repeat * algorithms;
        }
    }

    /** Told as the sweep goes, e.g. to draw a progress bar and to write each point as soon as it is measured. */
    public interface Listener {
        Listener NONE = new Listener() { };

        /** Before the first run: how many migrations the backend will run. */
        default void started(int migrations) { }

        /** After each migration of the backend; {@code what} names it (made only when asked). */
        default void migrated(Supplier<String> what) { }

        /** After each point, with every point so far (a view that grows: copy what is kept). */
        default void pointDone(List<SweepPoint> soFar) { }
    }

    private SweepRunner() { }

    public static List<SweepPoint> run(ScenarioValues base, List<SweepAxis> axes, SpecFactory factory,
                                       MigrationBackend backend, boolean compare) {
        return run(base, axes, factory, backend, Settings.once(compare), Listener.NONE);
    }

    public static List<SweepPoint> run(ScenarioValues base, List<SweepAxis> axes, SpecFactory factory,
                                       MigrationBackend backend, Settings settings, Listener listener) {
        List<List<SweepAxis.Value>> grid = grid(axes);
        List<MigrationSpec> specs = specs(base, axes, grid, factory);
        listener.started(migrations(specs, settings));
        List<SweepPoint> points = new ArrayList<>();
        List<SweepPoint> view = Collections.unmodifiableList(points);
        for (int i = 0; i < specs.size(); i++) {
            List<SweepAxis.Value> coordinates = grid.get(i);
            MigrationSpec spec = specs.get(i);
            Supplier<String> where = () -> label(coordinates);
            List<MigrationResult> runs = new ArrayList<>(), pre = new ArrayList<>(), sac = new ArrayList<>();
            for (int k = 0; k < settings.repeat(); k++) {
                int n = k + 1, of = settings.repeat();
                Supplier<String> run = of > 1 ? () -> where.get() + " run " + n + "/" + of : where;
                MigrationResult result = migrate(backend, spec, run, listener);
                runs.add(result);
                if (settings.compare()) {
                    pre.add(same(spec, result, PRECOPY, backend, run, listener));
                    sac.add(same(spec, result, STOP_AND_COPY, backend, run, listener));
                }
            }
            SweepPoint point = new SweepPoint(coordinates, runs, pre, sac, Optional.empty());
            if (settings.simulator().isPresent()) {
                MigrationBackend sim = settings.simulator().get();
                MigrationResult r = sim.migrate(spec);
                point = point.withSimulated(new SweepPoint(coordinates, r,
                        settings.compare() ? Optional.of(same(spec, r, PRECOPY, sim)) : Optional.empty(),
                        settings.compare() ? Optional.of(same(spec, r, STOP_AND_COPY, sim)) : Optional.empty()));
            }
            points.add(point);
            listener.pointDone(view);
        }
        return points;
    }

    /**
     * Every point's spec, first axis outer. Every point's inputs are checked before the first one runs: a bad value
     * at the end of an axis is reported at once, not after the points before it have run.
     */
    public static List<MigrationSpec> specs(ScenarioValues base, List<SweepAxis> axes, SpecFactory factory) {
        return specs(base, axes, grid(axes), factory);
    }

    private static List<MigrationSpec> specs(ScenarioValues base, List<SweepAxis> axes,
                                             List<List<SweepAxis.Value>> grid, SpecFactory factory) {
        List<MigrationSpec> specs = new ArrayList<>(grid.size());
        for (List<SweepAxis.Value> coordinates : grid) specs.add(factory.build(values(base, axes, coordinates)));
        return specs;
    }

    /** How many migrations the backend runs for {@code specs}. */
    public static int migrations(List<MigrationSpec> specs, Settings settings) {
        return specs.stream().mapToInt(s -> settings.migrationsAt(s.algorithm())).sum();
    }

    /** The inputs of the point at {@code coordinates}: the base with each axis's value set. */
    public static ScenarioValues values(ScenarioValues base, List<SweepAxis> axes, List<SweepAxis.Value> coordinates) {
        List<String> keys = new ArrayList<>(axes.size()), texts = new ArrayList<>(axes.size());
        for (int i = 0; i < axes.size(); i++) {
            keys.add(axes.get(i).parameter().key);
            texts.add(coordinates.get(i).text());
        }
        return base.with(keys, texts, ScenarioValues.SWEEP);
    }

    private static MigrationResult migrate(MigrationBackend backend, MigrationSpec spec, Supplier<String> what,
                                           Listener listener) {
        MigrationResult r = backend.migrate(spec);
        listener.migrated(() -> spec.algorithm() + " at " + what.get());
        return r;
    }

    private static MigrationResult same(MigrationSpec spec, MigrationResult result, String algorithm,
                                        MigrationBackend backend, Supplier<String> what, Listener listener) {
        return spec.algorithm().equals(algorithm) ? result
                : migrate(backend, spec.withAlgorithm(algorithm), what, listener);
    }

    private static MigrationResult same(MigrationSpec spec, MigrationResult result, String algorithm,
                                        MigrationBackend backend) {
        return same(spec, result, algorithm, backend, () -> "", Listener.NONE);
    }

    private static String label(List<SweepAxis.Value> coordinates) {
        return String.join(", ", coordinates.stream().map(SweepAxis.Value::label).toList());
    }

    /** The grid's points, first axis outer. */
    private static List<List<SweepAxis.Value>> grid(List<SweepAxis> axes) {
        List<List<SweepAxis.Value>> out = new ArrayList<>();
        grid(axes, 0, new ArrayList<>(), out);
        return out;
    }

    private static void grid(List<SweepAxis> axes, int depth, List<SweepAxis.Value> prefix,
                             List<List<SweepAxis.Value>> out) {
        if (depth == axes.size()) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (SweepAxis.Value v : axes.get(depth).values()) {
            prefix.add(v);
            grid(axes, depth + 1, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }
}
