package io.miglab.qemu.net;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Removes this JVM's namespaces when it dies without running its shutdown hooks (SIGKILL, the OOM killer), as
 * {@code setpriv --pdeathsig} stops its QEMUs: one pipeline started on the first namespace, {@code setsid tac |
 * setsid ip -force -batch -}, whose input is a pipe from this JVM. Each namespace is written to it
 * ({@code netns del NAME}) before it is made; tac passes nothing on until its input closes, which the kernel does
 * when this JVM ends, however it ends; then ip deletes every one (with -force, also past those the JVM removed
 * itself) and both exit. Deleting a namespace deletes the veth end, the qdisc and the nftables table in it.
 * {@code setsid} gives both a session of their own, so a Ctrl-C, which the terminal sends to its whole foreground
 * process group, does not stop them before their turn.
 */
final class NamespaceWatchdog {
    private static OutputStream input;
    private static List<Process> pipeline = List.of();

    private NamespaceWatchdog() {
    }

    /** Has {@code namespace} deleted when this JVM ends (call before making it). */
    static synchronized void guard(String namespace) {
        try {
            if (input == null) start();
            input.write(("netns del " + namespace + "\n").getBytes(StandardCharsets.US_ASCII));
            input.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand namespace " + namespace + " to its watchdog", e);
        }
    }

    /** The watchdog's processes (tac, ip), empty before the first namespace. */
    static synchronized List<Long> pids() {
        return pipeline.stream().map(Process::pid).toList();
    }

    private static void start() throws IOException {
        pipeline = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder("setsid", "tac").redirectError(ProcessBuilder.Redirect.DISCARD),
                new ProcessBuilder("setsid", "ip", "-force", "-batch", "-")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)));
        input = pipeline.get(0).getOutputStream();
    }
}
