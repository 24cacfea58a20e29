package io.miglab.datacenter.scenario;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.WorkingSetWrites;
import io.miglab.core.write.WriteModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of a scenario that need more than one of its parts: VM population names, writers that fit their
 * VMs, and host and rack names (in maintenance and in a population's {@code hosts}) that exist. Each failure is one
 * line naming the field.
 */
final class ScenarioChecks {
    private static final Pattern HOST = Pattern.compile("r(\\d{1,9})-h(\\d{1,9})");
    private static final Pattern RACK = Pattern.compile("r(\\d{1,9})");

    private ScenarioChecks() { }

    /** Called by the scenario's constructor, with its fields (they are not set yet). */
    static void check(double durationSeconds, List<RackGroup> racks, List<VmGroup> vms, List<Maintenance> downs) {
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < vms.size(); i++) {
            VmGroup g = vms.get(i);
            Integer before = names.putIfAbsent(g.name(), i);
            InvalidSpecException.require(before == null, "vms[" + i + "].name", "a name no other population has",
                    "'" + g.name() + "', also the name of vms[" + before + "]");
            writerFits("vms[" + i + "].writes", g);
            for (String h : g.hosts()) {
                InvalidSpecException.require(hostExists(racks, h), "vms[" + i + "].hosts",
                        "host names like r0-h0 that exist (" + hostRange(racks) + ")", h);
            }
        }
        long rackCount = rackCount(racks);
        for (int i = 0; i < downs.size(); i++) {
            Maintenance m = downs.get(i);
            InvalidSpecException.require(m.atSeconds() < durationSeconds, "maintenance[" + i + "].at",
                    "a time before the end of the run (" + durationSeconds + " s)", m.atSeconds() + " s");
            for (String h : m.hosts()) {
                InvalidSpecException.require(hostExists(racks, h), "maintenance[" + i + "].hosts",
                        "host names like r0-h0 that exist (" + hostRange(racks) + ")", h);
            }
            for (String r : m.racks()) {
                Matcher k = RACK.matcher(r);
                InvalidSpecException.require(k.matches() && Long.parseLong(k.group(1)) < rackCount,
                        "maintenance[" + i + "].racks", "rack names r0 to r" + (rackCount - 1), r);
            }
        }
    }

    /** A working set or sweep array no larger than the smallest memory the population's VMs may get. */
    private static void writerFits(String at, VmGroup g) {
        ByteSize smallest = g.memoryChoices().stream().min((a, b) -> Long.compare(a.bytes(), b.bytes())).orElseThrow();
        WriteModel w = g.writes();
        if (w instanceof WorkingSetWrites ws) {
            InvalidSpecException.require(ws.workingSet().bytes() <= smallest.bytes(), at + ".workingSet",
                    "at most the VM's memory (" + smallest + ")", ws.workingSet());
        } else if (w instanceof SweepWrites sw) {
            InvalidSpecException.require(sw.array().bytes() <= smallest.bytes(), at + ".array",
                    "at most the VM's memory (" + smallest + ")", sw.array());
        }
    }

    static long rackCount(List<RackGroup> groups) {
        long n = 0;
        for (RackGroup g : groups) n += g.racks();
        return n;
    }

    /** Whether {@code name} is rN-hM with rack N and host M in it. */
    static boolean hostExists(List<RackGroup> groups, String name) {
        Matcher m = HOST.matcher(name);
        if (!m.matches()) return false;
        long rack = Long.parseLong(m.group(1)), host = Long.parseLong(m.group(2));
        for (RackGroup g : groups) {
            if (rack < g.racks()) return host < g.hostsPerRack();
            rack -= g.racks();
        }
        return false;
    }

    private static String hostRange(List<RackGroup> groups) {
        RackGroup first = groups.get(0);
        long racks = rackCount(groups);
        return groups.size() == 1 ? "r0-h0 to r" + (racks - 1) + "-h" + (first.hostsPerRack() - 1)
                : "racks r0 to r" + (racks - 1) + ", hosts h0 to h" + (first.hostsPerRack() - 1) + " in r0";
    }
}
