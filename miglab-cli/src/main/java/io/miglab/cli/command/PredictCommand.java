package io.miglab.cli.command;

import io.miglab.core.MigrationBackend;
import io.miglab.core.predict.ClosedFormPredictor;
import picocli.CommandLine.Command;

/** {@code miglab predict}: one migration with the closed-form predictor; its assumptions are listed. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = "Predict one migration with the closed-form model and print its figures and assumptions.")
public final class PredictCommand extends SingleRunCommand {
    @Override
    MigrationBackend backend() {
        return new ClosedFormPredictor(main.registry());
    }
}
