package io.miglab.cli.command;

import io.miglab.cli.backend.Backends;
import io.miglab.cli.common.BadInputException;
import io.miglab.cli.common.ExitCodes;
import io.miglab.cli.common.QemuLaunchers;
import io.miglab.cli.common.OutputFolder;
import io.miglab.cli.common.RootCommand;
import io.miglab.cli.spec.SpecFactory;
import io.miglab.cli.spec.SpecOptions;
import io.miglab.cli.spec.Values;
import io.miglab.cli.sweep.SweepAxis;
import io.miglab.cli.sweep.SweepAxisParser;
import io.miglab.cli.sweep.SweepPlotter;
import io.miglab.cli.sweep.RealSweep;
import io.miglab.cli.sweep.SweepProgress;
import io.miglab.cli.sweep.SweepReport;
import io.miglab.cli.sweep.SweepRunner;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.migrate.QemuBackend;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code miglab sweep}: vary one or two parameters, write a CSV and the plots of the classic experiments. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Run a migration for every value of one or two parameters; print a table, write a CSV "
                + "and plots (total time, data transferred, downtime, pre-copy vs stop-and-copy).",
                "Example: miglab sweep --vary dirty-rate=0..40000+5000 --memory 1G --out sweep-out"})
public final class SweepCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand main;

    @Spec
    CommandSpec command;

    @Option(names = "--vary", paramLabel = "NAME=VALUES", required = true, order = -10,
            description = {"Parameter to vary: bandwidth, memory, dirty-rate, working-set, downtime-limit, "
                    + "algorithm or writer-phase; VALUES a list (bandwidth=10M,50M,100M), FROM..TO+STEP "
                    + "(dirty-rate=0..50000+5000) or FROM..TO*FACTOR (memory=256M..4G*2). Twice for a grid."})
    List<String> vary = new ArrayList<>();

    @Option(names = "--backend", paramLabel = "sim|closed-form|qemu", order = -9,
            description = "Page-level simulator, closed-form predictor, or real migrations between two QEMUs on this "
                    + "host (a fresh pair for every run; needs scripts/setup-qemu.sh). Default: sim")
    String backend = Backends.SIM;

    @Option(names = "--repeat", paramLabel = "N", order = -9,
            description = "qemu: runs per point and algorithm; the table and CSV give the median and the smallest "
                    + "and largest, the plots a bar from one to the other. 1 to 20. Default: 1")
    int repeat = 1;

    @Option(names = "--compare", order = -9,
            description = "qemu: also run the simulator on the same inputs (the qemu hypervisor profile with the "
                    + "guest's measured footprint) and draw its curve over the real points.")
    boolean compareSimulator;

    @Option(names = "--out", paramLabel = "DIR", order = -8,
            description = "Folder for sweep.csv and the plots. Default: miglab-sweep in the current folder")
    Path out = Path.of("miglab-sweep");

    @Option(names = "--plot-format", paramLabel = "png|svg", order = -7, description = "Default: png")
    String plotFormat = "png";

    @Option(names = "--no-plots", order = -6, description = "Write the CSV only.")
    boolean noPlots;

    @Option(names = "--no-compare", order = -5,
            description = "Do not also run pre-copy and stop-and-copy at each point (no comparison plot).")
    boolean noCompare;

    @Mixin
    SpecOptions options;

    @Override
    public Integer call() throws Exception {
        OutputFolder.check("out", out);
        if (vary.size() > 2) {
            throw new BadInputException("vary: at most two parameters (a grid) (got " + vary.size() + ")");
        }
        List<SweepAxis> axes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String v : vary) {
            SweepAxis axis = SweepAxisParser.parse(v, main.registry());
            if (!seen.add(axis.parameter().key)) {
                throw new BadInputException("vary: each parameter once (got " + axis.parameter().key + " twice)");
            }
            axes.add(axis);
        }
        List<String> names = new ArrayList<>(Backends.NAMES);
        names.add(QemuBackend.NAME);
        String b = Values.choice("backend", backend, names.toArray(String[]::new));
        SweepPlotter.Format format = SweepPlotter.Format.valueOf(
                Values.choice("plot-format", plotFormat, "png", "svg").toUpperCase(Locale.ROOT));
        PrintWriter o = command.commandLine().getOut();
        SpecFactory factory = new SpecFactory(main.registry());
        if (b.equals(QemuBackend.NAME)) return real(axes, factory, format, o);
        if (repeat != 1) throw new BadInputException("repeat: 1 for --backend " + b + " (a model gives the same "
                + "result every time; repetitions are for qemu) (got " + repeat + ")");
        if (compareSimulator) throw new BadInputException("compare: only with --backend qemu (it draws the "
                + "simulator over real points) (got --backend " + b + ")");
        SweepReport.run(options.values(), axes, factory, Backends.create(b, main.registry()), !noCompare, out, format,
                !noPlots, o);
        return ExitCodes.OK;
    }

    /** Real migrations: every input checked before the first guest boots, a progress bar, the CSV point by point. */
    private Integer real(List<SweepAxis> axes, SpecFactory factory, SweepPlotter.Format format, PrintWriter o)
            throws Exception {
        if (repeat < 1 || repeat > 20) throw new BadInputException("repeat: 1 to 20 runs per point (got " + repeat + ")");
        boolean algorithmVaried = axes.stream().anyMatch(a -> !a.parameter().numeric());
        SweepRunner.Settings settings = new SweepRunner.Settings(!noCompare && !algorithmVaried, repeat,
                compareSimulator ? RealSweep.simulator(main.registry()) : Optional.empty(), true);
        RealSweep.check(SweepRunner.specs(options.values(), axes, factory), settings, RealSweep.availableMemory());
        Optional<QemuLauncher> found = QemuLaunchers.local(command.commandLine().getErr());
        if (found.isEmpty()) return ExitCodes.FAILURE;
        QemuLauncher launcher = found.get();
        SweepProgress progress = new SweepProgress();
        try {
            // many boots in a row on a loaded machine: each guest may take up to 3 min to be ready
            QemuRunOptions run = QemuRunOptions.defaults().withReadyTimeout(Duration.ofMinutes(3));
            SweepReport.run(options.values(), axes, factory, new QemuBackend(() -> launcher, run), settings, out,
                    format, !noPlots, o, progress);
        } finally {
            progress.close();
        }
        return ExitCodes.OK;
    }
}
