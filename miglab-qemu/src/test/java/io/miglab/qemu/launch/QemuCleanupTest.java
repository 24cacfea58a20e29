package io.miglab.qemu.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.unit.ByteSize;
import io.miglab.qemu.testing.RealQemu;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every QEMU miglab starts is stopped on every path, and its sockets are private. */
@Tag("qemu")
class QemuCleanupTest {

    // Guards against world-reachable QMP sockets (anyone could drive the VM) and against a close() that leaves QEMU.
    @Test
    void socketsArePrivateAndCloseStopsQemu() throws Exception {
        QemuLauncher launcher = RealQemu.launcher();
        String name = "miglab-" + UUID.randomUUID() + "-src";
        Path socket;
        long pid;
        try (PrivateDir dir = PrivateDir.create("miglab-test-");
             QemuProcess qemu = launcher.launch(GuestConfig.idle(ByteSize.ofMiB(128)), name,
                     QemuLauncher.Mode.BOOT, dir)) {
            socket = QemuLauncher.qmpSocket(dir, name);
            pid = qemu.pid();
            assertThat(posix(dir.path())).isEqualTo("rwx------");
            assertThat(posix(socket)).isEqualTo("rw-------");
            assertThat(posix(QemuLauncher.serialSocket(dir, name))).isEqualTo("rw-------");
            assertThat(qemu.runState()).isEqualTo("running");
            assertThat(QemuReaper.live()).contains(qemu);
            assertThat(RealQemu.processesWith(name)).containsExactly(pid);
        }
        assertThat(RealQemu.processesWith(name)).isEmpty();
        assertThat(Files.exists(socket)).isFalse();
    }

    // Guards against QEMUs left behind when the user presses Ctrl-C or the JVM is terminated (shutdown hook).
    @Test
    void qemuDiesWhenItsJvmIsTerminated() throws Exception {
        assertQemuGoneAfterChildJvmKilled(false);
    }

    // Guards against QEMUs left behind when the JVM is SIGKILLed and runs no hook (setpriv --pdeathsig).
    @Test
    void qemuDiesWhenItsJvmIsKilled() throws Exception {
        assertQemuGoneAfterChildJvmKilled(true);
    }

    private static void assertQemuGoneAfterChildJvmKilled(boolean sigkill) throws Exception {
        RealQemu.installation();
        String uuid = UUID.randomUUID().toString();
        String name = "miglab-" + uuid + "-child";
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // SIGTERM: without setpriv, so only the shutdown hook can stop QEMU; SIGKILL: no hook runs, setpriv must
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dmiglab.guest.dir=" + RealQemu.installation().guestDir(),
                "-D" + QemuLauncher.PDEATHSIG_PROPERTY + "=" + sigkill, LaunchAndWaitMain.class.getName(), uuid))
                .redirectErrorStream(true).start();
        Path privateDir = null;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.startsWith("LAUNCHED")) seen.append(line).append('\n');
            assertThat(line).as("child JVM output: %s", seen).startsWith("LAUNCHED");
            String[] launched = line.split(" ");
            long qemuPid = Long.parseLong(launched[1]);
            privateDir = Path.of(launched[2]);
            assertThat(RealQemu.processesWith(name)).containsExactly(qemuPid);
            if (sigkill) child.destroyForcibly();
            else child.destroy(); // SIGTERM
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(waitUntilGone(name, Duration.ofSeconds(10))).as("QEMU processes left").isEmpty();
            // the shutdown hook also deletes the private folder; after SIGKILL nothing can
            if (!sigkill) assertThat(Files.exists(privateDir)).as("private folder left").isFalse();
        } finally {
            child.destroyForcibly();
            for (long pid : RealQemu.processesWith(name)) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            if (privateDir != null) deleteTree(privateDir);
        }
    }

    private static List<Long> waitUntilGone(String marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> left = RealQemu.processesWith(marker);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = RealQemu.processesWith(marker);
        }
        return left;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String posix(Path p) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
