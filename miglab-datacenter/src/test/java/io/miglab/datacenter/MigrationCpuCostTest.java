package io.miglab.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.profile.HypervisorProfile;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.profile.MigrationCpuCost;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.NoWrites;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.HostSummary;
import io.miglab.datacenter.report.MigrationRecord;
import org.junit.jupiter.api.Test;

/**
 * The measured migration CPU cost of the qemu profile charged to the hosts: while a migration sends, its source
 * spends the source's share of {@code migrationCpu} per GiB of the stream's rate and its destination the rest.
 */
class MigrationCpuCostTest {
    private static final double GIB = 1024.0 * 1024 * 1024;

    // Two idle 1 GiB guests leave r0-h0 for r0-h1 and r0-h2 at 2.4 CPU-s per GiB, 82 % of it the destination's.
    // By hand: r0-h0 sends 2 GiB, 2 x 2.4 x 0.18 = 0.864 CPU-s; r0-h1 and r0-h2 receive 1 GiB each,
    // 2.4 x 0.82 = 1.968 CPU-s; 4.8 in all (half each side would give 2.4 and 1.2).
    @Test
    void theSourceSpendsItsShareAndEachDestinationTheRest() {
        HypervisorProfile kvm = TestScenarios.uncapped(HypervisorProfiles.standard().get("kvm"));
        assertThat(kvm.migrationCpu()).isEqualTo(new MigrationCpuCost(2.4, 0.82));
        DatacenterReport r = DatacenterSimulation.run(TestScenarios.evacuation(2, ByteSize.ofGiB(1), new NoWrites(),
                kvm), null);
        assertThat(r.migrations()).hasSize(2);
        // within 0.5 %: each stream carries its guest's 1 GiB plus an 8-byte header per 4 KiB page (0.2 %) and
        // the device state
        assertThat(host(r, "r0-h0").migrationCpuSeconds()).isCloseTo(0.864, within(0.864 * 5e-3));
        assertThat(host(r, "r0-h1").migrationCpuSeconds()).isCloseTo(1.968, within(1.968 * 5e-3));
        assertThat(host(r, "r0-h2").migrationCpuSeconds()).isCloseTo(1.968, within(1.968 * 5e-3));
        assertThat(r.migrationCpuSeconds()).isCloseTo(4.8, within(4.8 * 5e-3));
    }

    // Conservation: the core-seconds the hosts spent equal the bytes the streams carried times the measured cost,
    // the source's share on the source (a cost charged to the source alone, or twice, fails).
    @Test
    void theHostsSpendTheMeasuredCostPerGiBSent() {
        HypervisorProfile kvm = TestScenarios.uncapped(HypervisorProfiles.standard().get("kvm"));
        DatacenterReport r = DatacenterSimulation.run(TestScenarios.evacuation(2, ByteSize.ofGiB(1), new NoWrites(),
                kvm), null);
        double bytes = 0;
        for (MigrationRecord m : r.migrations()) bytes += m.result().traffic().bytesTransferred();
        double expected = bytes / GIB * kvm.migrationCpu().cpuSecondsPerGiB();
        // within 0.01 %: the rate-based stream carries a few KiB per migration that its result does not count
        assertThat(r.migrationCpuSeconds()).isCloseTo(expected, within(expected * 1e-4));
        assertThat(host(r, "r0-h0").migrationCpuSeconds()).isCloseTo(r.migrationCpuSeconds() * 0.18,
                within(expected * 1e-9));
    }

    // A profile without a measured cost keeps the scenario's cores per Gbit/s on the source alone (0 here).
    @Test
    void aProfileWithoutAMeasuredCostChargesTheScenariosRateOnTheSourceOnly() {
        DatacenterReport r = DatacenterSimulation.run(TestScenarios.evacuation(2, ByteSize.ofGiB(1)), null);
        assertThat(r.migrationCpuSeconds()).isZero();
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedNamingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MigrationCpuCost.of("profiles[x]", 2.4, 1.2))
                .hasMessage("profiles[x].migrationCpuDestinationShare: 0 to 1 (got 1.2)");
    }

    private static HostSummary host(DatacenterReport r, String name) {
        return r.hostSummaries().stream().filter(h -> h.host().equals(name)).findFirst().orElseThrow();
    }
}
