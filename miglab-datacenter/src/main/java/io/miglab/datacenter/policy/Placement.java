package io.miglab.datacenter.policy;

import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;

/**
 * Chooses a destination among the hosts that can take a VM ({@link PolicyContext#fits}). Hosts that are on are
 * tried first; only if none fits is a switched-off host woken (the first that fits).
 */
@FunctionalInterface
public interface Placement {
    /** A score for a host that fits; the lowest score wins, ties go to the lower host id. */
    double score(Host host, Vm vm, PolicyContext context);

    static Placement firstFit() { return (h, vm, c) -> 0; }

    /** The host left with the least spare CPU after the VM arrives (tightest packing). */
    static Placement bestFit() { return (h, vm, c) -> -c.committedShareWith(h, vm); }

    /** The host with the lowest CPU share now. */
    static Placement leastLoaded() { return (h, vm, c) -> c.committedShareWith(h, null); }
}
