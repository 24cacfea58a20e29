package io.miglab.datacenter.policy;

import io.miglab.core.error.InvalidSpecException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Scheduling policies, VM selections and placements by name, one line each. Maintenance evacuation is not in
 * this list: it runs with every policy when the scenario takes hosts down.
 */
public final class PolicyRegistry {
    private final Map<String, SchedulingPolicy> policies = new LinkedHashMap<>();
    private final Map<String, VmSelection> selections = new LinkedHashMap<>();
    private final Map<String, Placement> placements = new LinkedHashMap<>();

    public static PolicyRegistry standard() {
        return new PolicyRegistry()
                .policy("none", c -> { })
                .policy("load-balancing", new LoadBalancingPolicy())
                .policy("consolidation", new ConsolidationPolicy())
                // Beloglazov and Buyya, CCPE 2012, section 6.2, with their safety parameters and history lengths
                .policy("thr", new DynamicConsolidationPolicy(OverloadDetector.threshold()))
                .policy("mad", new DynamicConsolidationPolicy(new OverloadDetector.Mad(2.5, 12)))
                .policy("iqr", new DynamicConsolidationPolicy(new OverloadDetector.Iqr(1.5, 12)))
                .policy("lr", new DynamicConsolidationPolicy(new OverloadDetector.LocalRegression(1.2, 10, false)))
                .policy("lrr", new DynamicConsolidationPolicy(new OverloadDetector.LocalRegression(1.2, 10, true)))
                .selection("smallest-memory", VmSelection.smallestMemory())
                .selection("least-dirtying", VmSelection.leastDirtying())
                .selection("lowest-predicted-time", VmSelection.lowestPredictedTime())
                .selection("mu", VmSelection.minimumUtilisation())
                .selection("mmt", VmSelection.minimumMigrationTime())
                .selection("mc", new MaximumCorrelation())
                .selection("rs", VmSelection.randomChoice())
                .selection("migration-aware", MigrationAware.selection())
                .placement("first-fit", Placement.firstFit())
                .placement("best-fit", Placement.bestFit())
                .placement("least-loaded", Placement.leastLoaded())
                .placement("pabfd", Placement.powerAware())
                .placement("migration-aware", MigrationAware.placement());
    }

    public PolicyRegistry policy(String name, SchedulingPolicy p) { return put(policies, name, p); }

    public PolicyRegistry selection(String name, VmSelection s) { return put(selections, name, s); }

    public PolicyRegistry placement(String name, Placement p) { return put(placements, name, p); }

    public SchedulingPolicy policy(String name) { return get(policies, "policy.name", name); }

    public VmSelection selection(String name) { return get(selections, "policy.vmSelection", name); }

    public Placement placement(String name) { return get(placements, "policy.placement", name); }

    public Set<String> policyNames() { return Collections.unmodifiableSet(policies.keySet()); }

    public Set<String> selectionNames() { return Collections.unmodifiableSet(selections.keySet()); }

    public Set<String> placementNames() { return Collections.unmodifiableSet(placements.keySet()); }

    private <T> PolicyRegistry put(Map<String, T> map, String name, T value) {
        if (map.putIfAbsent(name, value) != null) throw new IllegalArgumentException(name + " registered twice");
        return this;
    }

    private static <T> T get(Map<String, T> map, String field, String name) {
        T t = map.get(name);
        if (t == null) throw new InvalidSpecException(field, "one of " + String.join(", ", map.keySet()), name);
        return t;
    }
}
