package io.miglab.cli.datacenter;

import io.miglab.cli.common.OutputFolder;
import io.miglab.cli.common.RootCommand;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.datacenter.DatacenterSimulation;
import io.miglab.datacenter.ProgressListener;
import io.miglab.datacenter.policy.PolicyRegistry;
import io.miglab.datacenter.report.CsvReporter;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.HtmlReporter;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.ScenarioReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code miglab datacenter --scenario FILE}: runs a datacenter scenario (docs/datacenter.md) and writes its CSV
 * files and one HTML report into {@code --out}. A progress bar on stderr follows the simulated time.
 */
@Command(name = "datacenter", mixinStandardHelpOptions = true,
        description = "Simulate a datacenter scenario (hosts, VMs, policies, shared links) and write its reports.")
public final class DatacenterCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand main;

    @Spec
    CommandSpec command;

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "Scenario YAML file.")
    Path scenario;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for migrations.csv, datacenter.csv, ..., report.html. Default: datacenter-<name> "
                    + "in the current folder")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = command.commandLine().getOut();
        if (!Files.isReadable(scenario)) {
            throw new InvalidSpecException("--scenario", "a readable YAML file", scenario.toString());
        }
        Scenario s = ScenarioReader.read(scenario);
        if (seed != null) {
            s = new Scenario(s.name(), seed, s.durationSeconds(), s.intervalSeconds(), s.profile(), s.policy(),
                    s.network(), s.racks(), s.vms(), s.maintenance(), s.initialPlacement(), s.hostSeriesLimit());
        }
        // built and placed before anything is printed: a scenario refused there leaves no output behind
        DatacenterSimulation simulation = DatacenterSimulation.prepare(s, PolicyRegistry.standard(), main.registry());
        Path folder = OutputFolder.check("out", out != null ? out : Path.of("datacenter-" + s.name()));
        o.printf(Locale.ROOT, "%s: %,d hosts, %,d VMs, %.1f h, profile %s, policy %s, seed %d%n", s.name(),
                s.hostCount(), s.vmCount(), s.durationSeconds() / 3600, s.profile().name(), s.policy().name(),
                s.seed());
        o.flush();
        DatacenterReport r;
        if (noProgress) {
            r = simulation.execute(ProgressListener.NONE);
        } else {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("simulating")
                    .setInitialMax(Math.round(s.durationSeconds())).setUnit(" s", 1)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build()) {
                r = simulation.execute((sim, total, events, migrations) -> {
                    bar.stepTo(Math.round(sim));
                    bar.setExtraMessage(String.format(Locale.ROOT, "%,d migrations", migrations));
                });
            }
        }
        CsvReporter.write(r, folder);
        HtmlReporter.write(r, folder.resolve("report.html"));
        for (String[] kv : CsvReporter.summary(r)) o.printf(Locale.ROOT, "  %-26s %s%n", kv[0], kv[1]);
        o.println("wrote " + folder.resolve("report.html") + " and the CSV files beside it");
        return 0;
    }
}
