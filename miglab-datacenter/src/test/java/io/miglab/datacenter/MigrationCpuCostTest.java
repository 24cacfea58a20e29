package io.miglab.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.profile.HypervisorProfile;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.NoWrites;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.report.HostSummary;
import io.miglab.datacenter.report.MigrationRecord;
import org.junit.jupiter.api.Test;

/**
 * The measured migration CPU cost of the qemu profile charged to the hosts: while a migration sends, each of its two
 * hosts spends half of {@code migrationCpuSecondsPerGiB} per GiB of the stream's rate.
 */
class MigrationCpuCostTest {
    private static final double GIB = 1024.0 * 1024 * 1024;

    // Conservation: the core-seconds the hosts spent equal the bytes the streams carried times the measured cost,
    // half on each source and half on each destination (a cost charged to the source alone, or twice, fails).
    @Test
    void theHostsSpendTheMeasuredCostPerGiBSentHalfOnEachSide() {
        HypervisorProfile kvm = TestScenarios.uncapped(HypervisorProfiles.standard().get("kvm"));
        assertThat(kvm.migrationCpuSecondsPerGiB()).isEqualTo(HypervisorProfiles.QEMU_MIGRATION_CPU_SECONDS_PER_GIB);
        DatacenterReport r = DatacenterSimulation.run(TestScenarios.evacuation(2, ByteSize.ofGiB(1), new NoWrites(),
                kvm), null);
        assertThat(r.migrations()).hasSize(2);
        double bytes = 0;
        for (MigrationRecord m : r.migrations()) bytes += m.result().traffic().bytesTransferred();
        double expected = bytes / GIB * kvm.migrationCpuSecondsPerGiB();
        // within 0.01 %: the rate-based stream carries a few KiB per migration that its result does not count
        assertThat(r.migrationCpuSeconds()).isCloseTo(expected, within(expected * 1e-4));
        HostSummary source = r.hostSummaries().stream().filter(h -> h.host().equals("r0-h0")).findFirst().orElseThrow();
        assertThat(source.migrationCpuSeconds()).isCloseTo(r.migrationCpuSeconds() / 2, within(expected * 1e-9));
    }

    // A profile without a measured cost keeps the scenario's cores per Gbit/s on the source alone (0 here).
    @Test
    void aProfileWithoutAMeasuredCostChargesTheScenariosRateOnTheSourceOnly() {
        DatacenterReport r = DatacenterSimulation.run(TestScenarios.evacuation(2, ByteSize.ofGiB(1)), null);
        assertThat(r.migrationCpuSeconds()).isZero();
    }
}
