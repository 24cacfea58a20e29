package io.miglab.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miglab.cli.Cli;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.write.TraceWrites;
import io.miglab.core.write.UniformWrites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files: same keys as the flags, flags override them. */
class ScenarioTest {
    @TempDir
    Path dir;

    private static JsonNode json(Cli.Run run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    // Guards against the file overriding the command line (or the flag being dropped when a file is given).
    @Test
    void flagsOverrideScenarioValues() throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), "memory: 64M\nalgorithm: stop-and-copy\nseed: 5\n");
        JsonNode fromFile = json(Cli.run("simulate", "--scenario", f.toString(), "--json"));
        assertThat(fromFile.get("pagesTransferred").asLong()).isEqualTo(64L * 256);
        assertThat(fromFile.get("algorithm").asText()).isEqualTo("stop-and-copy");
        JsonNode overridden = json(Cli.run("simulate", "--scenario", f.toString(), "--memory", "32M", "--json"));
        assertThat(overridden.get("pagesTransferred").asLong()).isEqualTo(32L * 256);
        assertThat(overridden.get("algorithm").asText()).isEqualTo("stop-and-copy");
    }

    // Guards against YAML and JSON scenarios being read differently.
    @Test
    void yamlAndJson_giveTheSameSpec() {
        Path y = write("s.yaml", "memory: 64M\ndirty-rate: 5000\nzero-pages: 25%\nauto-converge: true\n");
        Path j = write("s.json", "{\"memory\": \"64M\", \"dirty-rate\": 5000, \"zero-pages\": \"25%\", "
                + "\"auto-converge\": true}");
        SpecFactory f = new SpecFactory(AlgorithmRegistry.standard());
        MigrationSpec a = f.build(ScenarioReader.read(y)), b = f.build(ScenarioReader.read(j));
        assertThat(a).isEqualTo(b);
        assertThat(a.memory().zeroPageShare()).isEqualTo(0.25);
        assertThat(a.writeModel()).isEqualTo(new UniformWrites(5000));
        assertThat(a.autoConverge()).isPresent();
    }

    // Guards against a relative trace path in a scenario depending on the directory miglab runs in.
    @Test
    void relativeTracePath_isResolvedAgainstTheScenarioFolder() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(sub.resolve("t.trace"), "# miglab-dirty-trace v1 interval_ms=50 page_size=4096\n0-9\n");
        Path s = Files.writeString(sub.resolve("s.yaml"), "memory: 1M\nwrite-model: trace:t.trace\n");
        MigrationSpec spec = new SpecFactory(AlgorithmRegistry.standard()).build(ScenarioReader.read(s));
        assertThat(spec.writeModel()).isInstanceOf(TraceWrites.class);
        assertThat(((TraceWrites) spec.writeModel()).trace().pagesIn(0)).isEqualTo(10);
    }

    // Guards against the shipped example scenarios rotting as flags change.
    @Test
    void everyExampleScenario_runs() throws Exception {
        java.util.Map<String, String> algorithms = java.util.Map.of("precopy-webserver.yaml", "precopy",
                "xen-batch.yaml", "precopy", "postcopy-database.json", "postcopy", "hybrid-trace.yaml", "hybrid");
        for (String name : algorithms.keySet()) {
            Path p = Path.of("..", "examples", name);
            Cli.Run run = Cli.run("simulate", "--scenario", p.toString(), "--json");
            assertThat(run.exitCode()).as(p + ": " + run.err()).isZero();
            JsonNode result = new ObjectMapper().readTree(run.out());
            assertThat(result.get("completed").asBoolean()).as(name).isTrue();
            assertThat(result.get("algorithm").asText()).as(name).isEqualTo(algorithms.get(name));
        }
    }

    // Guards against a switch set in a file being impossible to turn off (or on) from the command line.
    @Test
    void negatableFlags_overrideScenarioSwitches() throws Exception {
        Path f = Files.writeString(dir.resolve("z.yaml"), "memory: 64M\nzero-pages: 50%\nzero-page-elision: false\n");
        JsonNode off = json(Cli.run("simulate", "--scenario", f.toString(), "--json"));
        JsonNode on = json(Cli.run("simulate", "--scenario", f.toString(), "--zero-page-elision", "--json"));
        assertThat(off.get("zeroPages").asLong()).isZero();
        // zero pages are placed at random with the given share: about half of the 16384 pages
        assertThat(on.get("zeroPages").asLong()).isBetween(7800L, 8600L);
        assertThat(on.get("bytesTransferred").asLong()).isLessThan(off.get("bytesTransferred").asLong() * 6 / 10);
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
