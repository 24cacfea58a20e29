package io.miglab.qemu.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * What a run with a link leaves when it is stopped from outside: nothing, neither after Ctrl-C (SIGINT: the
 * shutdown hook) nor after SIGKILL (no hook runs: the namespace watchdog), without the next start's sweep.
 */
class NetnsCleanupTest {
    // Guards against Ctrl-C leaving namespaces, their veth, tbf and nftables table, the relay or the watchdog.
    @Test
    void aRunStoppedWithCtrlCLeavesNothing() throws Exception {
        assertNothingLeftAfter(false);
    }

    // Guards against a SIGKILLed run leaving its namespaces until some later start sweeps them.
    @Test
    void aKilledRunLeavesNothing() throws Exception {
        assertNothingLeftAfter(true);
    }

    private static void assertNothingLeftAfter(boolean sigkill) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // env --default-signal: a JVM that inherits SIGINT ignored (started in the background) would not see it
        Process child = new ProcessBuilder(List.of("env", "--default-signal=INT", java.toString(), "-cp",
                System.getProperty("java.class.path"), MakeLinkMain.class.getName())).redirectErrorStream(true)
                .start();
        String[] made = null;
        try {
            made = awaitMade(child);
            String a = made[1], b = made[2];
            List<Long> watchdog = Arrays.stream(made[3].split(",")).map(Long::parseLong).toList();
            assertThat(NetnsLink.miglabNamespaces()).contains(a, b);
            List<Long> relay = HostCommand.run(List.of("ip", "netns", "pids", a)).lines().map(Long::parseLong)
                    .toList();
            assertThat(relay).as("the relay in A").isNotEmpty();
            if (sigkill) {
                child.destroyForcibly();
            } else {
                HostCommand.run(List.of("kill", "-INT", Long.toString(child.pid())));
            }
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(within(() -> !NetnsLink.miglabNamespaces().contains(a)
                    && !NetnsLink.miglabNamespaces().contains(b))).as("namespaces %s %s left", a, b).isTrue();
            assertThat(within(() -> allGone(relay))).as("relay %s left", relay).isTrue();
            assertThat(within(() -> allGone(watchdog))).as("watchdog %s left", watchdog).isTrue();
            assertThat(HostCommand.run(List.of("ip", "-o", "link", "show"))).doesNotContain(NetnsLink.DEVICE_A)
                    .doesNotContain(NetnsLink.DEVICE_B);
            assertThat(HostCommand.run(List.of("nft", "list", "tables"))).doesNotContain("miglab_loss");
        } finally {
            child.destroyForcibly();
            if (made != null) {
                HostCommand.attempt(List.of("ip", "netns", "del", made[1]));
                HostCommand.attempt(List.of("ip", "netns", "del", made[2]));
            }
        }
    }

    private static boolean allGone(List<Long> pids) {
        return pids.stream().noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false));
    }

    /** Whether {@code done} holds within 10 s. */
    private static boolean within(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(100);
        }
        return true;
    }

    private static String[] awaitMade(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("MADE ")) seen.append(line).append('\n');
        assertThat(line).as("child JVM output: %s", seen).startsWith("MADE ");
        return line.split(" ");
    }
}
