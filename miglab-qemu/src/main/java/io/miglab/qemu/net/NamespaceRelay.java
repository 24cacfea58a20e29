package io.miglab.qemu.net;

import io.miglab.qemu.launch.ParentDeathSpawner;
import io.miglab.qemu.link.LatencyRelay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@link LatencyRelay} run inside a network namespace: a child JVM started with {@code ip netns exec A} (and
 * {@code setpriv --pdeathsig KILL}, so it dies with this JVM) listens on A's loopback and forwards to B across the
 * rate-limited veth, so the delay is on the namespace path. It prints its port and runs until its standard input
 * closes.
 */
public final class NamespaceRelay implements AutoCloseable {
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final String PORT_LINE = "RELAY PORT ";
    private final Process process;
    private final int port;

    private NamespaceRelay(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static NamespaceRelay start(String namespace, String targetHost, int targetPort, long roundTripMs,
                                int inFlightBytes) {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) cmd.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
        cmd.addAll(List.of("ip", "netns", "exec", namespace,
                ProcessHandle.current().info().command().orElse("java"), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), NamespaceRelay.class.getName(), targetHost,
                Integer.toString(targetPort), Long.toString(roundTripMs), Integer.toString(inFlightBytes)));
        Process p;
        try {
            // the parent-death signal must not follow the (possibly short-lived) calling thread
            p = ParentDeathSpawner.start(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD),
                    "the relay in " + namespace);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the relay in " + namespace, e);
        }
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith(PORT_LINE)) {
                throw new IllegalStateException("the relay in " + namespace + " did not start: " + line);
            }
            return new NamespaceRelay(p, Integer.parseInt(line.substring(PORT_LINE.length()).strip()));
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw new IllegalStateException("the relay in " + namespace + " did not start: " + e.getMessage(), e);
        }
    }

    /** The port on A's 127.0.0.1 that reaches B through the delay. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code NamespaceRelay HOST PORT ROUND_TRIP_MS IN_FLIGHT_BYTES}: relays 127.0.0.1:(printed port) to HOST:PORT. */
    public static void main(String[] args) throws IOException {
        try (LatencyRelay relay = LatencyRelay.start(new InetSocketAddress(args[0], Integer.parseInt(args[1])),
                Duration.ofMillis(Long.parseLong(args[2])), Integer.parseInt(args[3]))) {
            System.out.println(PORT_LINE + relay.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes our standard input or dies
            }
        }
    }
}
