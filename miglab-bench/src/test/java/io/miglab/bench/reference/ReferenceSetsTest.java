package io.miglab.bench.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.run.BenchConfig;
import io.miglab.bench.workload.Workload;
import io.miglab.bench.workload.Workloads;
import org.junit.jupiter.api.Test;

/** The shipped reference sets: which one is the default and what each says about where it was measured. */
class ReferenceSetsTest {
    // Guards that scores mean "against real QEMU" unless asked otherwise: the default names the set measured on
    // QEMU, which records its machine, QEMU version and date, and holds every standard workload at light load.
    @Test
    void theDefaultReferenceWasMeasuredOnRealQemu() {
        assertThat(BenchConfig.defaults("x").referenceName()).isEqualTo(ReferenceSets.DEFAULT);
        ReferenceSet real = ReferenceSets.find(ReferenceSets.DEFAULT).orElseThrow();
        assertThat(real.name()).isEqualTo(ReferenceSets.DEFAULT);
        assertThat(real.description()).contains("QEMU 10", "accel tcg", "cores");
        assertThat(real.provenance()).contains("miglab bench run", "started 20", "\"backend\":\"qemu\"");
        for (Workload w : Workloads.standard()) {
            ReferenceEntry e = real.find(w.name(), HostLoad.LIGHT).orElseThrow(() -> new AssertionError(w.name()));
            assertThat(e.downtimeMs()).as(w.name()).isPositive();
            assertThat(e.totalTimeMs()).as(w.name()).isGreaterThan(e.downtimeMs());
            assertThat(e.dataMiB()).as(w.name()).isBetween(30.0, 400.0);
            assertThat(e.overheadPercent()).as(w.name()).isGreaterThanOrEqualTo(0.0);
        }
    }

    // Guards that the simulator's reference stays selectable by name, light and heavy load.
    @Test
    void theSimulatorsReferenceIsStillShippedByName() {
        assertThat(ReferenceSets.SHIPPED).containsExactly(ReferenceSets.DEFAULT, ReferenceSets.SIMULATOR);
        ReferenceSet sim = ReferenceSets.find("sim-kvm-precopy-1g").orElseThrow();
        assertThat(sim.name()).isEqualTo(ReferenceSets.SIMULATOR);
        assertThat(sim.description()).contains("page-level simulator");
        assertThat(sim.entries()).hasSize(2 * Workloads.standard().size());
        assertThat(sim.find("idle", HostLoad.HEAVY)).isPresent();
    }
}
