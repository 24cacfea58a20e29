package io.miglab.cli;

import io.miglab.cli.common.BadInputException;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.qemu.qmp.QmpException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns every failure into miglab's exit codes; bad input is one line on stderr, {@code miglab: <what>}. */
final class ErrorHandler {
    private ErrorHandler() { }

    static int parameterError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String first = e.getMessage() == null ? "bad command line" : e.getMessage().lines().findFirst().orElse("");
        cl.getErr().println("miglab: " + first + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        cl.getErr().flush();
        return Main.BAD_INPUT;
    }

    static int executionError(Exception e, CommandLine cl, ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (e instanceof InvalidSpecException || e instanceof BadInputException) {
            err.println("miglab: " + e.getMessage());
            err.flush();
            return Main.BAD_INPUT;
        }
        if (e instanceof QmpException) {
            // QEMU went away or refused: a fact about the run, not a bug of miglab's, so no stack trace
            err.println("miglab: " + cl.getCommandName() + " failed: " + e.getMessage());
            err.flush();
            return Main.FAILURE;
        }
        err.println("miglab: unexpected failure: " + e);
        e.printStackTrace(err);
        err.flush();
        return Main.FAILURE;
    }
}
