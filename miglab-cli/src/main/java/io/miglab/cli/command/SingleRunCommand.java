package io.miglab.cli.command;

import io.miglab.cli.common.BadInputException;
import io.miglab.cli.common.ExitCodes;
import io.miglab.cli.common.RootCommand;
import io.miglab.cli.output.ComparisonTableWriter;
import io.miglab.cli.output.ResultCsvWriter;
import io.miglab.cli.output.ResultJsonWriter;
import io.miglab.cli.output.ResultTableWriter;
import io.miglab.cli.output.SpecSummary;
import io.miglab.cli.output.StageWriter;
import io.miglab.cli.spec.SpecOptions;
import io.miglab.core.MigrationBackend;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.sim.WriterPhases;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.Decimals;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** One migration through one backend, printed as a table (default), JSON or CSV. */
abstract class SingleRunCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand main;

    @Spec
    CommandSpec command;

    @Mixin
    SpecOptions options;

    static final class Format {
        @Option(names = "--json", description = "Print the result as JSON (field names as in docs/cli.md).")
        boolean json;
        @Option(names = "--csv", description = "Print the result as one CSV row under a header.")
        boolean csv;
    }

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Option(names = "--compare-plain", description = "With --nas: also run plain pre-copy on the same inputs and "
            + "print both side by side (table output only).")
    boolean comparePlain;

    @Option(names = "--rounds", description = "Also print the per-round table (table output only; JSON always has it).")
    boolean rounds;

    @Option(names = "--stages", description = "Print the stage table after the figures (with --csv: the stage rows "
            + "as CSV instead of the result row; JSON always has the stages).")
    boolean stages;

    abstract MigrationBackend backend();

    private static String seconds(MigrationResult r) {
        return Decimals.fixed(r.timing().totalTimeMs() / 1000, 2);
    }

    @Override
    public Integer call() {
        if (stages && format.json) {
            throw new BadInputException("stages: only with the table or CSV output (the JSON always holds the stages)");
        }
        if (rounds && (format.json || format.csv)) {
            throw new BadInputException("rounds: only with the table output (the JSON always holds the rounds)");
        }
        if (comparePlain && (format.json || format.csv || rounds)) {
            throw new BadInputException("compare-plain: only with the table output (not with --json, --csv, --rounds)");
        }
        MigrationSpec spec = options.toSpec(main.registry());
        if (comparePlain && spec.nas().isEmpty()) throw new BadInputException("compare-plain: only with --nas");
        MigrationBackend backend = backend();
        // a sweep whose starting point is not known: the page-level simulator's median run, and the spread beside it
        List<MigrationResult> phases = spec.writeModel().phaseUnknown() && backend instanceof PageLevelSimulator sim
                ? WriterPhases.runs(spec, sim::migrate) : List.of();
        MigrationResult result = phases.isEmpty() ? backend.migrate(spec) : WriterPhases.median(phases);
        PrintWriter out = command.commandLine().getOut();
        if (comparePlain) {
            out.println(SpecSummary.of(spec));
            out.println();
            ComparisonTableWriter.write(Metrics.STANDARD, "plain pre-copy",
                    backend().migrate(spec.withNas(Optional.empty())), "NAS-assisted", result, true, out);
        } else if (format.json) {
            ResultJsonWriter.write(result, out);
        } else if (format.csv && stages) {
            StageWriter.writeCsv(result, out);
        } else if (format.csv) {
            ResultCsvWriter.write(result, out, true);
        } else {
            out.println(SpecSummary.of(spec));
            if (!phases.isEmpty()) {
                out.println("the writer's starting point is not known: the median of " + phases.size() + " runs "
                        + "shown, their total time " + seconds(phases.get(0)) + " to "
                        + seconds(phases.get(phases.size() - 1)) + " s");
            }
            out.println();
            ResultTableWriter.write(result, out);
            if (rounds) {
                out.println();
                ResultTableWriter.writeRounds(result, out);
            }
            if (stages) {
                out.println();
                StageWriter.writeTable(result, out);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
