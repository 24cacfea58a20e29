package io.miglab.cli.calibrate;

import io.miglab.cli.common.BadInputException;
import io.miglab.cli.common.ExitCodes;
import io.miglab.cli.common.QemuLaunchers;
import io.miglab.cli.common.RootCommand;
import io.miglab.cli.spec.QemuGuestOptions;
import io.miglab.cli.spec.ScenarioValues;
import io.miglab.cli.spec.SpecFactory;
import io.miglab.cli.spec.SpecOptions;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.DataRate;
import io.miglab.qemu.calibrate.CalibrationGrid;
import io.miglab.qemu.calibrate.CalibrationRun;
import io.miglab.qemu.calibrate.ProfileFit;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.migrate.QemuBackend;
import io.miglab.qemu.migrate.QemuMigrationPlan;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code miglab calibrate}: a small grid of real QEMU migrations of a guest (miglab's, idle and with the spec's
 * workload, or a user's own) at a few bandwidths, the simulator's guest and hypervisor fitted to them
 * ({@link ProfileFit}), written as a profile file that {@code simulate --profile FILE} reads.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Fit the simulator to a guest: run a small grid of real migrations between two QEMUs on this "
                + "host (miglab's guest idle and with its --write-model sweep workload, or your own guest with "
                + "--guest-kernel/--guest-disk, at each of --bandwidths), fit the used memory, the write pattern "
                + "and rate, the switch-over rate, the fixed costs and the host's costs per zero page (from the idle "
                + "runs' time, and an idle post-copy run's), and write a profile for "
                + "'simulate --profile FILE'. Each run boots a fresh pair of QEMUs (a few seconds each under TCG)."})
public final class CalibrateCommand implements Callable<Integer> {
    /** The guest's memory layout in the profile: QEMU's guests here run Linux (kernel low, used pages above). */
    static final String LAYOUT = "linux";

    @ParentCommand
    RootCommand main;

    @Spec
    CommandSpec command;

    @Mixin
    SpecOptions options;

    @Mixin
    QemuGuestOptions guest;

    @Option(names = "--bandwidths", paramLabel = "RATE,RATE", split = ",", order = 100,
            description = "QEMU max-bandwidth of the grid's runs, 1 to 4 rates. Default: 100MiB/s,40MiB/s")
    List<String> bandwidths = List.of("100MiB/s", "40MiB/s");

    @Option(names = "--out", paramLabel = "FILE", required = true, order = 101,
            description = "Where to write the profile (YAML); its folder must exist.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", order = 102,
            description = "The profile's name in the file. Default: calibrated")
    String name = "calibrated";

    @Override
    public Integer call() {
        if (bandwidths.isEmpty() || bandwidths.size() > 4) {
            throw new BadInputException("bandwidths: 1 to 4 rates (got " + bandwidths.size() + ")");
        }
        List<DataRate> rates = new ArrayList<>();
        for (String b : bandwidths) rates.add(DataRate.parse("bandwidths", b.trim()));
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder) || Files.isDirectory(out)) {
            throw new BadInputException("out: a file in an existing folder (got '" + out + "')");
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new BadInputException("name: letters, digits, '.', '_' and '-' (got '" + name + "')");
        }
        MigrationSpec spec = options.toSpec(main.registry());
        if (!spec.algorithm().equals("precopy")) {
            // the grid's own post-copy run is the one post-copy it fits; the rest are pre-copy by design
            throw new BadInputException("algorithm: precopy, the calibration grid's runs (got '" + spec.algorithm()
                    + "')");
        }
        QemuRunOptions runOptions = QemuRunOptions.defaults().withUserGuest(guest.userGuest(spec).orElse(null))
                .withReadyTimeout(guest.readyTimeout());
        QemuMigrationPlan.of(spec, runOptions); // the guest's limits, checked before anything starts
        PrintWriter err = command.commandLine().getErr();
        Optional<QemuLauncher> found = QemuLaunchers.local(err);
        if (found.isEmpty()) return ExitCodes.FAILURE;
        QemuLauncher launcher = found.get();
        CalibrationGrid grid = new CalibrationGrid(new QemuBackend(() -> launcher, runOptions), runOptions);
        Consumer<String> progress = label -> {
            err.println("calibrate: running " + label);
            err.flush();
        };
        List<CalibrationRun> runs = new ArrayList<>(grid.run(spec, rates, progress));
        grid.postCopy(spec, rates.get(0), progress).ifPresent(runs::add);
        ProfileFit fit = ProfileFit.of(runs, spec.memory().size());
        String guestName = runOptions.userGuest().isPresent() ? "your guest" : "miglab's guest";
        Map<HostCostFit, Duration> costs = new LinkedHashMap<>();
        Path draft = null;
        try {
            // a draft (createTempFile: private to the user) with the costs fitted so far, each next one fitted by
            // simulating its runs with it; only the finished profile goes to --out
            draft = Files.createTempFile("miglab-calibrate-", ".yaml");
            Path profile = draft;
            PageLevelSimulator simulator = new PageLevelSimulator(main.registry());
            for (HostCostFit cost : HostCostFit.ALL) {
                Files.writeString(draft, ProfileYaml.write(name, fit, runs, guestName, launcher, costs));
                // one factory for a cost's trials: it rebuilds only the parts whose inputs changed (the cost); a
                // new one per cost, as it keeps the draft it read by its name and the draft has changed
                SpecFactory factory = new SpecFactory(main.registry());
                costs.put(cost, cost.fit(idleRuns(runs, cost), (r, c) -> simulator.migrate(factory.build(
                        trialValues(profile, r, cost, c, spec.memory().pages()))).timing().totalTimeMs()));
            }
            Files.writeString(out, ProfileYaml.write(name, fit, runs, guestName, launcher, costs));
        } catch (IOException e) {
            err.println("miglab: cannot write " + out + ": " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        } finally {
            deleteQuietly(draft);
        }
        PrintWriter o = command.commandLine().getOut();
        ProfileYaml.summary(fit, runs, o);
        costs.forEach((cost, value) -> o.println(cost.setting() + " " + HostCostFit.text(value) + " (fitted to the "
                + cost.runsText() + " time; the qemu profile's is " + HostCostFit.text(cost.floor()) + ")"));
        o.println("profile written to " + out + "; use it with: miglab simulate --profile " + out
                + " --bandwidth-cap RATE");
        o.flush();
        return ExitCodes.OK;
    }

    /** The completed runs of miglab's guest idle that {@code cost} is fitted to: pre-copy's, or post-copy's. */
    private static List<HostCostFit.IdleRun> idleRuns(List<CalibrationRun> runs, HostCostFit cost) {
        return runs.stream().filter(r -> r.kind() == cost.runs() && r.run().result().outcome().completed())
                .map(r -> new HostCostFit.IdleRun(r.bandwidth(), r.run().result().timing().totalTimeMs(),
                        r.run().result().traffic().zeroPages()))
                .toList();
    }

    /**
     * What {@code simulate --profile PROFILE} is given for an idle run: its cap, no writes, its own zero pages (the
     * profile holds the workload's), {@code cost} at {@code value} and what simulates its runs.
     */
    private static ScenarioValues trialValues(Path profile, HostCostFit.IdleRun run, HostCostFit cost,
                                              Duration value, long memoryPages) {
        double zeroShare = Math.min(1, run.zeroPages() / (double) memoryPages);
        Map<String, String> values = new LinkedHashMap<>(Map.of("profile", profile.toString(), "bandwidth-cap",
                Math.round(run.bandwidth().bytesPerSecond()) + "B/s", "write-model", "none", "zero-pages",
                Double.toString(zeroShare), cost.setting(), HostCostFit.text(value)));
        values.putAll(cost.trial());
        return ScenarioValues.of(values, "calibrate");
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a draft left in the temp folder is harmless; the profile itself was written or reported
        }
    }
}
