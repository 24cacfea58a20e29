package io.miglab.cli.sweep;

import io.miglab.cli.spec.ScenarioValues;
import io.miglab.cli.spec.SpecFactory;
import io.miglab.core.MigrationBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a sweep and writes its table (to the terminal), its CSV and its plots (to a folder). The CSV is written
 * again after every point, so a sweep that fails or is stopped (Ctrl-C) keeps the points it measured; a shutdown
 * hook says how many.
 */
public final class SweepReport {
    /** What was run and where it went. */
    public record Outcome(List<SweepPoint> points, Path csv, List<Path> plots) { }

    private SweepReport() { }

    public static Outcome run(ScenarioValues base, List<SweepAxis> axes, SpecFactory factory, MigrationBackend backend,
                              boolean compare, Path outDir, SweepPlotter.Format format, boolean plots,
                              PrintWriter out) throws IOException {
        return run(base, axes, factory, backend, SweepRunner.Settings.once(compare), outDir, format, plots, out,
                SweepRunner.Listener.NONE);
    }

    public static Outcome run(ScenarioValues base, List<SweepAxis> axes, SpecFactory factory, MigrationBackend backend,
                              SweepRunner.Settings settings, Path outDir, SweepPlotter.Format format, boolean plots,
                              PrintWriter out, SweepRunner.Listener progress) throws IOException {
        boolean algorithmVaried = axes.stream().anyMatch(a -> !a.parameter().numeric());
        SweepRunner.Settings s = new SweepRunner.Settings(settings.compare() && !algorithmVaried, settings.repeat(),
                settings.simulator(), settings.eachPoint());
        // a model sweep checks every point before the folder is made (nothing written on bad input); a real sweep
        // was checked up front (RealSweep.check) and writes its CSV after every point
        if (s.eachPoint()) Files.createDirectories(outDir);
        Path csv = outDir.resolve("sweep.csv");
        Kept kept = new Kept(axes, csv);
        Thread hook = new Thread(kept::stopped, "miglab-sweep-kept");
        if (s.eachPoint()) Runtime.getRuntime().addShutdownHook(hook);
        List<SweepPoint> points;
        try {
            points = SweepRunner.run(base, axes, factory, backend, s, new SweepRunner.Listener() {
                @Override
                public void started(int migrations) {
                    progress.started(migrations);
                }

                @Override
                public void migrated(Supplier<String> what) {
                    progress.migrated(what);
                }

                @Override
                public void pointDone(List<SweepPoint> soFar) {
                    if (s.eachPoint()) kept.write(soFar);
                    progress.pointDone(soFar);
                }
            });
        } finally {
            kept.finished();
            try {
                if (s.eachPoint()) Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs
            }
        }
        SweepTableWriter.write(axes, points, out);
        Files.createDirectories(outDir);
        SweepCsvWriter.write(axes, points, csv);
        List<Path> files = new ArrayList<>();
        if (plots && !points.isEmpty()) {
            PlotContext context = PlotContext.of(factory.build(SweepRunner.values(base, axes,
                    points.get(0).coordinates())), axes);
            files = SweepPlotter.plot(axes, points, context, outDir, format);
        }
        out.println();
        out.println("csv:   " + csv);
        for (Path f : files) out.println("plot:  " + f);
        out.flush();
        return new Outcome(points, csv, files);
    }

    /** The points measured so far, in the CSV; what a stopped sweep leaves. */
    private static final class Kept {
        private final List<SweepAxis> axes;
        private final Path csv;
        private List<SweepPoint> points = List.of();
        private boolean finished;

        Kept(List<SweepAxis> axes, Path csv) {
            this.axes = axes;
            this.csv = csv;
        }

        synchronized void write(List<SweepPoint> soFar) {
            points = List.copyOf(soFar);
            try {
                SweepCsvWriter.write(axes, soFar, csv);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void finished() {
            finished = true;
        }

        /** From the shutdown hook: a sweep stopped before its end says what it kept. */
        synchronized void stopped() {
            if (finished) return;
            System.err.println("miglab: sweep stopped; " + points.size() + " point(s) measured are in " + csv);
            System.err.flush();
        }
    }
}
