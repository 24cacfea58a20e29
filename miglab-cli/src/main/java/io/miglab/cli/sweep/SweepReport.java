package io.miglab.cli.sweep;

import io.miglab.cli.spec.ScenarioValues;
import io.miglab.cli.spec.SpecFactory;
import io.miglab.core.MigrationBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a sweep and writes its table (to the terminal), its CSV and its plots (to a folder). */
public final class SweepReport {
    /** What was run and where it went. */
    public record Outcome(List<SweepPoint> points, Path csv, List<Path> plots) { }

    private SweepReport() { }

    public static Outcome run(ScenarioValues base, List<SweepAxis> axes, SpecFactory factory, MigrationBackend backend,
                              boolean compare, Path outDir, SweepPlotter.Format format, boolean plots,
                              PrintWriter out) throws IOException {
        boolean algorithmVaried = axes.stream().anyMatch(a -> !a.parameter().numeric());
        List<SweepPoint> points = SweepRunner.run(base, axes, factory, backend, compare && !algorithmVaried);
        SweepTableWriter.write(axes, points, out);
        java.nio.file.Files.createDirectories(outDir);
        Path csv = outDir.resolve("sweep.csv");
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
}
