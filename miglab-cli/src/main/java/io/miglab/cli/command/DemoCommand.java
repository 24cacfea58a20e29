package io.miglab.cli.command;

import io.miglab.cli.common.ExitCodes;
import io.miglab.cli.common.OutputFolder;
import io.miglab.cli.common.RootCommand;
import io.miglab.cli.output.ComparisonTableWriter;
import io.miglab.cli.spec.ScenarioValues;
import io.miglab.cli.spec.SpecFactory;
import io.miglab.cli.sweep.SweepAxis;
import io.miglab.cli.sweep.SweepAxisParser;
import io.miglab.cli.sweep.SweepPlotter;
import io.miglab.cli.sweep.SweepReport;
import io.miglab.core.MigrationBackend;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code miglab demo}: miglab's main job in a few seconds. A 1 GiB guest dirtying random pages at 0 to 40000
 * pages/s is migrated over 1 Gbit/s with pre-copy (and stop-and-copy beside it); then, at one dirty rate,
 * pre-copy against post-copy, and the simulator against the closed form.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show what miglab does: a dirty-rate sweep of a 1 GiB guest, and pre-copy vs post-copy.")
public final class DemoCommand implements Callable<Integer> {
    static final String DIRTY_RATES = "dirty-rate=0..40000+5000";
    static final String COMPARED_RATE = "15000";

    @ParentCommand
    RootCommand main;

    @Spec
    CommandSpec command;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the CSV and plots. Default: a new folder miglab-demo-<random> in the system's "
                    + "temporary folder (printed)")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = command.commandLine().getOut();
        Path folder = out != null ? OutputFolder.check("out", out)
                : Files.createTempDirectory("miglab-demo-");
        ScenarioValues base = ScenarioValues.empty()
                .with("memory", "1G", "demo").with("bandwidth", "1Gbit/s", "demo")
                .with("write-model", "uniform", "demo").with("dirty-rate", "0", "demo")
                .with("timeout", "60s", "demo");
        SpecFactory factory = new SpecFactory(main.registry());
        o.println("miglab demo: live migration of a 1 GiB guest over a 1 Gbit/s link (about 30500 pages/s), the guest");
        o.println("writing random pages at 0 to 40000 pages/s. Pre-copy with QEMU's policy (converge when the rest");
        o.println("fits 300 ms, cancel after 60 s); stop-and-copy beside it. Page-level simulator.");
        if (out == null) o.println("The CSV and plots go to " + folder + " (--out DIR to choose).");
        o.println();
        List<SweepAxis> axes = List.of(SweepAxisParser.parse(DIRTY_RATES, main.registry()));
        MigrationBackend sim = new PageLevelSimulator(main.registry());
        SweepReport.Outcome outcome = SweepReport.run(base, axes, factory, sim, true, folder, SweepPlotter.Format.PNG,
                true, o);

        MigrationSpec spec = factory.build(base.with("dirty-rate", COMPARED_RATE, "demo"));
        MigrationResult pre = sim.migrate(spec);
        o.println();
        o.println("At " + COMPARED_RATE + " pages/s: pre-copy (A) vs post-copy (B), page-level simulator");
        ComparisonTableWriter.write("precopy", pre, "postcopy", sim.migrate(spec.withAlgorithm("postcopy")), o);
        o.println();
        o.println("At " + COMPARED_RATE + " pages/s, pre-copy: page-level simulator (A) vs closed form (B)");
        ComparisonTableWriter.write("sim", pre, "closed-form", new ClosedFormPredictor(main.registry()).migrate(spec), o);
        o.println();
        o.println("Open the plots above (" + outcome.plots().size() + " PNG files in " + folder + ").");
        o.flush();
        return ExitCodes.OK;
    }
}
