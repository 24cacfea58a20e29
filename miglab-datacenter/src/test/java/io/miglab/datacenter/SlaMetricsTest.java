package io.miglab.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.NoWrites;
import io.miglab.datacenter.model.CpuPattern;
import io.miglab.datacenter.policy.PolicyConfig;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.MigrationRecord;
import io.miglab.datacenter.scenario.Maintenance;
import io.miglab.datacenter.scenario.RackGroup;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.VmGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLATAH, PDM, SLAV and ESV (Beloglazov and Buyya, CCPE 2012, section 7.2) against their definitions. */
class SlaMetricsTest {
    /**
     * Three 16-core hosts for an hour, policy none: r0-h1 full all along (8 VMs of 2 vCPUs at 100 %), r0-h0 taken
     * down at 0 so its one VM (1 vCPU at 50 %) moves to r0-h2 (r0-h1 has no room), r0-h2 half-way idle.
     */
    private static Scenario tiny() {
        return new Scenario("sla", 1, 3600, 300, TestScenarios.xen(),
                new PolicyConfig("none", 0.8, 0.2, 0.8, "smallest-memory", "first-fit", 100, 2, 100),
                TestScenarios.network(), List.of(new RackGroup(1, 3, TestScenarios.HOST)),
                List.of(group("busy", 8, 2, 1.0, "r0-h1"), group("mover", 1, 1, 0.5, "r0-h0")),
                List.of(new Maintenance(0, List.of("r0-h0"), List.of())), "spread", 100);
    }

    private static VmGroup group(String name, int count, int vcpus, double share, String host) {
        return new VmGroup(name, count, vcpus, List.of(ByteSize.ofGiB(1)), List.of(), 0, new NoWrites(),
                new CpuPattern.Constant(share), List.of(host));
    }

    // SLATAH = mean over hosts of (time at 100 % CPU / time on) = (0 + 1 + 0) / 3. The existing overload share
    // (host time over 0.8 of all host time on) happens to agree here; PDM then tells them apart.
    // PDM = mean over the 9 VMs of 10 % x CPU asked while migrating / CPU asked: the mover's 0.5 core x T over
    // 0.5 core x 3600 s, the busy VMs' 0; SLAV = SLATAH x PDM; ESV = energy x SLAV.
    @Test
    void slaFigures_matchTheirDefinitions() {
        DatacenterReport r = DatacenterSimulation.run(tiny(), null);
        assertThat(r.migrations()).hasSize(1);
        MigrationRecord m = r.migrations().get(0);
        double seconds = m.endedAtSeconds() - m.startedAtSeconds();
        assertThat(seconds).isGreaterThan(5); // 1 GiB at 100 MiB/s
        assertThat(r.slaTimePerActiveHost()).isCloseTo(1.0 / 3, within(1e-9));
        double pdm = 0.1 * seconds / 3600 / 9;
        assertThat(r.migrationDegradation()).isCloseTo(pdm, within(1e-12));
        assertThat(r.slaViolation()).isCloseTo(pdm / 3, within(1e-12));
        assertThat(r.energySlaViolation()).isCloseTo(r.energyKWh() * pdm / 3, within(1e-12));
        assertThat(r.migratedBytes()).isEqualTo(m.result().traffic().bytesTransferred());
    }

    // Guards SLATAH's "at 100 %": a host over the 0.8 threshold but not full (7 VMs of 2 vCPUs at 95 %, 0.83)
    // counts in the overload share (1: both hosts over 0.8 all along), not in SLATAH (1/2: one host full).
    @Test
    void slatah_countsOnlyFullHosts() {
        Scenario s = new Scenario("sla2", 1, 3600, 300, TestScenarios.xen(),
                new PolicyConfig("none", 0.8, 0.2, 0.8, "smallest-memory", "first-fit", 100, 2, 100),
                TestScenarios.network(), List.of(new RackGroup(1, 2, TestScenarios.HOST)),
                List.of(group("busy", 8, 2, 1.0, "r0-h0"), group("high", 7, 2, 0.95, "r0-h1")), List.of(),
                "spread", 100);
        DatacenterReport r = DatacenterSimulation.run(s, null);
        assertThat(r.overloadShare()).isCloseTo(1, within(1e-12));
        assertThat(r.slaTimePerActiveHost()).isCloseTo(0.5, within(1e-12));
        assertThat(r.migrationDegradation()).isZero();
        assertThat(r.slaViolation()).isZero();
    }
}
