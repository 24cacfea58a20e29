package io.miglab.cli.command;

import io.miglab.cli.common.ExitCodes;
import io.miglab.cli.common.RootCommand;
import io.miglab.cli.output.TextTable;
import io.miglab.core.algorithm.AlgorithmRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code miglab algorithms}: the registered algorithms, the names {@code --algorithm} accepts. */
@Command(name = "algorithms", mixinStandardHelpOptions = true,
        description = "List the migration algorithms (the names --algorithm accepts).")
public final class AlgorithmsCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand main;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        TextTable t = new TextTable("algorithm", "description", "engines").leftAligned();
        for (AlgorithmRegistry.Entry e : main.registry().entries()) t.row(e.name(), e.description(), e.engines());
        t.print(command.commandLine().getOut());
        return ExitCodes.OK;
    }
}
