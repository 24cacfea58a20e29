package io.miglab.qemu.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One host command (ip, tc, nft) run from an argument list, never through a shell: its output is read whole and
 * a non-zero exit is an error that carries the command and what it printed.
 */
final class HostCommand {
    private static final long TIMEOUT_SECONDS = 20;

    private HostCommand() {
    }

    /** Runs the command and returns its standard output; throws on a non-zero exit. */
    static String run(List<String> argv) {
        Result r = attempt(argv);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed (exit " + r.exitCode() + "): "
                    + r.output().strip());
        }
        return r.output();
    }

    /** Runs the command in network namespace {@code ns} ({@code ip netns exec NS ...}). */
    static String runIn(String ns, List<String> argv) {
        return run(inNamespace(ns, argv));
    }

    /** The argument list that runs {@code argv} inside {@code ns}. */
    static List<String> inNamespace(String ns, List<String> argv) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        all.addAll(argv);
        return all;
    }

    /** Runs the command, whatever its exit: for removals that may find nothing left to remove. */
    static Result attempt(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out + " (timed out)");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", argv), e);
        }
    }

    record Result(int exitCode, String output) { }
}
