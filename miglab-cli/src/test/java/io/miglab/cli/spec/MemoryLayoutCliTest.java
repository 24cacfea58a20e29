package io.miglab.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miglab.cli.Cli;
import io.miglab.cli.Main;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.memory.MemoryLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --memory-layout} (scenario key {@code memory-layout}): where the writer's array and the used pages lie. */
class MemoryLayoutCliTest {
    /** A hybrid switching 3 s into the first pass of a 512 MiB guest at 20 MiB/s (the corpus's after-3s case). */
    private static final String[] AFTER_3S = {"simulate", "--memory", "512M", "--zero-pages", "0.75",
        "--write-model", "sweep", "--working-set", "64M", "--dirty-rate", "5000", "--bandwidth", "20MiB/s",
        "--algorithm", "hybrid", "--precopy-rounds", "100000", "--switch-after", "3s", "--mid-pass-check", "--json"};

    @TempDir
    Path dir;

    private static MemoryLayout layout(String... keyValues) {
        ScenarioValues v = ScenarioValues.empty();
        for (int i = 0; i < keyValues.length; i += 2) v = v.with(keyValues[i], keyValues[i + 1], "test");
        return new SpecFactory(AlgorithmRegistry.standard()).build(v).memory().layout();
    }

    private static JsonNode run(String... extra) throws Exception {
        String[] args = java.util.Arrays.copyOf(AFTER_3S, AFTER_3S.length + extra.length);
        System.arraycopy(extra, 0, args, AFTER_3S.length, extra.length);
        Cli.Run run = Cli.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    // Guards the default (today's middle layout, so no output changes without the flag) and the flag's way in.
    @Test
    void layout_defaultsToMiddle_andTheFlagAndTheScenarioKeyReachTheSpec() throws Exception {
        assertThat(layout()).isEqualTo(MemoryLayout.MIDDLE);
        assertThat(layout("memory-layout", "linux")).isEqualTo(MemoryLayout.LINUX);
        assertThat(Settings.defaultValue("memory-layout")).contains("middle");
        Path f = Files.writeString(dir.resolve("s.yaml"), "memory-layout: linux\n");
        assertThat(run("--scenario", f.toString())).isEqualTo(run("--memory-layout", "linux"));
        assertThat(run("--memory-layout", "middle")).isEqualTo(run());
    }

    // Guards against the flag doing nothing in the simulator: 3 s into the pass the middle layout's array (pages
    // 57,344 to 73,728 of 131,072) has been sent and is re-sent after the switch; the Linux layout's (just below the
    // struct page array, pages 112,640 to 129,024) has not been reached, so fewer bytes go in all.
    @Test
    void linuxLayout_sendsLessAfterAMidPassSwitch() throws Exception {
        double middle = run().get("bytesTransferred").asDouble();
        double linux = run("--memory-layout", "linux").get("bytesTransferred").asDouble();
        assertThat(linux).isLessThan(middle * 0.95);
    }

    // Guards the bad-input contract: one line naming the field and the words it takes, exit 2, nothing written.
    @Test
    void badLayout_exits2_namingTheField() {
        Cli.Run run = Cli.run("simulate", "--memory-layout", "top");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.errLines()).containsExactly("miglab: memory-layout: one of middle, linux (got 'top')");
        assertThat(run.out()).isEmpty();
    }
}
