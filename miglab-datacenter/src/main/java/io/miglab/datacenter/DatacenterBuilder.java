package io.miglab.datacenter;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.unit.ByteSize;
import io.miglab.datacenter.engine.SimRandom;
import io.miglab.datacenter.model.Datacenter;
import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Topology;
import io.miglab.datacenter.model.Vm;
import io.miglab.datacenter.policy.PolicyContext;
import io.miglab.datacenter.scenario.RackGroup;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.VmGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds the hosts, racks and VMs of a scenario and places the VMs for the start. */
final class DatacenterBuilder {
    private DatacenterBuilder() { }

    static Datacenter build(Scenario s) {
        List<Host> hosts = new ArrayList<>();
        int rack = 0;
        for (RackGroup g : s.racks()) {
            for (int r = 0; r < g.racks(); r++, rack++) {
                for (int h = 0; h < g.hostsPerRack(); h++) {
                    hosts.add(new Host(hosts.size(), "r" + rack + "-h" + h, rack, g.host()));
                }
            }
        }
        Topology topology = new Topology(hosts, rack, s.network().rackUplink().bytesPerSecond(),
                s.network().core().bytesPerSecond());
        return new Datacenter(hosts, rack, topology, s.policy().overThreshold());
    }

    /** Creates every VM, samples its demand at time 0 and places it. */
    static void populate(Datacenter dc, Scenario s, SimRandom random, PolicyContext placement) {
        Map<String, Host> byName = new HashMap<>();
        for (Host h : dc.hosts()) byName.put(h.name(), h);
        Map<ByteSize, GuestMemory> memories = new HashMap<>();
        int id = 0;
        int spread = 0;
        for (VmGroup g : s.vms()) {
            SplittableRandom draw = random.stream("vms." + g.name());
            List<Host> pinned = new ArrayList<>();
            for (String n : g.hosts()) {
                Host h = byName.get(n);
                if (h == null) throw new InvalidSpecException("vms.hosts", "host names like r0-h0", n);
                pinned.add(h);
            }
            for (int i = 0; i < g.count(); i++, id++) {
                ByteSize size = pick(g, draw);
                GuestMemory memory = memories.computeIfAbsent(size,
                        b -> GuestMemory.of(b).withZeroPageShare(g.zeroPageShare()));
                if (memory.zeroPageShare() != g.zeroPageShare()) memory = memory.withZeroPageShare(g.zeroPageShare());
                Vm vm = new Vm(id, g.name() + "-" + i, g.vcpus(), memory, g.writes(), g.cpu().series(i, draw));
                vm.cpu().shareAt(0);
                Host host;
                if (!pinned.isEmpty()) {
                    host = pinned.get(i % pinned.size());
                } else if (s.initialPlacement().equals("spread")) {
                    host = dc.hosts().get(spread++ % dc.hosts().size());
                } else {
                    host = placement.choose(vm);
                    if (host == null) {
                        throw new InvalidSpecException("vms", "populations that fit the hosts at the start",
                                vm.name() + " fits on no host");
                    }
                }
                dc.add(vm, host, 0);
            }
        }
        dc.updateDemand(0);
    }

    private static ByteSize pick(VmGroup g, SplittableRandom r) {
        List<ByteSize> c = g.memoryChoices();
        if (c.size() == 1) return c.get(0);
        if (g.memoryWeights().isEmpty()) return c.get(r.nextInt(c.size()));
        double total = g.memoryWeights().stream().mapToDouble(Double::doubleValue).sum();
        double x = r.nextDouble() * total;
        for (int i = 0; i < c.size(); i++) {
            x -= g.memoryWeights().get(i);
            if (x < 0) return c.get(i);
        }
        return c.get(c.size() - 1);
    }
}
