package io.miglab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.bench.store.ResultsStore;
import io.miglab.bench.store.RunStatus;
import io.miglab.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    @TempDir
    Path dir;

    // miglab bench stores a complete run, prints the four scores and writes the report where --out says.
    @Test
    void benchOnTheSimulatorStoresPrintsAndReports() throws Exception {
        String db = dir.resolve("b.db").toString();
        Cli.Run r = Cli.run("bench", "--workloads", "idle,mem-high", "--points", "2", "--db", db, "--out",
                dir.resolve("rep").toString(), "--name", "pre", "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Scores (1000 = reference", "migration overhead", "mem-high", "stored as run 1");
        assertThat(dir.resolve("rep/report.html")).exists();
        assertThat(dir.resolve("rep/scores.csv")).exists();
        try (ResultsStore store = ResultsStore.open(db)) {
            var run = store.loadRun(1).orElseThrow();
            assertThat(run.info().status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(run.measurements()).hasSize(4);
        }
    }

    // report --compare shows two stored runs side by side; --algorithm reaches the run (post-copy: tiny downtime).
    @Test
    void reportComparesTwoStoredRuns() throws Exception {
        String db = dir.resolve("b.db").toString();
        assertThat(Cli.run("bench", "--workloads", "mem-high", "--points", "1", "--db", db, "--out",
                dir.resolve("a").toString(), "--no-progress").exitCode()).isZero();
        assertThat(Cli.run("bench", "--workloads", "mem-high", "--points", "1", "--db", db, "--algorithm", "postcopy",
                "--out", dir.resolve("b").toString(), "--no-progress").exitCode()).isZero();
        Cli.Run r = Cli.run("report", "--db", db, "--run", "1", "--compare", "2", "--out",
                dir.resolve("cmp").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(dir.resolve("cmp/report.html"));
        assertThat(html).contains("Comparison:", "postcopy");
        try (ResultsStore store = ResultsStore.open(db)) {
            double pre = store.loadRun(1).orElseThrow().measurements().get(0).result().timing().downtimeMs();
            double post = store.loadRun(2).orElseThrow().measurements().get(0).result().timing().downtimeMs();
            assertThat(post).isLessThan(pre / 3);
        }
        assertThat(Cli.run("report", "--db", db, "--list").out()).contains("complete", "sim");
    }

    // Bad input: one line naming the field, exit code 2, nothing stored.
    @Test
    void badInputIsOneLineAndExitCode2() {
        String db = dir.resolve("b.db").toString();
        Cli.Run points = Cli.run("bench", "--points", "0", "--db", db);
        assertThat(points.exitCode()).isEqualTo(2);
        assertThat(points.errLines()).singleElement().asString().startsWith("miglab: points:");
        Cli.Run workload = Cli.run("bench", "--workloads", "idle,mem-huge", "--db", db);
        assertThat(workload.exitCode()).isEqualTo(2);
        assertThat(workload.err()).startsWith("miglab: workloads: names from idle,");
        Cli.Run ref = Cli.run("bench", "--reference", "nope", "--db", db, "--no-progress");
        assertThat(ref.exitCode()).isEqualTo(2);
        assertThat(ref.err()).startsWith("miglab: reference:");
        assertThat(dir.resolve("b.db")).as("bad input creates no database").doesNotExist();
        try (ResultsStore store = ResultsStore.open(db)) {
            assertThat(store.listRuns()).isEmpty();
        }
        Cli.Run run = Cli.run("report", "--db", db, "--run", "9");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("miglab: run: no run 9");
    }

    // Guards against bench keeping its own hypervisor settings: --hypervisor is the profile every command uses,
    // and a xen policy with a timeout names the timeout.
    @Test
    void hypervisorProfile_isThePlatform() {
        String db = dir.resolve("h.db").toString();
        Cli.Run xen = Cli.run("bench", "--workloads", "mem-high", "--points", "1", "--db", db, "--out",
                dir.resolve("h").toString(), "--no-progress", "--hypervisor", "xen");
        assertThat(xen.exitCode()).as(xen.err()).isZero();
        Cli.Run unknown = Cli.run("bench", "--hypervisor", "hyperv", "--db", dir.resolve("u.db").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("miglab: hypervisor: one of none,").contains("kvm (or qemu)");
        Cli.Run timeout = Cli.run("bench", "--policy", "xen", "--timeout", "10s", "--db",
                dir.resolve("t.db").toString());
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).startsWith("miglab: timeout: only with --policy qemu");
    }
}
