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
}
