package io.miglab.cli.command;

import io.miglab.cli.batch.BatchPrediction;
import io.miglab.cli.common.BadInputException;
import io.miglab.cli.common.ExitCodes;
import io.miglab.cli.spec.SpecFactory;
import io.miglab.core.MigrationBackend;
import io.miglab.core.predict.ClosedFormPredictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code miglab predict}: one migration with the closed-form predictor; its assumptions are listed. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Predict one migration with the closed-form model and print its figures and assumptions.",
                "With --batch FILE, one prediction per line of FILE (CSV with a header of flag names, or JSON "
                        + "lines), one CSV row (or JSON line with --json) per input line."})
public final class PredictCommand extends SingleRunCommand {
    @Option(names = "--batch", paramLabel = "FILE", order = -10, description = "Predict every line of FILE: CSV "
            + "whose header names settings by their flag names (memory,dirty-rate,bandwidth), or JSON lines "
            + "({\"memory\": \"4G\", \"dirty-rate\": 20000}); the flags given apply to every line, a line's own "
            + "values override them. Prints CSV rows, or JSON lines with --json.")
    Path batch;

    @Option(names = "--out", paramLabel = "FILE", order = -9, description = "With --batch: write the rows to FILE "
            + "instead of stdout (written only when every line is good).")
    Path out;

    @Override
    MigrationBackend backend() {
        return new ClosedFormPredictor(main.registry());
    }

    @Override
    public Integer call() {
        if (batch == null) {
            if (out != null) throw new BadInputException("out: only with --batch (got '" + out + "')");
            return super.call();
        }
        if (rounds) throw new BadInputException("rounds: not with --batch (the JSON lines hold the rounds)");
        BatchPrediction.Format f = format.json ? BatchPrediction.Format.JSON_LINES : BatchPrediction.Format.CSV;
        try {
            new BatchPrediction(options.values(), new SpecFactory(main.registry()), backend(), f)
                    .run(batch, Optional.ofNullable(out), command.commandLine().getOut());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ExitCodes.OK;
    }
}
