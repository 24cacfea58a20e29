package io.miglab.cli.command;

import io.miglab.cli.backend.Backends;
import io.miglab.core.MigrationBackend;
import picocli.CommandLine.Command;

/** {@code miglab predict}: one migration with the closed-form predictor; its assumptions are listed. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict one migration with the closed-form model and print its figures and assumptions.")
public final class PredictCommand extends SingleRunCommand {
    @Override
    MigrationBackend backend() {
        return Backends.closedForm();
    }
}
