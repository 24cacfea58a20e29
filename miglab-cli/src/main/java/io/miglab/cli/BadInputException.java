package io.miglab.cli;

/**
 * Bad input found by the CLI itself (a scenario file, a trace file, a sweep axis). Its message is one line that
 * names the field or file and what is allowed; {@link Main} prints it and exits with code 2, as for
 * {@link io.miglab.core.error.InvalidSpecException}.
 */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
