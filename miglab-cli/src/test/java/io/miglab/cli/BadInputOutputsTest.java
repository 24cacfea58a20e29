package io.miglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs (--out, --db) and inputs of bench and report are checked before anything runs: bad ones are one line,
 * exit 2, and nothing is written (no results database, no half-run).
 */
class BadInputOutputsTest {
    @TempDir
    Path dir;

    private void assertBadInput(Cli.Run run, String expectedLine, Path... keptFiles) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errLines()).containsExactly(expectedLine);
        assertThat(run.out()).isEmpty();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).as("nothing written").containsExactlyInAnyOrder(keptFiles);
        }
    }

    private String db() {
        return dir.resolve("r.db").toString();
    }

    // Guards against a bad reference file failing with UncheckedIOException (exit 1) after the database was created.
    @Test
    void benchReference_notAReferenceSet() throws IOException {
        Path ref = Files.writeString(dir.resolve("bad.json"), "{\"nonsense\": true}");
        assertBadInput(Cli.run("bench", "--backend", "sim", "--points", "1", "--no-progress", "--reference",
                ref.toString(), "--db", db(), "--out", dir.resolve("o").toString()),
                "miglab: reference: a reference set as written by miglab (a JSON object with name, description, "
                        + "provenance and entries; docs/bench.md) (got '" + ref + "', which is not one)", ref);
        assertBadInput(Cli.run("bench", "--backend", "sim", "--points", "1", "--no-progress", "--reference",
                "no-such-run", "--db", db(), "--out", dir.resolve("o").toString()),
                "miglab: reference: one of qemu-tcg-precopy-1g, sim-kvm-precopy-1g, a .json file, or the name of a "
                        + "complete run in the store (got 'no-such-run')", ref);
    }

    // Guards against StoreException stack traces (exit 1) for databases that cannot be one.
    @Test
    void benchDb_badUrlFolderOrNotSqlite() throws IOException {
        assertBadInput(Cli.run("bench", "--backend", "sim", "--no-progress", "--db", "jdbc:foo://x"),
                "miglab: db: a SQLite file, or a JDBC URL starting jdbc:sqlite: or jdbc:postgresql: "
                        + "(got 'jdbc:foo://x', which no driver takes)");
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertBadInput(Cli.run("bench", "--backend", "sim", "--no-progress", "--db", folder.toString()),
                "miglab: db: a SQLite file, not a folder (got '" + folder + "')", folder);
        Path text = Files.writeString(dir.resolve("text.db"), "not a database at all");
        assertBadInput(Cli.run("bench", "--backend", "sim", "--no-progress", "--db", text.toString()),
                "miglab: db: a SQLite database file (got '" + text + "', which is not one)", folder, text);
        assertBadInput(Cli.run("report", "--db", text.toString()),
                "miglab: db: a SQLite database file (got '" + text + "', which is not one)", folder, text);
    }

    // Guards against report --list --db typo.db creating an empty database and listing nothing.
    @Test
    void report_missingDatabase_isRefused_notCreated() throws IOException {
        Path typo = dir.resolve("typo.db");
        assertBadInput(Cli.run("report", "--list", "--db", typo.toString()),
                "miglab: db: an existing results database written by miglab bench (got '" + typo
                        + "': no such file)");
    }

    // Guards against --out naming a file failing with FileAlreadyExistsException after the whole run.
    @Test
    void outThatIsAFile_isRefusedBeforeRunning() throws IOException {
        Path f = Files.writeString(dir.resolve("taken"), "x");
        String line = "miglab: out: a folder to write into (got '" + f + "', an existing file)";
        assertBadInput(Cli.run("sweep", "--vary", "dirty-rate=0,1000", "--memory", "64M", "--out", f.toString()),
                line, f);
        assertBadInput(Cli.run("demo", "--out", f.toString()), line, f);
        assertBadInput(Cli.run("bench", "--backend", "sim", "--no-progress", "--db", db(), "--out", f.toString()),
                line, f);
        assertBadInput(Cli.run("datacenter", "--scenario", "../examples/datacenter/xen-vs-kvm.yaml", "--no-progress",
                "--out", f.toString()), line, f);
        assertBadInput(Cli.run("sweep", "--vary", "dirty-rate=0,1000", "--memory", "64M", "--out",
                f.resolve("sub").toString()),
                "miglab: out: a folder path (got '" + f.resolve("sub") + "'; '" + f + "' is a file)", f);
    }

    // Guards against 'report --db FILE' failing without --run: it reports the latest run.
    @Test
    void report_withoutRun_reportsTheLatest() {
        for (String name : List.of("first", "second")) {
            Cli.Run bench = Cli.run("bench", "--backend", "closed-form", "--workloads", "idle", "--points", "1",
                    "--no-progress", "--name", name, "--db", db(), "--out", dir.resolve("b-" + name).toString());
            assertThat(bench.exitCode()).as(bench.err()).isZero();
        }
        Cli.Run run = Cli.run("report", "--db", db(), "--out", dir.resolve("rep").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("second").doesNotContain("first");
        assertThat(dir.resolve("rep/report.html")).exists();
    }

    // Guards against the demo writing to one fixed /tmp/miglab-demo (shared, overwritten, never said).
    @Test
    void demo_withoutOut_writesToAFreshFolderAndSaysWhere() throws IOException {
        Cli.Run run = Cli.run("demo");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String line = run.out().lines().filter(l -> l.startsWith("The CSV and plots go to ")).findFirst()
                .orElseThrow();
        Path folder = Path.of(line.substring("The CSV and plots go to ".length(), line.indexOf(" (--out")));
        assertThat(folder.getFileName().toString()).startsWith("miglab-demo-");
        assertThat(folder.resolve("sweep.csv")).exists();
        try (Stream<Path> s = Files.list(folder)) {
            s.forEach(p -> p.toFile().delete());
        }
        Files.delete(folder);
    }

    // Guards against a sweep running its first points before finding a bad value later on an axis (the broken
    // test algorithm fails with exit 1 if any point runs).
    @Test
    void sweep_checksEveryPointBeforeRunningOne() throws IOException {
        Cli.Run run = Cli.run(TestAlgorithms.registry(), "sweep", "--vary", "memory=64M,99999T", "--algorithm",
                TestAlgorithms.BROKEN, "--no-compare", "--no-plots", "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errLines()).singleElement().asString().startsWith("miglab: memory: at most ");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
