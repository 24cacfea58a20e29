package io.miglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An algorithm registered in the registry (here one from the test sources) reaches every command. */
class RegisteredAlgorithmTest {
    @TempDir
    Path dir;

    // Guards against a command keeping its own hard-coded list of algorithms.
    @Test
    void registeredAlgorithm_isListedByAlgorithms_andInTheHelp() {
        Cli.Run list = Cli.run(TestAlgorithms.registry(), "algorithms");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains(TestAlgorithms.TWO_ROUNDS + "  test only: two pre-copy rounds");
        for (String command : List.of("simulate", "predict", "sweep")) {
            Cli.Run help = Cli.run(TestAlgorithms.registry(), command, "--help");
            assertThat(help.out().replaceAll("\\s+", " ")).as(command)
                    .contains("one of: stop-and-copy, precopy, postcopy, hybrid, " + TestAlgorithms.TWO_ROUNDS);
        }
        assertThat(Cli.run("simulate", "--help").out()).doesNotContain(TestAlgorithms.TWO_ROUNDS);
    }

    // Guards against --algorithm validating against the standard registry instead of the one Main was given.
    @Test
    void registeredAlgorithm_runsViaSimulate() throws Exception {
        Cli.Run run = Cli.run(TestAlgorithms.registry(), "simulate", "--memory", "64M", "--dirty-rate", "2000",
                "--algorithm", TestAlgorithms.TWO_ROUNDS, "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("algorithm").asText()).isEqualTo(TestAlgorithms.TWO_ROUNDS);
        assertThat(json.get("rounds")).hasSize(2);
        assertThat(json.get("stopReason").asText()).isEqualTo("MAX_ROUNDS");
    }

    // Guards against sweep's algorithm axis using a fixed list of names.
    @Test
    void registeredAlgorithm_runsViaSweep() throws Exception {
        Path out = dir.resolve("out");
        Cli.Run run = Cli.run(TestAlgorithms.registry(), "sweep", "--memory", "64M", "--dirty-rate", "2000",
                "--vary", "algorithm=precopy," + TestAlgorithms.TWO_ROUNDS, "--out", out.toString(), "--no-plots");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).startsWith("precopy,sim,");
        assertThat(csv.get(2)).startsWith(TestAlgorithms.TWO_ROUNDS + ",sim,");
    }

    // Guards against the closed form keeping its own switch over algorithm names: it carries out the same decisions.
    @Test
    void registeredAlgorithm_runsViaPredict_withTheSameRoundsAsTheSimulator() throws Exception {
        String[] args = {"--memory", "64M", "--dirty-rate", "2000", "--algorithm", TestAlgorithms.TWO_ROUNDS, "--json"};
        Cli.Run predict = Cli.run(TestAlgorithms.registry(), concat("predict", args));
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(predict.out());
        assertThat(json.get("backend").asText()).isEqualTo("closed-form");
        assertThat(json.get("rounds")).hasSize(2);
        assertThat(json.get("stopReason").asText()).isEqualTo("MAX_ROUNDS");
        assertThat(json.get("completed").asBoolean()).isTrue();
    }

    // Guards against bench keeping a hard-coded list of algorithm names, and against it storing a run before
    // refusing an unknown one.
    @Test
    void registeredAlgorithm_runsViaBenchOnTheSimulator() {
        String db = dir.resolve("b.db").toString();
        Cli.Run run = Cli.run(TestAlgorithms.registry(), "bench", "--backend", "sim", "--workloads", "mem-high",
                "--points", "1", "--db", db, "--out", dir.resolve("bench").toString(), "--no-progress",
                "--algorithm", TestAlgorithms.TWO_ROUNDS);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("stored as run 1");
        Cli.Run unknown = Cli.run(TestAlgorithms.registry(), "bench", "--backend", "sim", "--points", "1",
                "--db", dir.resolve("c.db").toString(), "--algorithm", "teleport");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("miglab: algorithm:").contains(TestAlgorithms.TWO_ROUNDS);
        assertThat(dir.resolve("c.db")).doesNotExist();
    }

    // Guards against the datacenter's profiles checking names against a list of their own.
    @Test
    void registeredAlgorithm_runsInADatacenterProfile() throws Exception {
        Path scenario = dir.resolve("dc.yaml");
        Files.writeString(scenario, String.join("\n",
                "name: two-rounds", "seed: 1", "duration: 10m", "schedulingInterval: 60s", "profile: two",
                "profiles:", "  - {name: two, base: kvm, algorithm: " + TestAlgorithms.TWO_ROUNDS + "}",
                "initialPlacement: spread",
                "policy: {name: none, placement: least-loaded, maxConcurrentPerHost: 2, maxConcurrent: 2}",
                "network: {rackUplink: 10Gbit/s, core: 40Gbit/s, latency: 0.2ms, migrationCoresPerGbps: 0.1}",
                "racks:", "  - {count: 1, hostsPerRack: 3, host: {cores: 8, memory: 16G, nic: 1Gbit/s,"
                        + " idleWatts: 90, peakWatts: 200}}",
                "vms:", "  - {name: web, count: 2, vcpus: 1, memory: 512M, hosts: [r0-h0],"
                        + " writes: {model: uniform, pagesPerSecond: 2000}, cpu: {pattern: constant, share: 0.2}}",
                "maintenance:", "  - {at: 0s, hosts: [r0-h0]}", ""));
        Path out = dir.resolve("dc");
        Cli.Run run = Cli.run(TestAlgorithms.registry(), "datacenter", "--scenario", scenario.toString(),
                "--out", out.toString(), "--no-progress");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("migrations.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.subList(1, 3)).allSatisfy(line -> assertThat(line)
                .contains("," + TestAlgorithms.TWO_ROUNDS + ",").contains(",MAX_ROUNDS,"));
        Cli.Run standard = Cli.run("datacenter", "--scenario", scenario.toString(), "--out",
                dir.resolve("dc2").toString(), "--no-progress");
        assertThat(standard.exitCode()).isEqualTo(2);
        assertThat(standard.err()).startsWith("miglab: profiles[two].algorithm:");
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
