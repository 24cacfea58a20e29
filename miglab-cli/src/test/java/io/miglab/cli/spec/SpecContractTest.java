package io.miglab.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.Overheads;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.CombinedWrites;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.UniformWrites;
import io.miglab.core.write.WorkingSetWrites;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** The flags' contract: names, defaults, and what each value turns into. */
class SpecContractTest {
    private final SpecFactory factory = new SpecFactory(AlgorithmRegistry.standard());

    private MigrationSpec build(String... keyValues) {
        ScenarioValues v = ScenarioValues.empty();
        for (int i = 0; i < keyValues.length; i += 2) v = v.with(keyValues[i], keyValues[i + 1], "test");
        return factory.build(v);
    }

    // Guards against a flag without a scenario key (or a key without a flag).
    @Test
    void everyFlagIsAScenarioKey_andBack() {
        @CommandLine.Command(name = "t")
        class Host {
            @CommandLine.Mixin
            SpecOptions options;
        }
        List<String> keys = new CommandLine(new Host()).getCommandSpec().options().stream()
                .map(o -> o.longestName().replaceFirst("^--", "")).filter(k -> !k.equals("scenario")).toList();
        assertThat(keys).containsExactlyElementsOf(Settings.scenarioKeys());
    }

    // Guards against the CLI's defaults drifting from core's (a spec from flags would differ from one in code).
    @Test
    void defaults_matchCore() {
        MigrationSpec s = build();
        MigrationSpec core = MigrationSpec.of(ByteSize.ofGiB(1), DataRate.ofGbitps(1));
        assertThat(s).isEqualTo(core);
        assertThat(s.policy()).isEqualTo(TerminationPolicy.qemu(TerminationPolicy.QEMU_DOWNTIME_LIMIT,
                TerminationPolicy.DEFAULT_TIMEOUT));
        MigrationSpec all = build("auto-converge", "true", "xbzrle", "true");
        assertThat(all.autoConverge()).contains(AutoConverge.qemuDefaults());
        assertThat(all.optimisations().xbzrle()).contains(Optimisations.Xbzrle.qemuDefaults());
        assertThat(s.overheads()).isEqualTo(Overheads.defaults());
        assertThat(s.postCopy()).isEqualTo(PostCopyOptions.defaults());
    }

    // Guards against a unit being read in the wrong scale (bits as bytes, ms as s).
    @Test
    void units_areReadAsDocumented() {
        MigrationSpec s = build("memory", "64GiB", "page-size", "2M", "bandwidth", "800Mbit/s", "latency", "5ms",
                "bandwidth-cap", "128MiB/s", "downtime-limit", "1.5s", "timeout", "2m");
        assertThat(s.memory().bytes()).isEqualTo(64L << 30);
        assertThat(s.memory().pageSizeBytes()).isEqualTo(2 << 20);
        assertThat(s.link().bandwidth().bytesPerSecond()).isEqualTo(100e6);
        assertThat(s.link().roundTripLatency()).isEqualTo(Duration.ofMillis(5));
        assertThat(s.link().effectiveBandwidth().bytesPerSecond()).isEqualTo(100e6);
        assertThat(s.policy().find(StopCondition.DowntimeBelow.class).orElseThrow().limit())
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(s.policy().find(StopCondition.Timeout.class).orElseThrow().after()).isEqualTo(Duration.ofMinutes(2));
    }

    // Guards against the write-model syntax (default choice, combinations, per-part rates) changing meaning.
    @Test
    void writeModels_followTheDocumentedSyntax() {
        assertThat(build().writeModel()).isEqualTo(new NoWrites());
        assertThat(build("dirty-rate", "100").writeModel()).isEqualTo(new UniformWrites(100));
        assertThat(build("dirty-rate", "100", "working-set", "64M").writeModel())
                .isEqualTo(new WorkingSetWrites(ByteSize.ofMiB(64), 4096, 100, 0));
        assertThat(build("write-model", "sweep", "dirty-rate", "100", "working-set", "64M").writeModel())
                .isEqualTo(new SweepWrites(ByteSize.ofMiB(64), 4096, 100));
        assertThat(build("write-model", "working-set+uniform@20", "dirty-rate", "100", "working-set", "64M",
                "cold-dirty-rate", "3").writeModel())
                .isEqualTo(new CombinedWrites(List.of(new WorkingSetWrites(ByteSize.ofMiB(64), 4096, 100, 3),
                        new UniformWrites(20))));
        assertThatThrownBy(() -> build("write-model", "uniform@20", "dirty-rate", "5"))
                .hasMessage("dirty-rate: only with a write model that uses it: uniform, working-set or sweep "
                        + "without @RATE (not --write-model uniform@20) (got '5')");
        assertThatThrownBy(() -> build("write-model", "zipf")).isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("write-model: none, uniform, working-set, sweep, trace:FILE");
    }

    // Guards against the policies losing a clause or gaining one the user did not ask for.
    @Test
    void policies_areBuiltFromTheirFlags() {
        assertThat(build("policy", "xen").policy()).isEqualTo(TerminationPolicy.xen());
        TerminationPolicy custom = build("policy", "custom", "max-rounds", "7", "max-data", "2.5",
                "min-dirty-pages", "40", "timeout", "10s").policy();
        assertThat(custom.conditions()).containsExactly(new StopCondition.FewDirtyPages(40),
                new StopCondition.MaxRounds(7), new StopCondition.MaxData(2.5),
                new StopCondition.Timeout(Duration.ofSeconds(10)));
        assertThat(custom.onLimit()).isEqualTo(TerminationPolicy.LimitAction.STOP_AND_COPY);
        assertThat(build("policy", "custom", "on-limit", "cancel").policy().onLimit())
                .isEqualTo(TerminationPolicy.LimitAction.CANCEL);
        assertThat(build("on-limit", "stop-and-copy").policy().onLimit())
                .isEqualTo(TerminationPolicy.LimitAction.STOP_AND_COPY);
        assertThatThrownBy(() -> build("policy", "xen", "timeout", "5s"))
                .hasMessageStartingWith("timeout: only with --policy custom or qemu");
    }

    // Guards against durations and shares accepting ambiguous text.
    @Test
    void values_parseDurationsAndShares() {
        assertThat(Values.duration("d", "300ms")).isEqualTo(Duration.ofMillis(300));
        assertThat(Values.duration("d", "2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Values.duration("d", "1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Values.duration("d", "250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Values.duration("d", "0")).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> Values.duration("d", "5")).hasMessageStartingWith("d: a duration");
        assertThat(Values.share("z", "30%")).isEqualTo(0.3);
        assertThat(Values.share("z", "0.3")).isEqualTo(0.3);
        assertThatThrownBy(() -> Values.share("z", "130%")).hasMessageStartingWith("z: a share from 0 to 1");
    }
}
