package io.miglab.cli.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miglab.cli.Cli;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.write.PacedWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.WorkingSetWrites;
import io.miglab.core.write.WriteModel;
import io.miglab.qemu.calibrate.GuestCalibration;
import io.miglab.qemu.calibrate.ObservedInputs;
import io.miglab.qemu.compare.GridCase;
import io.miglab.qemu.compare.GridCases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The comparison corpus's simulator side is {@code miglab simulate --hypervisor qemu} with the observable inputs:
 * the CLI's spec factory, given {@link ObservedInputs#settings}, builds exactly {@link GuestCalibration#observed}.
 */
class ObservedInputsCliTest {
    private static MigrationSpec fromSettings(Map<String, String> settings) {
        ScenarioValues v = ScenarioValues.empty();
        for (Map.Entry<String, String> e : settings.entrySet()) v = v.with(e.getKey(), e.getValue(), ScenarioValues.FLAG);
        return new SpecFactory(AlgorithmRegistry.standard()).build(v);
    }

    // Guards against two paths to the same simulation drifting apart: the corpus's page would then describe a
    // spec no user can type.
    @Test
    void everyCorpusCase_theCliBuildsTheObservedSpec() {
        for (GridCase c : GridCases.all()) {
            assertThat(fromSettings(ObservedInputs.settings(c.spec()))).as(c.label())
                    .isEqualTo(GuestCalibration.observed(c.spec()));
        }
    }

    // Guards the runs that kept the writer's achieved rate (GridCase.runSpec): their command, --dirty-rate at that
    // rate, builds the spec the corpus simulates for them, for every case with a writer.
    @Test
    void aRunsAchievedRate_theCliBuildsTheObservedSpec() {
        int cases = 0;
        for (GridCase c : GridCases.all()) {
            WriteModel w = c.spec().writeModel();
            WriteModel inner = w instanceof PacedWrites p ? p.inner() : w;
            if (!(inner instanceof SweepWrites) && !(inner instanceof WorkingSetWrites ws
                    && ws.coldPagesPerSecond() == 0)) continue;
            MigrationSpec run = c.runSpec(OptionalLong.of(7_487));
            assertThat(ObservedInputs.settings(run)).as(c.label()).containsEntry("dirty-rate", "7487");
            assertThat(fromSettings(ObservedInputs.settings(run))).as(c.label())
                    .isEqualTo(GuestCalibration.observed(run));
            cases++;
        }
        assertThat(cases).isGreaterThanOrEqualTo(6);
    }

    // Guards the printed command itself (flag spelling, boolean flags without a value): run as typed, it gives the
    // simulator's result for the observed spec.
    @Test
    void thePrintedCommandRunsAndGivesTheSameResult() throws Exception {
        GridCase c = GridCases.find("precopy 256M 100MiB/s 5000 pps").orElseThrow();
        String command = ObservedInputs.command(c.spec());
        assertThat(command).startsWith("miglab simulate --hypervisor qemu --memory 256MiB");
        List<String> args = new ArrayList<>(Arrays.asList(command.substring("miglab ".length()).split(" ")));
        args.add("--json");
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        MigrationResult expected = new PageLevelSimulator().migrate(GuestCalibration.observed(c.spec()));
        assertThat(root.get("totalTimeMs").asDouble()).isEqualTo(expected.timing().totalTimeMs());
        assertThat(root.get("bytesTransferred").asLong()).isEqualTo(expected.traffic().bytesTransferred());
    }
}
