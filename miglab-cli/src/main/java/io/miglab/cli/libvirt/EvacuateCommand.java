package io.miglab.cli.libvirt;

import io.miglab.cli.common.BadInputException;
import io.miglab.cli.common.ExitCodes;
import io.miglab.cli.spec.SpecOptions;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.libvirt.cluster.EvacuationExecutor;
import io.miglab.libvirt.cluster.EvacuationPlan;
import io.miglab.libvirt.cluster.InventoryScenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code miglab cluster evacuate HOST}: the datacenter simulator's evacuation plan for a host of an inventory
 * ({@code --plan}), or that plan carried out through libvirt with the predicted and real figures side by side
 * ({@code --execute}; the migration flags set bandwidth, downtime limit and timeout of each real migration).
 */
@Command(name = "evacuate", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "Plan a host's evacuation with the datacenter simulator (--plan) or carry the plan out "
                + "through libvirt (--execute), printing predicted against real for every VM.")
public final class EvacuateCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "HOST", description = "The host to evacuate, as the inventory names it.")
    String host;

    @Option(names = "--cluster", paramLabel = "FILE", required = true, order = 1,
            description = "The scenario file written by miglab cluster inventory.")
    Path cluster;

    @ArgGroup(multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--plan", required = true, description = "Print the plan only.")
        boolean plan;

        @Option(names = "--execute", required = true, description = "Carry the plan out through libvirt.")
        boolean execute;
    }

    @Option(names = "--concurrency", paramLabel = "N", order = 2,
            description = "Migrations at once, in the plan and the real run. Default: 1")
    int concurrency = 1;

    @Option(names = "--retries", paramLabel = "N", order = 3,
            description = "Attempts after a failed migration before the VM is left on the source. Default: 1")
    int retries = 1;

    @Option(names = "--listen-address", paramLabel = "ADDRESS", order = 4,
            description = "The address the destinations' QEMUs listen on. Default: libvirt's")
    String listenAddress;

    @Mixin
    SpecOptions spec;

    @Override
    public Integer call() throws IOException {
        if (retries < 0 || retries > 10) throw new BadInputException("retries: 0 to 10 (got '" + retries + "')");
        if (!Files.isReadable(cluster)) {
            throw new BadInputException("cluster: a scenario file written by miglab cluster inventory (got '" + cluster
                    + "', not readable)");
        }
        String yaml = Files.readString(cluster);
        MigrationSpec migration = spec.toSpec(AlgorithmRegistry.standard());
        EvacuationPlan plan = EvacuationPlan.of(yaml, host, concurrency);
        PrintWriter out = command.commandLine().getOut();
        out.printf(Locale.ROOT, "evacuation of %s (%s), planned by the datacenter simulator: %d migrations, at most "
                        + "%d at once, predicted %.1f s in all%n", plan.host(), plan.hostUri(), plan.steps().size(),
                plan.concurrency(), plan.predictedTotalSeconds());
        if (!plan.staying().isEmpty()) out.println("staying (no room elsewhere): " + String.join(", ", plan.staying()));
        if (mode.plan) {
            out.println();
            out.println("order  domain  destination  start s  predicted ms  predicted downtime ms");
            for (EvacuationPlan.Step s : plan.steps()) {
                out.printf(Locale.ROOT, "%-5d  %-6s  %-11s  %7.1f  %12.0f  %21.0f%n", s.order(), s.domain(),
                        s.destination(), s.startSeconds(), s.predictedTimeMs(), s.predictedDowntimeMs());
            }
            out.flush();
            return ExitCodes.OK;
        }
        long start = System.nanoTime();
        List<EvacuationExecutor.Outcome> outcomes = new EvacuationExecutor(migration, retries,
                InventoryScenario.persistentDomains(yaml), Optional.ofNullable(listenAddress)).execute(plan);
        double realSeconds = (System.nanoTime() - start) / 1e9;
        out.println();
        out.println("order  domain  destination  predicted ms  real ms  predicted downtime ms  real downtime ms  "
                + "attempts  outcome");
        for (EvacuationExecutor.Outcome o : outcomes) {
            EvacuationPlan.Step s = o.step();
            out.printf(Locale.ROOT, "%-5d  %-6s  %-11s  %12.0f  %7.0f  %21.0f  %16.0f  %8d  %s%n", s.order(),
                    s.domain(), s.destination(), s.predictedTimeMs(), o.result().timing().totalTimeMs(),
                    s.predictedDowntimeMs(), o.result().timing().downtimeMs(), o.attempts(),
                    o.moved() ? "moved" : "left on the source (" + o.result().outcome().stopReason() + ", "
                            + o.sourceState() + " there)");
        }
        long moved = outcomes.stream().filter(EvacuationExecutor.Outcome::moved).count();
        out.printf(Locale.ROOT, "%noverall: %d of %d moved; predicted %.1f s, real %.1f s (wall time, domains "
                + "already defined)%n", moved, outcomes.size(), plan.predictedTotalSeconds(), realSeconds);
        out.flush();
        return moved == outcomes.size() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
