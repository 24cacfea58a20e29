package io.miglab.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.CombinedWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.WriteModel;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
    // The same workload must behave the same on every platform: the simulator's sweep must be exactly what the
    // guest's memwriter is told to do (ws_mb, dirty_pps).
    @Test
    void everyMemwriterWorkloadsModelIsTheSweepItsGuestParametersDescribe() {
        for (Workload w : Workloads.standard()) {
            if (w.program() != GuestProgram.MEMWRITER) continue;
            SweepWrites sweep = sweeps(w.writes()).findFirst().orElseThrow(() -> new AssertionError(w.name()));
            assertThat(sweep.array()).as(w.name()).isEqualTo(ByteSize.ofMiB(w.workingSetMiB()));
            assertThat(sweep.pagesPerSecond()).as(w.name()).isEqualTo(w.dirtyPagesPerSecond());
            assertThat(w.pretouchedBytes()).as(w.name()).isEqualTo(ByteSize.ofMiB(w.workingSetMiB()).bytes());
            assertThat(w.nominalThroughput()).as(w.name()).isEqualTo(w.dirtyPagesPerSecond());
        }
    }

    // The memory writers must be ordered low < mid < high, as their names promise.
    @Test
    void memoryWritersDirtyAtIncreasingRates() {
        assertThat(Stream.of("mem-low", "mem-mid", "mem-high").map(Workloads::byName)
                .mapToInt(Workload::dirtyPagesPerSecond).toArray()).containsExactly(1_000, 5_000, 20_000);
    }

    @Test
    void parseKeepsTheOrderGivenAndAllMeansEveryWorkload() {
        assertThat(Workloads.parse("web, idle").stream().map(Workload::name)).containsExactly("web", "idle");
        assertThat(Workloads.parse("all")).hasSize(7);
    }

    // Bad input names the field and the allowed values (the CLI prints it and exits 2).
    @Test
    void anUnknownOrRepeatedWorkloadIsAClearError() {
        assertThatThrownBy(() -> Workloads.parse("idle,mem-huge")).isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("workloads: names from idle, mem-low, mem-mid, mem-high, cpu, web, file");
        assertThatThrownBy(() -> Workloads.parse("idle,idle")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("each workload once");
    }

    private static Stream<SweepWrites> sweeps(WriteModel m) {
        if (m instanceof SweepWrites s) return Stream.of(s);
        if (m instanceof CombinedWrites c) return c.parts().stream().flatMap(WorkloadsTest::sweeps);
        return Stream.of();
    }

    @Test
    void workloadNamesAreStable() {
        assertThat(Workloads.names()).isEqualTo(List.of("idle", "mem-low", "mem-mid", "mem-high", "cpu", "web",
                "file"));
    }
}
