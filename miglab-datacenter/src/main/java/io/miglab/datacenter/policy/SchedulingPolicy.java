package io.miglab.datacenter.policy;

/** Decides, at each scheduling tick, which VMs to move where; asks through {@link PolicyContext#migrate}. */
@FunctionalInterface
public interface SchedulingPolicy {
    void schedule(PolicyContext context);
}
