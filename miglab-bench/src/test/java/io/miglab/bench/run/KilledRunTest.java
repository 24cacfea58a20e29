package io.miglab.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunInfo;
import io.miglab.bench.store.RunRecord;
import io.miglab.bench.store.RunStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A benchmark process killed in the middle of a run, then the store opened again. */
class KilledRunTest {
    @TempDir
    Path dir;

    // SIGKILL: no hook runs. The earlier run must be intact and the killed one must not stay "running" for ever.
    @Test
    void sigkillLeavesEarlierRunsIntactAndTheKilledRunIncomplete() throws Exception {
        Path db = dir.resolve("kill.db");
        Process child = startChild(db);
        waitForStep(child, 3);
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (ResultsStore store = ResultsStore.open(db.toString())) {
            List<RunInfo> runs = store.listRuns();
            assertThat(runs).extracting(RunInfo::name).containsExactly("victim", "before");
            RunRecord before = store.loadRun(runs.get(1).id()).orElseThrow();
            assertThat(before.info().status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(before.measurements()).hasSize(4);
            assertThat(before.scores()).hasSize(4);
            RunRecord victim = store.loadRun(runs.get(0).id()).orElseThrow();
            assertThat(victim.info().status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(victim.info().note()).contains("ended without storing results");
            assertThat(victim.measurements()).isEmpty();
        }
    }

    // SIGTERM (and Ctrl-C): the hook cancels the run, which stores what it measured, marked incomplete, no scores.
    @Test
    void sigtermStoresTheMeasuredPartAsIncomplete() throws Exception {
        Path db = dir.resolve("term.db");
        Process child = startChild(db);
        waitForStep(child, 4);
        child.destroy();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (ResultsStore store = ResultsStore.open(db.toString())) {
            List<RunInfo> runs = store.listRuns();
            assertThat(runs).extracting(RunInfo::name).containsExactly("victim", "before");
            assertThat(store.loadRun(runs.get(1).id()).orElseThrow().info().status()).isEqualTo(RunStatus.COMPLETE);
            RunRecord victim = store.loadRun(runs.get(0).id()).orElseThrow();
            assertThat(victim.info().status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(victim.info().note()).startsWith("cancelled after");
            assertThat(victim.measurements()).hasSizeGreaterThanOrEqualTo(2).hasSizeLessThan(100);
            assertThat(victim.baselines()).isNotEmpty();
            assertThat(victim.scores()).isEmpty();
        }
    }

    private static Process startChild(Path db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ChildBenchMain.class.getName(),
                db.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static void waitForStep(Process child, int step) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("STEP ") && Integer.parseInt(line.substring(5)) >= step) {
                // keep draining so the child never blocks on a full pipe
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) { }
                    } catch (Exception ignored) {
                        // the child is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("child ended before step " + step + " (exit " + child.waitFor() + ")");
    }
}
