package io.miglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits 2 with one line on stderr that names the field; a bug exits 1. */
class BadInputTest {
    @TempDir
    Path dir;

    private static void assertBadInput(Cli.Run run, String expectedLine) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errLines()).containsExactly(expectedLine);
        assertThat(run.out()).isEmpty();
    }

    // Guards against a negative size being parsed as a huge number or failing with a stack trace.
    @Test
    void negativeMemory_exits2_namingMemory() {
        assertBadInput(Cli.run("simulate", "--memory", "-5"),
                "miglab: memory: a non-negative size like 4096, 256M, 4G or 64GiB (got '-5')");
    }

    // Guards against an unknown algorithm reaching the simulator (and failing there with exit 1).
    @Test
    void unknownAlgorithm_exits2_listingTheRegisteredNames() {
        assertBadInput(Cli.run("simulate", "--algorithm", "teleport"),
                "miglab: algorithm: one of stop-and-copy, precopy, postcopy, hybrid (got 'teleport')");
    }

    // Guards against a rate typo silently becoming a default bandwidth.
    @Test
    void rateThatIsNotANumber_exits2_namingTheFlag() {
        assertBadInput(Cli.run("simulate", "--bandwidth", "fast"),
                "miglab: bandwidth: a rate > 0 like 100MiB/s, 1GiB/s, 800Mbit/s or 10Gbit/s (got 'fast')");
    }

    // Guards against dirty rates like "5k" or "-1" being accepted.
    @Test
    void dirtyRateThatIsNotANumber_exits2() {
        assertBadInput(Cli.run("simulate", "--dirty-rate", "-1"),
                "miglab: dirty-rate: a number of pages/s >= 0 like 5000 (got '-1')");
    }

    // Guards against a duration without a unit being read as seconds or milliseconds by guess.
    @Test
    void durationWithoutUnit_exits2() {
        assertBadInput(Cli.run("simulate", "--downtime-limit", "300"),
                "miglab: downtime-limit: a duration like 300ms, 2s or 1m (a unit is needed) (got '300')");
    }

    // Guards against picocli's multi-line usage dump on a typo'd option.
    @Test
    void unknownOption_exits2_withOneLine() {
        assertBadInput(Cli.run("simulate", "--memroy", "1G"),
                "miglab: Unknown options: '--memroy', '1G' (see 'miglab simulate --help')");
    }

    // Guards against a misspelt scenario key being ignored (the run would silently use the default).
    @Test
    void scenarioWithUnknownField_exits2_namingTheFieldAndSuggestingOne() throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), "memroy: 4G\n");
        assertBadInput(Cli.run("simulate", "--scenario", f.toString()),
                "miglab: memroy: not a scenario field (in " + f + "); did you mean 'memory'?; the fields are the flag "
                        + "names without dashes, e.g. memory, dirty-rate");
    }

    // Guards against a list or mapping being stringified into a value.
    @Test
    void scenarioWithWronglyTypedField_exits2_namingTheField() throws IOException {
        Path f = Files.writeString(dir.resolve("s.json"), "{\"memory\": [1, 2]}");
        assertBadInput(Cli.run("simulate", "--scenario", f.toString()),
                "miglab: memory: a single value (got a list) in " + f);
        Path g = Files.writeString(dir.resolve("t.yaml"), "dirty-rate: lots\n");
        assertBadInput(Cli.run("simulate", "--scenario", g.toString()),
                "miglab: dirty-rate: a number of pages/s >= 0 like 5000 (got 'lots') in " + g);
    }

    // Guards against a scenario file that is not YAML crashing with a parser stack trace.
    @Test
    void scenarioThatIsNotYaml_exits2_withItsLine() throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), "memory: 1G\n  bandwidth: [\n");
        Cli.Run run = Cli.run("simulate", "--scenario", f.toString());
        assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("miglab: scenario " + f + ": not valid YAML at line ");
    }

    // Guards against a missing scenario or trace file surfacing as an internal error (exit 1).
    @Test
    void missingFiles_exit2() {
        assertBadInput(Cli.run("simulate", "--scenario", dir.resolve("nope.yaml").toString()),
                "miglab: scenario: cannot read '" + dir.resolve("nope.yaml") + "' (no such file)");
        assertBadInput(Cli.run("simulate", "--write-model", "trace:" + dir.resolve("nope.trace")),
                "miglab: trace: cannot read '" + dir.resolve("nope.trace") + "' (no such file)");
    }

    // Guards against a malformed trace line being skipped or read as a different page.
    @Test
    void badTraceLine_exits2_namingTheLine() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.trace"),
                "# miglab-dirty-trace v1 interval_ms=100 page_size=4096\n0-15\n\n3 abc\n");
        assertBadInput(Cli.run("simulate", "--memory", "64M", "--write-model", "trace:" + f),
                "miglab: trace " + f + " line 4: page numbers and inclusive ranges like 0-15 100 2048-4095, "
                        + "or - for none (got 'abc')");
    }

    // Guards against flags that cannot take effect being silently ignored.
    @Test
    void invalidCombinations_exit2_namingTheFlag() {
        assertBadInput(Cli.run("simulate", "--xbzrle-cache", "4M"),
                "miglab: xbzrle-cache: only with --xbzrle (got '4M')");
        assertBadInput(Cli.run("simulate", "--max-rounds", "5"),
                "miglab: max-rounds: only with --policy custom (the qemu policy converges only on --downtime-limit)"
                        + " (got '5')");
        assertBadInput(Cli.run("simulate", "--precopy-rounds", "3"),
                "miglab: precopy-rounds: only with --algorithm hybrid (got '3')");
        assertBadInput(Cli.run("simulate", "--working-set", "64M", "--write-model", "uniform", "--dirty-rate", "10"),
                "miglab: working-set: only with --write-model working-set or sweep (not --write-model uniform) "
                        + "(got '64M')");
        assertBadInput(Cli.run("simulate", "--write-model", "sweep", "--dirty-rate", "10"),
                "miglab: working-set: a size like 64M, required by --write-model sweep (got nothing)");
        assertBadInput(Cli.run("simulate", "--throttle-max", "50"),
                "miglab: throttle-max: only with --auto-converge (got '50')");
        assertBadInput(Cli.run("simulate", "--json", "--csv"),
                "miglab: Error: --json, --csv are mutually exclusive (specify only one) "
                        + "(see 'miglab simulate --help')");
    }

    // Guards against a custom policy without any limit being accepted (a run that could never end).
    @Test
    void customPolicyAlwaysHasTheTimeoutLimit() {
        Cli.Run run = Cli.run("simulate", "--memory", "64M", "--policy", "custom", "--min-dirty-pages", "10",
                "--dirty-rate", "100000", "--timeout", "2s", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"stopReason\" : \"TIMEOUT\"");
    }

    // Guards against a bug being reported as bad input (exit 2) or swallowed (exit 0).
    @Test
    void unexpectedFailure_exits1_withTheCause() {
        Cli.Run run = Cli.run(TestAlgorithms.registry(), "simulate", "--memory", "64M", "--algorithm",
                TestAlgorithms.BROKEN);
        assertThat(run.exitCode()).isEqualTo(Main.FAILURE);
        assertThat(run.err()).startsWith("miglab: unexpected failure: java.lang.IllegalStateException: simulated bug");
    }

    // Guards against 'miglab' alone exiting 0 as if something had run.
    @Test
    void noCommand_printsUsage_exits2() {
        Cli.Run run = Cli.run();
        assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("Usage: miglab").contains("simulate").contains("sweep");
    }
}
