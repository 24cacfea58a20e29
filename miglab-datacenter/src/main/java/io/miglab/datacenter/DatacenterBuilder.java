package io.miglab.datacenter;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.unit.ByteSize;
import io.miglab.datacenter.engine.SimRandom;
import io.miglab.datacenter.model.Datacenter;
import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Topology;
import io.miglab.datacenter.model.CpuColumn;
import io.miglab.datacenter.model.CpuSeries;
import io.miglab.datacenter.model.Vm;
import io.miglab.datacenter.policy.PolicyContext;
import io.miglab.datacenter.scenario.RackGroup;
import io.miglab.datacenter.scenario.Scenario;
import io.miglab.datacenter.scenario.ScenarioSize;
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

    /**
     * Creates every VM, samples its demand at time 0 and places it where its memory fits: {@code spread} goes
     * round-robin over the hosts (or the population's own {@code hosts}), passing over those without the room; a
     * placement name asks that placement, which also keeps each host's CPU within the placement ceiling. A VM that
     * fits nowhere makes the scenario an error naming its population and the memory it is short of.
     */
    static void populate(Datacenter dc, Scenario s, SimRandom random, PolicyContext placement) {
        Map<String, Host> byName = new HashMap<>();
        for (Host h : dc.hosts()) byName.put(h.name(), h);
        Map<ByteSize, GuestMemory> memories = new HashMap<>();
        int id = 0;
        int spread = 0;
        for (int gi = 0; gi < s.vms().size(); gi++) {
            VmGroup g = s.vms().get(gi);
            SplittableRandom draw = random.stream("vms." + g.name());
            List<Host> pinned = new ArrayList<>();
            for (String n : g.hosts()) {
                Host h = byName.get(n);
                if (h == null) throw new InvalidSpecException("vms.hosts", "host names like r0-h0", n);
                pinned.add(h);
            }
            List<Host> allowed = pinned.isEmpty() ? dc.hosts() : pinned;
            long freeAtStart = 0;
            for (Host h : allowed) freeAtStart += Math.max(0, h.memoryFreeBytes());
            int next = 0;
            // one column per population: the tick samples it in one loop (CpuColumn); the same draws as series()
            java.util.Optional<CpuColumn> column = g.cpu().column();
            double weights = totalWeight(g); // once per population, not once per VM
            for (int i = 0; i < g.count(); i++, id++) {
                ByteSize size = pick(g, weights, draw);
                GuestMemory memory = memories.computeIfAbsent(size,
                        b -> GuestMemory.of(b).withZeroPageShare(g.zeroPageShare()));
                if (memory.zeroPageShare() != g.zeroPageShare()) memory = memory.withZeroPageShare(g.zeroPageShare());
                CpuSeries cpu = column.isPresent() ? column.get().add(i, draw) : g.cpu().series(i, draw);
                Vm vm = new Vm(id, g.name() + "-" + i, g.vcpus(), memory, g.writes(), cpu, g.storage());
                vm.cpu().shareAt(0);
                Host host;
                if (!pinned.isEmpty() || s.initialPlacement().equals("spread")) {
                    int start = pinned.isEmpty() ? spread : next;
                    int k = roomFrom(allowed, start, memory.bytes());
                    host = k < 0 ? null : allowed.get(k);
                    if (pinned.isEmpty()) spread = k + 1;
                    else next = k + 1;
                } else {
                    host = placement.choose(vm);
                }
                if (host == null) throw cannotPlace(gi, g, i, vm, freeAtStart, pinned.isEmpty() ? "" : "its ",
                        !pinned.isEmpty() || s.initialPlacement().equals("spread") ? ""
                                : " within " + Math.round(s.policy().placementCeiling() * 100) + " % CPU");
                dc.add(vm, host, 0);
                placement.refresh(host);
            }
        }
        dc.updateDemand(0);
    }

    /**
     * The first host from {@code start} on (round-robin) with {@code bytes} of memory free, as an index into
     * {@code hosts}; -1 if none has. With room everywhere this is {@code start}, the plain round-robin.
     */
    private static int roomFrom(List<Host> hosts, int start, long bytes) {
        int n = hosts.size();
        for (int j = 0; j < n; j++) {
            int k = (start + j) % n;
            if (hosts.get(k).memoryFreeBytes() >= bytes) return k;
        }
        return -1;
    }

    private static InvalidSpecException cannotPlace(int gi, VmGroup g, int placed, Vm vm, long freeAtStart,
                                                    String whose, String cpu) {
        double mean = meanBytes(g);
        long need = Math.round(mean * g.count());
        String shortBy = need > freeAtStart ? ScenarioSize.format(need - freeAtStart) + " short"
                : "enough in all but not in one piece per VM";
        return new InvalidSpecException("vms[" + gi + "] (" + g.name() + ")",
                "VMs that fit " + whose + "hosts' free memory" + cpu,
                g.count() + " VMs of " + (g.memoryChoices().size() == 1 ? "" : "about ")
                        + ScenarioSize.format(mean) + " need " + ScenarioSize.format(need) + ", "
                        + whose + "hosts have " + ScenarioSize.format(freeAtStart) + " free: " + shortBy + "; "
                        + vm.name() + " (" + vm.memory().size() + ") fits on none after " + placed + " placed");
    }

    /** Mean memory of one VM of the population, by its weights. */
    private static double meanBytes(VmGroup g) {
        List<ByteSize> c = g.memoryChoices();
        double total = 0, weights = 0;
        for (int i = 0; i < c.size(); i++) {
            double w = g.memoryWeights().isEmpty() ? 1 : g.memoryWeights().get(i);
            total += w * c.get(i).bytes();
            weights += w;
        }
        return total / weights;
    }

    /** The sum of the population's memory weights (0 without weights). */
    private static double totalWeight(VmGroup g) {
        return g.memoryWeights().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** A memory size drawn by the weights, whose sum is {@code total}. */
    private static ByteSize pick(VmGroup g, double total, SplittableRandom r) {
        List<ByteSize> c = g.memoryChoices();
        if (c.size() == 1) return c.get(0);
        if (g.memoryWeights().isEmpty()) return c.get(r.nextInt(c.size()));
        double x = r.nextDouble() * total;
        for (int i = 0; i < c.size(); i++) {
            x -= g.memoryWeights().get(i);
            if (x < 0) return c.get(i);
        }
        return c.get(c.size() - 1);
    }
}
