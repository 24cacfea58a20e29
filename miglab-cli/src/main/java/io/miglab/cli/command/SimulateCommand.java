package io.miglab.cli.command;

import io.miglab.core.MigrationBackend;
import io.miglab.core.sim.PageLevelSimulator;
import picocli.CommandLine.Command;

/** {@code miglab simulate}: one migration with the page-level simulator. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "Simulate one migration page by page and print its figures.")
public final class SimulateCommand extends SingleRunCommand {
    @Override
    MigrationBackend backend() {
        return new PageLevelSimulator(main.registry());
    }
}
