package io.miglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miglab.core.result.Metric;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Metrics;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --json}: stable field names, deterministic bytes. */
class JsonOutputTest {
    private static final String[] RUN = {"simulate", "--memory", "128M", "--dirty-rate", "20000", "--json"};

    private static String json(String... extra) {
        String[] args = Arrays.copyOf(RUN, RUN.length + extra.length);
        System.arraycopy(extra, 0, args, RUN.length, extra.length);
        Cli.Run run = Cli.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    // Guards against hidden nondeterminism (hash order, clocks, unseeded randomness) in a run or its output.
    @Test
    void sameSeed_givesIdenticalBytes_otherSeedDiffers() {
        String a = json("--seed", "11"), b = json("--seed", "11"), c = json("--seed", "12");
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    // Guards against renaming a field that scripts and the results store rely on.
    @Test
    void json_hasTheDocumentedFields() throws Exception {
        JsonNode root = new ObjectMapper().readTree(json());
        assertThat(root.get("algorithm").asText()).isEqualTo("precopy");
        assertThat(root.get("converged").isBoolean()).isTrue();
        assertThat(root.get("stopReason").asText()).isEqualTo("DOWNTIME_LIMIT_MET");
        for (String f : List.of("totalTimeMs", "downtimeMs", "preparationTimeMs", "resumeTimeMs",
                "guestSlowdownPercent")) {
            assertThat(root.get(f).isNumber()).as(f).isTrue();
        }
        for (String f : List.of("bytesTransferred", "pagesTransferred", "pagesResent")) {
            assertThat(root.get(f).isIntegralNumber()).as(f).isTrue();
        }
        JsonNode rounds = root.get("rounds");
        assertThat(rounds.isArray()).isTrue();
        assertThat(rounds.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode r : rounds) {
            for (String f : List.of("pages", "bytes", "durationMs", "dirtyRate")) assertThat(r.has(f)).as(f).isTrue();
        }
        // round 0 sends every page of a 128 MiB guest
        assertThat(rounds.get(0).get("pages").asLong()).isEqualTo(128L * 1024 * 1024 / 4096);
        long pagesInRounds = 0;
        for (JsonNode r : rounds) pagesInRounds += r.get("pages").asLong();
        assertThat(root.get("pagesTransferred").asLong()).isGreaterThanOrEqualTo(pagesInRounds);
    }

    // Guards against the JSON drifting from the metric list (a stored metric not written, or an extra field).
    @Test
    void jsonFieldNames_areTheStoredMetricsThenRoundsStagesAndAssumptions() throws Exception {
        JsonNode root = new ObjectMapper().readTree(json());
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        // a simulated result measures no host cost: those figures are left out (Metric.present)
        MigrationResult simulated = new PageLevelSimulator().migrate(
                MigrationSpec.of(ByteSize.ofMiB(16), DataRate.ofMiBps(100)));
        List<String> expected = new ArrayList<>(Metrics.STANDARD.stored().stream()
                .filter(m -> m.present().test(simulated)).map(Metric::name).toList());
        expected.addAll(List.of("rounds", "stages", "assumptions"));
        assertThat(names).containsExactlyElementsOf(expected);
    }

    // Guards against --csv and --json disagreeing on names or values.
    @Test
    void csv_hasTheSameNamesAndValuesAsJson() throws Exception {
        JsonNode root = new ObjectMapper().readTree(json());
        Cli.Run csv = Cli.run("simulate", "--memory", "128M", "--dirty-rate", "20000", "--csv");
        List<String> lines = csv.out().lines().toList();
        assertThat(lines).hasSize(2);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> row = List.of(lines.get(1).split(",", -1));
        assertThat(header).contains("totalTimeMs", "roundCount", "stopReason");
        assertThat(Double.parseDouble(row.get(header.indexOf("totalTimeMs"))))
                .isEqualTo(root.get("totalTimeMs").asDouble());
        assertThat(Integer.parseInt(row.get(header.indexOf("roundCount")))).isEqualTo(root.get("rounds").size());
    }
}
