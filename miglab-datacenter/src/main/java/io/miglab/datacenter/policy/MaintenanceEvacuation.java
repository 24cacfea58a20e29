package io.miglab.datacenter.policy;

import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;

/**
 * Maintenance evacuation: every VM on a host taken down for maintenance is moved to where the placement says,
 * regardless of the policy's per-interval budget; the migration scheduler's concurrency limits (per host and
 * overall) decide how many run at once. A VM that fits nowhere now is tried again at the next tick.
 */
public final class MaintenanceEvacuation implements SchedulingPolicy {
    @Override
    public void schedule(PolicyContext c) {
        if (c.datacenter().hostsInMaintenance() == 0) return; // no host to walk
        for (Host h : c.datacenter().hosts()) {
            if (!h.inMaintenance()) continue;
            for (Vm vm : c.candidates(h)) {
                Host to = c.choose(vm);
                if (to != null) c.migrate(vm, to, PolicyContext.EVACUATION);
            }
        }
    }
}
