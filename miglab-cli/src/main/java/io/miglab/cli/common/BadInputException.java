package io.miglab.cli.common;

/**
 * Bad input found by the CLI itself (a scenario file, a trace file, a sweep axis). Its message is one line that
 * names the field or file and what is allowed; the {@code miglab} command prints it and exits with
 * {@link ExitCodes#BAD_INPUT}, as for {@link io.miglab.core.error.InvalidSpecException}.
 */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
