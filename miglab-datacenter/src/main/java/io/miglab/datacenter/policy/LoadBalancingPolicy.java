package io.miglab.datacenter.policy;

import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Load balancing: every host whose CPU demand is over the over-utilisation threshold sheds VMs, in the selection's
 * order, until what stays is under it; each goes where the placement says, without pushing that host over.
 * The most loaded host goes first.
 */
public final class LoadBalancingPolicy implements SchedulingPolicy {
    @Override
    public void schedule(PolicyContext c) {
        double over = c.config().overThreshold();
        List<Host> overloaded = new ArrayList<>();
        List<Host> hosts = c.datacenter().hosts();
        HostScan scan = c.scan();
        for (int i = 0; i < scan.size(); i++) if (scan.stayingShare(i, c.datacenter()) > over) overloaded.add(hosts.get(i));
        overloaded.sort(Comparator.comparingDouble((Host h) -> -h.demandShare()).thenComparingInt(Host::id));
        for (Host h : overloaded) {
            double cores = c.datacenter().stayingCores(h);
            for (Vm vm : c.candidates(h)) {
                if (cores / h.spec().cores() <= over || c.budget() <= 0) break;
                Host to = c.choose(vm);
                if (to == null) continue;
                c.migrate(vm, to, PolicyContext.OVERLOAD);
                cores -= vm.demandCores();
            }
            if (c.budget() <= 0) return;
        }
    }
}
