package io.miglab.datacenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.NoWrites;
import io.miglab.datacenter.model.CpuPattern;
import io.miglab.datacenter.policy.PolicyConfig;
import io.miglab.datacenter.report.DatacenterReport;
import io.miglab.datacenter.scenario.RackGroup;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.VmGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyAndPolicyTest {
    static Scenario hosts(int n, String policy, List<VmGroup> vms, double under) {
        return new Scenario("p", 3, 3600, 300, TestScenarios.xen(),
                new PolicyConfig(policy, 0.8, under, 0.8, "smallest-memory", "best-fit", 100, 4, 100),
                TestScenarios.network(), List.of(new RackGroup(1, n, TestScenarios.HOST)), vms, List.of(), "spread",
                100);
    }

    static VmGroup vms(String name, int count, int vcpus, double share, List<String> on) {
        return new VmGroup(name, count, vcpus, List.of(ByteSize.ofGiB(1)), List.of(), 0, new NoWrites(),
                new CpuPattern.Constant(share), on);
    }

    /** Guards the linear power model and its integration: idle + (peak - idle) * u over the hour, per host. */
    @Test
    void energyOfAStaticDatacenterIsTheClosedForm() {
        // 2 hosts of 16 cores; 4 VMs of 2 vCPUs at 50 %: 2 VMs a host, 2 cores of 16 busy (u = 0.125)
        DatacenterReport r = DatacenterSimulation.run(hosts(2, "none", List.of(vms("v", 4, 2, 0.5, List.of())), 0.1),
                null);
        double watts = 100 + (200 - 100) * 0.125;
        assertThat(r.energyKWh()).isCloseTo(2 * watts * 3600 / 3.6e6, within(1e-9));
        assertThat(r.migrations()).isEmpty();
    }

    /** Guards load balancing: an over-utilised host sheds VMs until under the threshold, and the SLA time drops. */
    @Test
    void loadBalancingRelievesAnOverloadedHost() {
        // 8 VMs of 2 vCPUs at 100 % on one 16-core host: demand 1.0 > 0.8
        List<VmGroup> crowd = List.of(vms("busy", 8, 2, 1.0, List.of("r0-h0")));
        DatacenterReport none = DatacenterSimulation.run(hosts(3, "none", crowd, 0.1), null);
        DatacenterReport lb = DatacenterSimulation.run(hosts(3, "load-balancing", crowd, 0.1), null);
        assertThat(none.overloadHostSeconds()).isCloseTo(3600, within(1e-6));
        assertThat(lb.migrationsByReason()).containsEntry("overload", 2L);
        assertThat(lb.overloadHostSeconds()).isLessThan(60);
        assertThat(lb.hostSummaries().get(0).vmsAtEnd()).isEqualTo(6);
    }

    /** Guards consolidation: lightly loaded hosts are emptied and switched off, so energy falls. */
    @Test
    void consolidationSwitchesOffEmptiedHostsAndSavesEnergy() {
        List<VmGroup> light = List.of(vms("light", 4, 2, 0.2, List.of()));
        DatacenterReport none = DatacenterSimulation.run(hosts(4, "none", light, 0.2), null);
        DatacenterReport cons = DatacenterSimulation.run(hosts(4, "consolidation", light, 0.2), null);
        assertThat(cons.migrationsByReason()).containsEntry("consolidation", 3L);
        assertThat(cons.hostSummaries().stream().filter(h -> h.onAtEnd()).count()).isEqualTo(1);
        assertThat(cons.energyKWh()).isLessThan(none.energyKWh() * 0.5);
    }
}
