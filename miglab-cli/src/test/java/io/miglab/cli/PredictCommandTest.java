package io.miglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code miglab predict}: the closed form through the same flags and writers. */
class PredictCommandTest {
    // Guards against predict running the simulator, or hiding the model's assumptions.
    @Test
    void predict_usesTheClosedForm_andShowsItsAssumptions() throws Exception {
        Cli.Run json = Cli.run("predict", "--memory", "256M", "--dirty-rate", "5000", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("backend").asText()).isEqualTo("closed-form");
        assertThat(root.get("assumptions").size()).isPositive();
        String first = root.get("assumptions").get(0).asText();
        Cli.Run table = Cli.run("predict", "--memory", "256M", "--dirty-rate", "5000");
        assertThat(table.out()).contains("assumptions:").contains("  - " + first);
    }

    // Guards against the simulator and the closed form being handed different specs by the CLI.
    @Test
    void predictAndSimulate_agreeForAnIdleGuest() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode p = m.readTree(Cli.run("predict", "--memory", "256M", "--json").out());
        JsonNode s = m.readTree(Cli.run("simulate", "--memory", "256M", "--json").out());
        assertThat(p.get("bytesTransferred").asLong()).isEqualTo(s.get("bytesTransferred").asLong());
    }
}
