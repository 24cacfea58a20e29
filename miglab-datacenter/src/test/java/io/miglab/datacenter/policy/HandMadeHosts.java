package io.miglab.datacenter.policy;

import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import io.miglab.datacenter.migration.MigrationPredictor;
import io.miglab.datacenter.model.Datacenter;
import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.HostSpec;
import io.miglab.datacenter.model.PowerModel;
import io.miglab.datacenter.model.Topology;
import io.miglab.datacenter.model.Vm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A few hosts and VMs built by hand, with a policy context over them (migrations are only recorded). */
final class HandMadeHosts {
    static final double INTERVAL = 300;
    static final HostSpec HOST = new HostSpec(16, ByteSize.ofGiB(64), DataRate.ofMiBps(100), new PowerModel(100, 200));
    final List<Host> hosts = new ArrayList<>();
    final Datacenter dc;
    final List<String> moves = new ArrayList<>();
    private final MigrationPredictor predictor = new MigrationPredictor(
            HypervisorProfiles.standard().get("xen").withBandwidthCap(Optional.empty()), Duration.ZERO,
            AlgorithmRegistry.standard());
    private int vms;
    private long tick = -1;

    HandMadeHosts(int n) {
        this(java.util.Collections.nCopies(n, HOST));
    }

    HandMadeHosts(List<HostSpec> specs) {
        for (HostSpec s : specs) hosts.add(new Host(hosts.size(), "h" + hosts.size(), 0, s));
        dc = new Datacenter(hosts, 1, new Topology(hosts, 1, 1e12, 1e12), 0.8);
    }

    /** A VM on host {@code host} whose CPU share at tick i is {@code shares[min(i, last)]}. */
    Vm vm(int host, int vcpus, long memoryGiB, double... shares) {
        Vm v = new Vm(vms, "vm" + vms++, vcpus, GuestMemory.of(ByteSize.ofGiB(memoryGiB)), new NoWrites(),
                t -> shares[(int) Math.min(shares.length - 1, Math.round(t / INTERVAL))]);
        dc.add(v, hosts.get(host), 0);
        return v;
    }

    PolicyContext context(VmSelection selection, Placement placement, PolicyConfig config, long seed) {
        return new PolicyContext(dc, config, placement, selection, new PolicyContext.Migrator() {
            @Override
            public void migrate(Vm vm, Host destination, String reason) {
                moves.add(vm.name() + "->" + destination.name());
                dc.beginMigration(vm, destination, 0);
            }

            @Override
            public double soloRateBytesPerSecond(Vm vm) { return vm.host().spec().nic().bytesPerSecond(); }

            @Override
            public MigrationResult predict(Vm vm, double bytesPerSecond) {
                return predictor.predict(vm.memory(), vm.writes(), bytesPerSecond);
            }
        }, seed);
    }

    /** The next tick: demand sampled, the context begun and its history recorded. */
    void tick(PolicyContext c) {
        double now = ++tick * INTERVAL;
        dc.updateDemand(now);
        c.begin(now);
        c.sample();
    }

    static List<String> names(List<Vm> vms) { return vms.stream().map(Vm::name).toList(); }
}
