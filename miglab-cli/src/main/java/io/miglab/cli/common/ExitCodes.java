package io.miglab.cli.common;

/** The {@code miglab} command's exit codes, shared by every subcommand. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Anything unexpected (the stack trace goes to stderr). */
    public static final int FAILURE = 1;
    /** Bad input: one line on stderr naming the field and what is allowed. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() { }
}
