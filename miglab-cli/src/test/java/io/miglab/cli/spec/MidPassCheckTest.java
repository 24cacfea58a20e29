package io.miglab.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miglab.cli.Cli;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --mid-pass-check} (scenario key {@code mid-pass-check}): QEMU's downtime check while a pass runs. */
class MidPassCheckTest {
    private static final String[] IDLE_1G = {"simulate", "--memory", "1G", "--bandwidth", "100MiB/s", "--json"};

    @TempDir
    Path dir;

    private static TerminationPolicy policy(String... keyValues) {
        ScenarioValues v = ScenarioValues.empty();
        for (int i = 0; i < keyValues.length; i += 2) v = v.with(keyValues[i], keyValues[i + 1], "test");
        return new SpecFactory(AlgorithmRegistry.standard()).build(v).policy();
    }

    private static double downtimeMs(String... extra) throws Exception {
        String[] args = java.util.Arrays.copyOf(IDLE_1G, IDLE_1G.length + extra.length);
        System.arraycopy(extra, 0, args, IDLE_1G.length, extra.length);
        Cli.Run run = Cli.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        return root.get("downtimeMs").asDouble();
    }

    // Guards against the flag being dropped on its way to the simulator. An idle 1 GiB guest at 100 MiB/s: checked
    // per round, the pass ends and only the 256 KiB device state is left (2.5 ms); checked mid-pass, before each
    // 100 ms sending budget, the pass stops with fewer than 300 ms x 100 MiB/s = 7,680 pages unsent but no fewer
    // than one budget below that, which the switch-over sends: between 203 and 303.1 ms with the device state.
    @Test
    void midPassCheck_putsTheTailOfThePassIntoTheDowntime() throws Exception {
        assertThat(downtimeMs()).isCloseTo(2.5, within(0.01));
        assertThat(downtimeMs("--no-mid-pass-check")).isCloseTo(2.5, within(0.01));
        assertThat(downtimeMs("--mid-pass-check")).isBetween(203.0, 303.09);
        Path f = Files.writeString(dir.resolve("s.yaml"), "mid-pass-check: true\n");
        assertThat(downtimeMs("--scenario", f.toString())).isEqualTo(downtimeMs("--mid-pass-check"));
        assertThat(downtimeMs("--scenario", f.toString(), "--no-mid-pass-check")).isCloseTo(2.5, within(0.01));
    }

    // Guards against the flag changing anything but the downtime clause, or not reaching custom policies.
    @Test
    void midPassCheck_marksTheDowntimeLimitOfQemuAndCustom() {
        assertThat(policy()).isEqualTo(TerminationPolicy.qemu(TerminationPolicy.QEMU_DOWNTIME_LIMIT,
                TerminationPolicy.DEFAULT_TIMEOUT));
        assertThat(policy("mid-pass-check", "true").conditions()).containsExactly(
                new StopCondition.DowntimeBelow(TerminationPolicy.QEMU_DOWNTIME_LIMIT, true),
                new StopCondition.Timeout(TerminationPolicy.DEFAULT_TIMEOUT));
        TerminationPolicy custom = policy("policy", "custom", "downtime-limit", "50ms", "min-dirty-pages", "40",
                "max-rounds", "7", "mid-pass-check", "true", "on-limit", "cancel");
        assertThat(custom.conditions()).containsExactly(new StopCondition.DowntimeBelow(Duration.ofMillis(50), true),
                new StopCondition.FewDirtyPages(40), new StopCondition.MaxRounds(7),
                new StopCondition.Timeout(TerminationPolicy.DEFAULT_TIMEOUT));
        assertThat(custom.onLimit()).isEqualTo(TerminationPolicy.LimitAction.CANCEL);
        assertThat(policy("policy", "xen", "mid-pass-check", "false")).isEqualTo(TerminationPolicy.xen());
    }

    // Guards against a flag that silently does nothing: without a downtime limit there is nothing to check.
    @Test
    void midPassCheck_withoutADowntimeLimit_isAnErrorNamingTheFlag() {
        assertThatThrownBy(() -> policy("policy", "xen", "mid-pass-check", "true"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("mid-pass-check: only with a policy that has a downtime limit: qemu, or custom with "
                        + "--downtime-limit or without --min-dirty-pages (got 'true' with --policy xen)");
        assertThatThrownBy(() -> policy("policy", "custom", "min-dirty-pages", "50", "mid-pass-check", "true"))
                .hasMessageStartingWith("mid-pass-check: only with a policy that has a downtime limit");
        assertThatThrownBy(() -> policy("mid-pass-check", "sometimes"))
                .hasMessage("mid-pass-check: true or false (got 'sometimes')");
        Cli.Run run = Cli.run("simulate", "--policy", "xen", "--mid-pass-check");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mid-pass-check: only with a policy that has a downtime limit");
    }
}
