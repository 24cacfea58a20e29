package io.miglab.cli;

import io.miglab.core.algorithm.AlgorithmRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@link Main} in-process with captured stdout and stderr. */
public final class Cli {
    public record Run(int exitCode, String out, String err) {
        /** The lines of stderr. */
        public java.util.List<String> errLines() {
            return err.lines().toList();
        }
    }

    private Cli() { }

    public static Run run(String... args) {
        return run(AlgorithmRegistry.standard(), args);
    }

    public static Run run(AlgorithmRegistry registry, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = new Main(registry).run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}
