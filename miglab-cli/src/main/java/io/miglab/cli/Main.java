package io.miglab.cli;

import io.miglab.cli.command.AlgorithmsCommand;
import io.miglab.cli.command.DemoCommand;
import io.miglab.cli.command.PredictCommand;
import io.miglab.cli.command.SimulateCommand;
import io.miglab.cli.command.SweepCommand;
import io.miglab.cli.common.ExitCodes;
import io.miglab.cli.common.RootCommand;
import io.miglab.core.algorithm.AlgorithmRegistry;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code miglab} command. Subcommands reach the shared state (the algorithm registry) through
 * {@code @ParentCommand RootCommand main}, and return {@link ExitCodes}: {@value #OK} success, {@value #BAD_INPUT}
 * bad input (printed as one line naming the field), {@value #FAILURE} anything unexpected.
 */
@Command(name = "miglab", mixinStandardHelpOptions = true, version = "miglab 0.1.0",
        description = "Live migration of virtual machines: simulate, predict and sweep migrations.",
        subcommands = {
                // One line per command, in the order the help lists them. Add yours here.
                SimulateCommand.class,
                PredictCommand.class,
                SweepCommand.class,
                AlgorithmsCommand.class,
                DemoCommand.class,
                io.miglab.cli.datacenter.DatacenterCommand.class,
                io.miglab.cli.migrate.MigrateCommand.class,
                io.miglab.cli.netlab.NetlabCommand.class,
                io.miglab.cli.calibrate.CalibrateCommand.class,
                io.miglab.cli.libvirt.ClusterCommand.class,
                io.miglab.cli.bench.BenchCommand.class,
                io.miglab.cli.bench.ReportCommand.class,
                io.miglab.cli.hostcost.HostCostCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main implements Callable<Integer>, RootCommand {
    public static final int OK = ExitCodes.OK;
    public static final int FAILURE = ExitCodes.FAILURE;
    public static final int BAD_INPUT = ExitCodes.BAD_INPUT;

    private final AlgorithmRegistry registry;

    @Spec
    CommandSpec spec;

    public Main() {
        this(AlgorithmRegistry.standard());
    }

    /** A miglab whose commands offer the algorithms of {@code registry} (tests register their own). */
    public Main(AlgorithmRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public AlgorithmRegistry registry() {
        return registry;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new Main().run(args));
    }

    public int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs one command line with its output going to {@code out} and {@code err}; returns the exit code. */
    public int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command tree, with miglab's error handling and the registry's names in the help. */
    public CommandLine commandLine() {
        CommandLine cl = new CommandLine(this);
        cl.setResourceBundle(DynamicHelp.bundle(registry));
        cl.setUsageHelpWidth(100);
        cl.setParameterExceptionHandler(ErrorHandler::parameterError);
        cl.setExecutionExceptionHandler(ErrorHandler::executionError);
        return cl;
    }

    /** {@code miglab} without a command: the usage, and bad input. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }
}
