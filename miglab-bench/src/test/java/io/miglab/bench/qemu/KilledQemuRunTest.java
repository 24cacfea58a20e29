package io.miglab.bench.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunRecord;
import io.miglab.bench.store.RunStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real-QEMU benchmark process killed while its guest runs: no QEMU may outlive it, the store stays sound. */
@Tag("qemu")
class KilledQemuRunTest {
    @TempDir
    Path dir;

    // SIGTERM / Ctrl-C: the hook cancels, QEMUs are stopped, the baseline already measured is stored as incomplete.
    @Test
    void sigtermStopsEveryQemuAndStoresTheRunAsIncomplete() throws Exception {
        RealQemu.require();
        Path db = dir.resolve("q.db");
        Process child = start(db);
        List<ProcessHandle> qemus = waitForStepWithQemus(child, 1);
        child.destroy();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertAllGone(qemus);
        try (ResultsStore store = ResultsStore.open(db.toString())) {
            RunRecord r = store.loadRun(store.listRuns().get(0).id()).orElseThrow();
            assertThat(r.info().status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(r.info().note()).startsWith("cancelled");
            assertThat(r.baselines()).hasSize(1);
        }
    }

    // SIGKILL: no hook runs; the kernel's parent-death signal must take the QEMUs down, and the store marks the run
    // incomplete at its next open.
    @Test
    void sigkillLeavesNoQemuAndTheRunIsMarkedIncompleteLater() throws Exception {
        RealQemu.require();
        Path db = dir.resolve("k.db");
        Process child = start(db);
        List<ProcessHandle> qemus = waitForStepWithQemus(child, 1);
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertAllGone(qemus);
        try (ResultsStore store = ResultsStore.open(db.toString())) {
            RunRecord r = store.loadRun(store.listRuns().get(0).id()).orElseThrow();
            assertThat(r.info().status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(r.measurements()).isEmpty();
        }
    }

    private Process start(Path db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ChildQemuBenchMain.class.getName(), db.toString()).redirectError(dir.resolve("child.err").toFile())
                .start();
    }

    /** Waits for step {@code n}, then until the child runs a QEMU; returns the child's QEMU processes. */
    private List<ProcessHandle> waitForStepWithQemus(Process child, int n) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("STEP ") && Integer.parseInt(line.substring(5)) >= n) break;
        }
        if (line == null) throw new AssertionError("child ended early: " + Files.readString(dir.resolve("child.err")));
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) { }
            } catch (Exception ignored) {
                // the child is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> q = child.descendants().filter(KilledQemuRunTest::isQemu).toList();
            if (!q.isEmpty()) {
                Thread.sleep(1000); // let the guest boot a little
                return child.descendants().filter(KilledQemuRunTest::isQemu).toList();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child started no QEMU");
    }

    private static boolean isQemu(ProcessHandle p) {
        return p.info().command().map(c -> c.contains("qemu-system")).orElse(false);
    }

    private static void assertAllGone(List<ProcessHandle> qemus) throws InterruptedException {
        assertThat(qemus).isNotEmpty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && qemus.stream().anyMatch(ProcessHandle::isAlive)) Thread.sleep(100);
        assertThat(qemus).noneMatch(ProcessHandle::isAlive);
    }
}
