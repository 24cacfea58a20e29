package io.miglab.datacenter;

import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import io.miglab.core.write.WriteModel;
import io.miglab.datacenter.model.CpuPattern;
import io.miglab.datacenter.model.HostSpec;
import io.miglab.datacenter.model.PowerModel;
import io.miglab.datacenter.policy.PolicyConfig;
import io.miglab.core.profile.HypervisorProfile;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.datacenter.scenario.Maintenance;
import io.miglab.datacenter.scenario.NetworkConfig;
import io.miglab.datacenter.scenario.RackGroup;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.VmGroup;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Small scenarios built in code for the tests. */
final class TestScenarios {
    static final DataRate NIC = DataRate.ofMiBps(100);
    static final HostSpec HOST = new HostSpec(16, ByteSize.ofGiB(64), NIC, new PowerModel(100, 200));

    private TestScenarios() { }

    static NetworkConfig network() {
        return new NetworkConfig(DataRate.ofGbitps(100), DataRate.ofGbitps(1000), Duration.ZERO, 0);
    }

    /** Xen's policy without a bandwidth cap: an idle guest sends its memory once, then the device state. */
    static HypervisorProfile xen() {
        return HypervisorProfiles.standard().get("xen");
    }

    /** {@code k} VMs of {@code memory} on r0-h0, evacuated at time 0 to the other {@code k} hosts of one rack. */
    static Scenario evacuation(int k, ByteSize memory, WriteModel writes, HypervisorProfile profile) {
        return new Scenario("evacuation", 1, 3600, 300, profile,
                new PolicyConfig("none", 0.8, 0.2, 0.8, "smallest-memory", "least-loaded", 100, k, 100), network(),
                List.of(new RackGroup(1, k + 1, HOST)),
                List.of(new VmGroup("vm", k, 2, List.of(memory), List.of(), 0, writes, new CpuPattern.Constant(0.5),
                        List.of("r0-h0"))),
                List.of(new Maintenance(0, List.of("r0-h0"), List.of())), "spread", 100);
    }

    static Scenario evacuation(int k, ByteSize memory) {
        return evacuation(k, memory, new NoWrites(), xen());
    }

    static HypervisorProfile uncapped(HypervisorProfile p) {
        return p.withBandwidthCap(Optional.empty());
    }
}
