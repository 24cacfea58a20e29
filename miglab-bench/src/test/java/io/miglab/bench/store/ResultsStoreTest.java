package io.miglab.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.score.MetricScore;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsStoreTest {
    @TempDir
    Path dir;

    // Every field written comes back unchanged (a column mix-up or a lost round table would show here).
    @Test
    void aFinishedRunReadsBackEqualToWhatWasStored() {
        List<Measurement> ms = StoreFixtures.measurements();
        List<Baseline> bs = List.of(new Baseline("mem-low", HostLoad.LIGHT, 1000, "pages/s", 10_000),
                new Baseline("idle", HostLoad.HEAVY, 100, "heartbeats/s", 0));
        List<MetricScore> scores = StoreFixtures.scores();
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.db").toString())) {
            long id = store.beginRun("first", "sim", "sim-kvm-precopy-1g", "{\"a\":1}");
            store.finishRun(id, RunStatus.COMPLETE, null, bs, ms, scores, "sim-kvm-precopy-1g");
            RunRecord r = store.loadRun(id).orElseThrow();
            assertThat(r.info().status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(r.info().name()).isEqualTo("first");
            assertThat(r.info().configJson()).isEqualTo("{\"a\":1}");
            assertThat(r.info().finishedAt()).isPresent();
            assertThat(r.baselines()).containsExactlyElementsOf(bs);
            assertThat(r.measurements()).containsExactlyElementsOf(ms);
            assertThat(r.measurements().get(0).result().rounds()).hasSize(3);
            assertThat(r.scores()).containsExactlyElementsOf(scores); // record equality: NaN equals NaN
        }
    }

    // A failure half-way through storing results must not leave half a run: the transaction is all or nothing.
    @Test
    void aFailedFinishLeavesNoPartialResultsAndTheRunStillRunning() {
        Measurement m = StoreFixtures.measurements().get(0);
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.db").toString())) {
            long id = store.beginRun("dup", "sim", "ref", "{}");
            assertThatThrownBy(() -> store.finishRun(id, RunStatus.COMPLETE, null,
                    List.of(new Baseline("mem-low", HostLoad.LIGHT, 1, "pages/s", 0)), List.of(m, m), List.of(),
                    "ref")).isInstanceOf(StoreException.class).hasMessageContaining("run " + id);
            RunRecord r = store.loadRun(id).orElseThrow();
            assertThat(r.info().status()).isEqualTo(RunStatus.RUNNING);
            assertThat(r.baselines()).isEmpty();
            assertThat(r.measurements()).isEmpty();
        }
    }

    // A run whose process died (SIGKILL, power loss) must not stay "running" for ever; a live one must stay.
    @Test
    void runningRowsOfDeadProcessesBecomeIncompleteAtTheNextOpen() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        String file = dir.resolve("r.db").toString();
        long dead, live;
        try (ResultsStore store = ResultsStore.open(file)) {
            dead = store.beginRun("killed", "sim", "ref", "{}");
            live = store.beginRun("alive", "sim", "ref", "{}");
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var ps = c.prepareStatement("UPDATE runs SET pid = ? WHERE id = ?")) {
            ps.setLong(1, p.pid());
            ps.setLong(2, dead);
            ps.executeUpdate();
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            assertThat(store.loadRun(dead).orElseThrow().info().status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(store.loadRun(dead).orElseThrow().info().note()).contains("ended without storing results");
            assertThat(store.loadRun(live).orElseThrow().info().status()).isEqualTo(RunStatus.RUNNING);
        }
    }

    // A pid reused by another process after the run's process died must not keep the run "running".
    @Test
    void aReusedPidWithAnotherStartTimeDoesNotKeepARunAlive() throws Exception {
        String file = dir.resolve("r.db").toString();
        long id;
        try (ResultsStore store = ResultsStore.open(file)) {
            id = store.beginRun("old", "sim", "ref", "{}");
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var ps = c.prepareStatement("UPDATE runs SET pid_start = ? WHERE id = ?")) {
            ps.setString(1, "2001-01-01T00:00:00Z");
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            assertThat(store.loadRun(id).orElseThrow().info().status()).isEqualTo(RunStatus.INCOMPLETE);
        }
    }

    // --reference NAME may name an earlier complete run; an incomplete one must never serve as a reference.
    @Test
    void findCompleteRunIgnoresIncompleteRunsOfTheSameName() {
        try (ResultsStore store = ResultsStore.open(dir.resolve("r.db").toString())) {
            long ok = store.beginRun("base", "sim", "ref", "{}");
            store.finishRun(ok, RunStatus.COMPLETE, null, List.of(), StoreFixtures.measurements(), List.of(), "ref");
            long bad = store.beginRun("base", "sim", "ref", "{}");
            store.finishRun(bad, RunStatus.INCOMPLETE, "cancelled", List.of(), List.of(), List.of(), "ref");
            assertThat(store.findCompleteRun("base").orElseThrow().info().id()).isEqualTo(ok);
            assertThat(store.findCompleteRun("nope")).isEmpty();
            assertThat(store.listRuns()).extracting(i -> i.id()).containsExactly(bad, ok);
        }
    }

    // Passwords in a shared server's URL must not end up in messages or reports.
    @Test
    void urlsAreRedactedInMessages() {
        assertThat(ResultsStore.redact("jdbc:postgresql://h/db?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
    }
}
