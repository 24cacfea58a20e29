package io.miglab.datacenter.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.datacenter.model.Host;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The classic VM selections (Beloglazov and Buyya, CCPE 2012, section 6.3) on a host made by hand. */
class VmSelectionTest {
    private static final PolicyConfig CONFIG = PolicyConfig.defaults("thr");

    /** vm0: 2 vCPUs at 90 % (1.8 cores), 4 GiB; vm1: 4 at 50 % (2 cores), 1 GiB; vm2: 1 at 20 % (0.2), 2 GiB. */
    private static HandMadeHosts threeVms() {
        HandMadeHosts d = new HandMadeHosts(2);
        d.vm(0, 2, 4, 0.9);
        d.vm(0, 4, 1, 0.5);
        d.vm(0, 1, 2, 0.2);
        return d;
    }

    private static List<String> order(HandMadeHosts d, VmSelection s, long seed) {
        PolicyContext c = d.context(s, Placement.firstFit(), CONFIG, seed);
        d.tick(c);
        return HandMadeHosts.names(c.candidates(d.hosts.get(0)));
    }

    // Guards MU: least CPU first (0.2, 1.8, 2.0 cores), not least memory or lowest id.
    @Test
    void minimumUtilisation_picksTheVmAskingLeastCpu() {
        assertThat(order(threeVms(), VmSelection.minimumUtilisation(), 1)).containsExactly("vm2", "vm0", "vm1");
    }

    // Guards MMT: RAM / bandwidth, 1 GiB / 100 MiB/s = 10.24 s first, then 2 GiB, then 4 GiB.
    @Test
    void minimumMigrationTime_picksTheShortestCopy() {
        assertThat(order(threeVms(), VmSelection.minimumMigrationTime(), 1)).containsExactly("vm1", "vm2", "vm0");
    }

    // Guards RS: a seeded draw per tick, the same for the same seed, and no VM favoured (by id or otherwise):
    // over 300 ticks each of the three VMs comes first about 100 times.
    @Test
    void randomChoice_isSeededAndFavoursNoVm() {
        assertThat(order(threeVms(), VmSelection.randomChoice(), 7))
                .isEqualTo(order(threeVms(), VmSelection.randomChoice(), 7));
        HandMadeHosts d = threeVms();
        PolicyContext c = d.context(VmSelection.randomChoice(), Placement.firstFit(), CONFIG, 7);
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            d.tick(c);
            first.merge(c.candidates(d.hosts.get(0)).get(0).name(), 1, Integer::sum);
        }
        assertThat(first).hasSize(3).allSatisfy((vm, n) -> assertThat(n).isBetween(70, 130));
    }

    // Guards MC: vm1's history is exactly 1 - vm0's (R^2 = 1 on the others), and so is vm0 on vm1; vm2 is
    // unrelated (R^2 < 1). The two with R^2 = 1 go first, between them MMT's order (vm1's 1 GiB before vm0's 4).
    @Test
    void maximumCorrelation_picksTheVmTheOthersExplain() {
        double[] a = {0.1, 0.5, 0.3, 0.8, 0.2, 0.6, 0.4, 0.9, 0.7, 0.3, 0.5, 0.2};
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) b[i] = 1 - a[i];
        double[] noise = {0.3, 0.35, 0.2, 0.4, 0.45, 0.1, 0.3, 0.25, 0.5, 0.15, 0.4, 0.3};
        HandMadeHosts d = new HandMadeHosts(2);
        d.vm(0, 2, 4, a);
        d.vm(0, 2, 1, b);
        d.vm(0, 2, 2, noise);
        PolicyContext c = d.context(new MaximumCorrelation(), Placement.firstFit(), CONFIG, 1);
        for (int i = 0; i < a.length; i++) d.tick(c);
        Host h = d.hosts.get(0);
        List<double[]> series = List.of(c.history(h.vms().get(0)), c.history(h.vms().get(1)),
                c.history(h.vms().get(2)));
        assertThat(MaximumCorrelation.rSquared(series, 0)).isCloseTo(1, within(1e-9));
        assertThat(MaximumCorrelation.rSquared(series, 2)).isLessThan(0.9);
        assertThat(HandMadeHosts.names(c.candidates(h))).containsExactly("vm1", "vm0", "vm2");
    }

    // R^2 of y on one regressor is Pearson's r squared: y = 1..5, x = 2, 1, 4, 3, 6 -> r = 0.82199, r^2 = 0.675676.
    @Test
    void rSquared_ofOneRegressorIsPearsonsRSquared() {
        double[] y = {1, 2, 3, 4, 5};
        double[] x = {2, 1, 4, 3, 6};
        assertThat(MaximumCorrelation.rSquared(List.of(y, x), 0)).isCloseTo(0.675676, within(1e-6));
    }

    // Guards MC's fallback: with fewer samples than VMs + 1 no regression can be fitted, and the order is MMT's.
    @Test
    void maximumCorrelation_fallsBackToMinimumMigrationTime() {
        assertThat(order(threeVms(), new MaximumCorrelation(), 1)).containsExactly("vm1", "vm2", "vm0");
    }
}
