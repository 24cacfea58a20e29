package io.miglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is told in the flag's own words and units: no Java types, no values that can never take effect. */
class BadInputWordsTest {
    @TempDir
    Path dir;

    private static void assertBadInput(Cli.Run run, String expectedLine) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errLines()).containsExactly(expectedLine);
        assertThat(run.out()).isEmpty();
    }

    // Guards against "got PT0S" / "got PT25H": a Duration's toString in the message.
    @Test
    void durations_areToldInTheFlagsUnits() {
        assertBadInput(Cli.run("simulate", "--timeout", "0s"), "miglab: timeout: a duration > 0 (got 0ms)");
        assertBadInput(Cli.run("simulate", "--downtime-limit", "0ms"),
                "miglab: downtime-limit: a duration > 0 (got 0ms)");
        assertBadInput(Cli.run("bench", "--backend", "sim", "--run-length", "25h", "--db", dir.resolve("b.db")
                .toString(), "--out", dir.resolve("o").toString()), "miglab: run-length: 1s to 24h (got 25h)");
        assertThat(dir).isEmptyDirectory();
    }

    // Guards against a custom policy whose only convergence clause can never hold (fewer than 0 dirty pages).
    @Test
    void minDirtyPagesZero_isRefused() {
        assertBadInput(Cli.run("predict", "--policy", "custom", "--min-dirty-pages", "0"),
                "miglab: min-dirty-pages: a whole number from 1 to 2147483647 (got '0')");
    }

    // Guards against the throttle knobs advertising 1 to 100 when the spec refuses 100.
    @Test
    void throttlePercent_saysNinetyNineIsTheMaximum() {
        assertBadInput(Cli.run("simulate", "--auto-converge", "--throttle-initial", "100"),
                "miglab: throttle-initial: a whole number from 1 to 99 (got '100')");
        assertBadInput(Cli.run("simulate", "--auto-converge", "--throttle-max", "100"),
                "miglab: throttle-max: a whole number from 1 to 99 (got '100')");
        assertBadInput(Cli.run("simulate", "--auto-converge", "--throttle-initial", "50", "--throttle-max", "40"),
                "miglab: throttle-max: throttle-initial (50) to 99 (got 40)");
    }

    // Guards against "--dirty-rate 0 --write-model none" being refused although both say: no writes.
    @Test
    void zeroDirtyRate_withNoWrites_isAccepted() {
        Cli.Run run = Cli.run("simulate", "--memory", "64M", "--write-model", "none", "--dirty-rate", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertBadInput(Cli.run("simulate", "--memory", "64M", "--write-model", "none", "--dirty-rate", "5"),
                "miglab: dirty-rate: only with a write model that uses it: uniform, working-set or sweep without "
                        + "@RATE (not --write-model none) (got '5')");
    }

    // Guards against an empty scenario file silently running with every default.
    @Test
    void emptyScenario_isRefused() throws IOException {
        Path json = Files.writeString(dir.resolve("e.json"), "");
        assertBadInput(Cli.run("simulate", "--scenario", json.toString()),
                "miglab: scenario " + json + ": a mapping with at least one key (got an empty file)");
        Path yaml = Files.writeString(dir.resolve("e.yaml"), "# nothing\n");
        assertBadInput(Cli.run("simulate", "--scenario", yaml.toString()),
                "miglab: scenario " + yaml + ": a mapping with at least one key (got an empty file)");
        Path described = Files.writeString(dir.resolve("d.yaml"), "description: a guest\n");
        assertBadInput(Cli.run("simulate", "--scenario", described.toString()),
                "miglab: scenario " + described + ": a mapping with at least one key besides description (got only "
                        + "a description)");
        Path braces = Files.writeString(dir.resolve("b.json"), "{}");
        assertBadInput(Cli.run("simulate", "--scenario", braces.toString()),
                "miglab: scenario " + braces + ": a mapping with at least one key (got an empty mapping)");
    }

    // Guards against text after the mapping being ignored ({"memory":"1G"} xyz ran as if the file ended early).
    @Test
    void trailingGarbage_isRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("t.json"), "{\"memory\":\"1G\"} xyz");
        Cli.Run run = Cli.run("simulate", "--scenario", f.toString());
        assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("miglab: scenario " + f + ": not valid JSON at line 1");
        Path g = Files.writeString(dir.resolve("u.json"), "{\"memory\":\"1G\"} {\"memory\":\"2G\"}");
        assertBadInput(Cli.run("simulate", "--scenario", g.toString()),
                "miglab: scenario " + g + ": not valid JSON at line 1, column 17: more text after the end of the "
                        + "mapping");
    }

    // Guards against "java.io.CharConversionException" in the message for a binary file.
    @Test
    void binaryScenario_saysNotUtf8() throws IOException {
        Path f = Files.write(dir.resolve("bin.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertBadInput(Cli.run("simulate", "--scenario", f.toString()),
                "miglab: scenario " + f + ": not valid YAML at line 1, column 1: not UTF-8 text");
    }

    // Guards against "Cannot deserialize value of type `java.lang.Long`" for a datacenter field of the wrong type.
    @Test
    void datacenterWrongType_isToldWithoutJavaTypes() throws IOException {
        Path f = Files.writeString(dir.resolve("d.yaml"), "name: x\nseed: abc\n");
        assertBadInput(Cli.run("datacenter", "--scenario", f.toString(), "--out", dir.resolve("o").toString()),
                "miglab: seed: a whole number (got 'abc')");
    }

    // Guards against two duration syntaxes: the datacenter refused 'us' that simulate takes (the latency in
    // microseconds passes, the bare number after it is refused as on the command line).
    @Test
    void datacenterDurations_takeTheFlagsSyntax() throws IOException {
        Path f = Files.writeString(dir.resolve("d.yaml"), "name: x\nnetwork: {latency: 500us}\nduration: 90\n"
                + "racks: [{count: 1, hostsPerRack: 1, host: {cores: 4, memory: 8G}}]\n");
        assertBadInput(Cli.run("datacenter", "--scenario", f.toString(), "--out", dir.resolve("o").toString()),
                "miglab: duration: a duration like 300ms, 2s or 1m (a unit is needed) (got '90')");
    }

    // Guards against --memory 1GB silently becoming 1 GiB: it is 10^9 B, which is not a whole number of pages.
    @Test
    void siMemory_isDecimal_andSaysSo() {
        assertBadInput(Cli.run("simulate", "--memory", "1GB"), "miglab: memory: a whole number of pages of 4096 B, "
                + "like 1G or 1GiB (1GB is 10^9 B) (got 1000000000 B)");
        Cli.Run run = Cli.run("simulate", "--memory", "8GB", "--bandwidth", "100MB/s", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"totalTimeMs\" : 80");
    }

    // Guards against a datacenter seed of 1.5 being cut to 1, an unknown initialPlacement being reported as
    // policy.placement, and durations given back in seconds as 7200.0.
    @Test
    void datacenterFields_areNamedAndTypedAsWritten() throws IOException {
        String racks = "racks: [{count: 1, hostsPerRack: 1, host: {cores: 4, memory: 8G}}]\n";
        Path seed = Files.writeString(dir.resolve("a.yaml"), "name: x\nseed: 1.5\n" + racks);
        Cli.Run run = Cli.run("datacenter", "--scenario", seed.toString(), "--out", dir.resolve("o").toString());
        assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).startsWith("miglab: seed: a whole number (got ");
        Path placement = Files.writeString(dir.resolve("b.yaml"), "name: x\ninitialPlacement: randomly\n" + racks);
        assertBadInput(Cli.run("datacenter", "--scenario", placement.toString(), "--out", dir.resolve("o")
                .toString()), "miglab: initialPlacement: spread or one of first-fit, best-fit, least-loaded, "
                + "pabfd, migration-aware (got randomly)");
        Path interval = Files.writeString(dir.resolve("c.yaml"), "name: x\nduration: 1h\nschedulingInterval: 2h\n"
                + racks);
        assertBadInput(Cli.run("datacenter", "--scenario", interval.toString(), "--out", dir.resolve("o")
                .toString()), "miglab: schedulingInterval: a duration > 0 and <= duration (got 2h)");
    }
}
