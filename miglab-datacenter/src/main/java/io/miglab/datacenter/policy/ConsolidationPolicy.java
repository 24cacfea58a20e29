package io.miglab.datacenter.policy;

import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Consolidation (after Beloglazov and Buyya's CloudSim policies, CCPE 2012): first relieve over-utilised hosts as
 * {@link LoadBalancingPolicy} does; then take the under-utilised hosts, least loaded first, and empty each one
 * whose VMs all fit elsewhere (planned together, so a host is never half emptied); an emptied host is switched
 * off. A host being emptied takes no VMs in; a host that took VMs in this tick is not emptied in it.
 */
public final class ConsolidationPolicy implements SchedulingPolicy {
    /** Failed attempts after which a tick stops looking for hosts to empty (the next tick tries again). */
    static final int MAX_FAILURES_PER_TICK = 50;
    private final LoadBalancingPolicy balance = new LoadBalancingPolicy();

    @Override
    public void schedule(PolicyContext c) {
        releaseDraining(c); // a host whose emptying was cut short (a cancelled migration) takes VMs again
        balance.schedule(c);
        emptyUnderloaded(c, i -> c.scan().demandShare(i) < c.config().underThreshold());
    }

    /** Hosts being emptied with no migration left (one was cancelled) take VMs again. */
    static void releaseDraining(PolicyContext c) {
        for (Host h = c.datacenter().nextDraining(0); h != null; h = c.datacenter().nextDraining(h.id() + 1)) {
            if (h.migrations() == 0) {
                c.datacenter().setDraining(h, false);
                c.refresh(h);
            }
        }
    }

    /**
     * Empties the hosts whose ids {@code underloaded} accepts (among those on, not in maintenance, not being
     * emptied, with VMs and no migration), least loaded first, each only if all its VMs fit elsewhere, after switching off the
     * empty hosts. (No migration ends within a tick, so no host becomes empty during the emptying: asking for a
     * migration only reserves room.)
     */
    static void emptyUnderloaded(PolicyContext c, IntPredicate underloaded) {
        List<Host> hosts = c.datacenter().hosts();
        HostScan scan = c.scan();
        // least loaded first, ties by id, taken from a heap: the loop below stops long before the end
        LeastFirst under = c.leastFirst();
        for (int i = 0; i < scan.size(); i++) {
            if (scan.emptyOn(i)) switchOff(c, hosts.get(i)); // one pass: a host switched off is not on below
            if (scan.mayEmpty(i) && underloaded.test(i)) under.add(i, scan.demandShare(i));
        }
        int failures = 0;
        for (Host h = under.next(); h != null; h = under.next()) {
            if (h.migrations() > 0) continue;
            List<Vm> vms = c.candidates(h);
            if (vms.size() > c.budget() || failures >= MAX_FAILURES_PER_TICK) break;
            if (vms.size() < h.vmCount()) continue; // a VM in its cool-down stays, so the host cannot be emptied
            c.datacenter().setDraining(h, true);
            c.refresh(h);
            List<Host> targets = new ArrayList<>();
            for (Vm vm : vms) {
                Host to = c.choose(vm, false);
                if (to == null) break;
                c.plan(vm, to);
                targets.add(to);
            }
            c.clearPlan();
            if (targets.size() < vms.size()) {
                c.datacenter().setDraining(h, false);
                c.refresh(h);
                failures++;
                continue;
            }
            for (int i = 0; i < vms.size(); i++) c.migrate(vms.get(i), targets.get(i), PolicyContext.CONSOLIDATION);
        }
    }

    /** A host with nothing on it and nothing on its way is switched off (before it can be chosen as a target). */
    private static void switchOff(PolicyContext c, Host h) {
        c.datacenter().powerOff(h, c.now());
        c.refresh(h);
    }
}
