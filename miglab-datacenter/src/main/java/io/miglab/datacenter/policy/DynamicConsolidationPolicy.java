package io.miglab.datacenter.policy;

import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Dynamic VM consolidation as Beloglazov and Buyya run it (CCPE 2012, section 6 and algorithms 1-2), with one of
 * their overload detectors:
 * <ol>
 * <li>every host the detector finds overloaded (with the share it carries once the VMs already leaving are gone)
 * gives up VMs in the selection's order until the detector no longer finds it overloaded;</li>
 * <li>those VMs are placed in decreasing order of CPU demand (the "decreasing" of PABFD) with the configured
 * placement, never on an overloaded host;</li>
 * <li>then every other host, least utilised first, is emptied if all its VMs can be placed elsewhere, and switched
 * off ({@link ConsolidationPolicy}'s emptying, for every host rather than those under a threshold; it gives up
 * for the tick after {@link ConsolidationPolicy#MAX_FAILURES_PER_TICK} hosts that could not be emptied).</li>
 * </ol>
 */
public final class DynamicConsolidationPolicy implements SchedulingPolicy {
    private final OverloadDetector detector;

    public DynamicConsolidationPolicy(OverloadDetector detector) {
        this.detector = detector;
    }

    @Override
    public void schedule(PolicyContext c) {
        ConsolidationPolicy.releaseDraining(c);
        List<Host> overloaded = new ArrayList<>();
        for (Host h : c.datacenter().hosts()) {
            if (h.isOn() && !h.inMaintenance() && !h.isDraining() && overloaded(c, h, 0)) overloaded.add(h);
        }
        overloaded.sort(Comparator.comparingDouble((Host h) -> -h.demandShare()).thenComparingInt(Host::id));
        List<Vm> leaving = new ArrayList<>();
        for (Host h : overloaded) {
            double shed = 0;
            for (Vm vm : c.candidates(h)) {
                if (!overloaded(c, h, shed) || leaving.size() >= c.budget()) break;
                leaving.add(vm);
                shed += vm.demandCores();
            }
        }
        for (Host h : overloaded) setDraining(c, h, true); // no VM goes to an overloaded host
        leaving.sort(Comparator.comparingDouble((Vm v) -> -v.demandCores()).thenComparingInt(Vm::id));
        for (Vm vm : leaving) {
            Host to = c.choose(vm);
            if (to != null) c.migrate(vm, to, PolicyContext.OVERLOAD);
        }
        for (Host h : overloaded) setDraining(c, h, false);
        BitSet skip = new BitSet();
        for (Host h : overloaded) skip.set(h.id());
        ConsolidationPolicy.emptyUnderloaded(c, i -> !skip.get(i));
    }

    private boolean overloaded(PolicyContext c, Host h, double shedCores) {
        double share = (c.datacenter().stayingCores(h) - shedCores) / h.spec().cores();
        return detector.overloaded(c.history(h), share, c.config());
    }

    private static void setDraining(PolicyContext c, Host h, boolean on) {
        c.datacenter().setDraining(h, on);
        c.refresh(h);
    }
}
