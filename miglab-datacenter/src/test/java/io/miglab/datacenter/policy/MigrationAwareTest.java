package io.miglab.datacenter.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.HostSpec;
import io.miglab.datacenter.model.PowerModel;
import io.miglab.datacenter.model.Vm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** miglab's migration-aware selection and placement, the cool-down, and PABFD, on hosts made by hand. */
class MigrationAwareTest {
    private static final PolicyConfig CONFIG = PolicyConfig.defaults("thr"); // over 0.8, cool-down 1 h

    /**
     * 16 cores, 12.8 allowed: vm0 8 x 0.9 = 7.2 cores, 4 GiB; vm1 1 x 0.3 = 0.3 cores, 1 GiB; vm2 8 x 0.8 = 6.4
     * cores, 2 GiB; 13.9 cores, excess E = 1.1.
     */
    private static HandMadeHosts overloaded() {
        HandMadeHosts d = new HandMadeHosts(3);
        d.vm(0, 8, 4, 0.9);
        d.vm(0, 1, 1, 0.3);
        d.vm(0, 8, 2, 0.8);
        return d;
    }

    // Guards the weighing: vm0 and vm2 each relieve the whole excess (relief 1), vm1 0.3 / 1.1; cost = time, downtime
    // and bytes over their means. vm2 (relief 1, half vm0's memory) goes first, vm1 (cheapest, relieves little)
    // last; MMT and MU would take vm1 first, which leaves the host overloaded.
    @Test
    void selection_weighsReliefAgainstPredictedCost() {
        HandMadeHosts d = overloaded();
        PolicyContext c = d.context(MigrationAware.selection(), Placement.firstFit(), CONFIG, 1);
        d.tick(c);
        Host h = d.hosts.get(0);
        Map<Vm, Double> scores = MigrationAware.scores(c, h, h.vms());
        double[] t = new double[3], dt = new double[3], b = new double[3];
        for (int i = 0; i < 3; i++) {
            MigrationResult r = c.predict(h.vms().get(i), 100 * 1048576.0);
            t[i] = r.timing().totalTimeMs();
            dt[i] = r.timing().downtimeMs();
            b[i] = r.traffic().bytesTransferred();
        }
        double[] relief = {1, 0.3 / 1.1, 1};
        for (int i = 0; i < 3; i++) {
            double cost = t[i] / mean(t) + dt[i] / mean(dt) + b[i] / mean(b);
            assertThat(scores.get(h.vms().get(i))).isCloseTo(relief[i] / cost, within(1e-9));
        }
        assertThat(HandMadeHosts.names(c.candidates(h))).containsExactly("vm2", "vm0", "vm1");
        assertThat(b[0]).isGreaterThan(b[2]).isGreaterThan(b[1]); // the prediction sees memory sizes
    }

    // Guards the tie-break: two VMs alike in every way are picked first equally often, not the lower id.
    @Test
    void selection_breaksTiesByDrawNotById() {
        HandMadeHosts d = new HandMadeHosts(2);
        d.vm(0, 8, 2, 1.0);
        d.vm(0, 8, 2, 1.0);
        PolicyContext c = d.context(MigrationAware.selection(), Placement.firstFit(), CONFIG, 3);
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            d.tick(c);
            first.merge(c.candidates(d.hosts.get(0)).get(0).name(), 1, Integer::sum);
        }
        assertThat(first).hasSize(2).allSatisfy((vm, n) -> assertThat(n).isBetween(70, 130));
    }

    // Guards the cool-down: a VM asked to move is not a candidate again until policy.coolDown has passed
    // (12 ticks of 300 s), except off a host in maintenance; selections without a cool-down still list it.
    @Test
    void coolDown_keepsAMovedVmFromBeingPickedAgain() {
        HandMadeHosts d = overloaded();
        PolicyContext c = d.context(MigrationAware.selection(), Placement.firstFit(), CONFIG, 1);
        d.tick(c);
        Vm vm2 = d.hosts.get(0).vms().get(2);
        c.migrate(vm2, d.hosts.get(1), PolicyContext.OVERLOAD);
        d.dc.moveVm(vm2, d.hosts.get(1), vm2.demandCores(), 0);
        d.dc.endMigration(vm2, d.hosts.get(0), d.hosts.get(1), true, 0, 0, 0);
        for (int i = 1; i < 12; i++) {
            d.tick(c);
            assertThat(c.candidates(d.hosts.get(1))).as("tick " + i).doesNotContain(vm2);
        }
        d.dc.setMaintenance(d.hosts.get(1), true);
        assertThat(c.candidates(d.hosts.get(1))).contains(vm2);
        d.dc.setMaintenance(d.hosts.get(1), false);
        d.tick(c); // 3600 s after the move
        assertThat(c.candidates(d.hosts.get(1))).contains(vm2);
    }

    // Guards the placement: the prediction of a move to h1, whose NIC already carries a migration, is twice as long
    // as to h2, so h2 is chosen although best fit (h1 is fuller) would take h1.
    @Test
    void placement_prefersTheDestinationTheMoveReachesSooner() {
        HandMadeHosts d = new HandMadeHosts(4);
        Vm mover = d.vm(0, 2, 4, 0.5);
        d.vm(1, 4, 1, 0.5);
        Vm other = d.vm(3, 1, 1, 0.1);
        PolicyContext best = d.context(VmSelection.smallestMemory(), Placement.bestFit(), CONFIG, 1);
        d.tick(best);
        d.dc.beginMigration(other, d.hosts.get(1), 0); // h1 now takes part in one migration
        best.begin(0);
        assertThat(best.choose(mover).name()).isEqualTo("h1");
        PolicyContext aware = d.context(VmSelection.smallestMemory(), MigrationAware.placement(), CONFIG, 1);
        aware.begin(0);
        assertThat(aware.choose(mover).name()).isEqualTo("h2");
    }

    // Guards PABFD: the host whose power rises least takes the VM: h0's power rises 300 W over its 16 cores, h1's
    // 100 W, so h1 (first fit would take h0); with equal hosts, the lower id (the paper's first minimum).
    @Test
    void powerAwareBestFit_choosesTheLeastPowerIncrease() {
        HostSpec steep = new HostSpec(16, ByteSize.ofGiB(64), DataRate.ofMiBps(100), new PowerModel(100, 400));
        HostSpec flat = new HostSpec(16, ByteSize.ofGiB(64), DataRate.ofMiBps(100), new PowerModel(100, 200));
        HandMadeHosts d = new HandMadeHosts(List.of(steep, flat, flat, flat));
        Vm vm = d.vm(3, 2, 1, 0.5);
        PolicyContext c = d.context(VmSelection.smallestMemory(), Placement.powerAware(), CONFIG, 1);
        d.tick(c);
        assertThat(c.choose(vm).name()).isEqualTo("h1");
        assertThat(Placement.powerAware().score(c, vm, d.hosts.get(0), 0, 1.0 / 16)).isCloseTo(300.0 / 16,
                within(1e-6));
    }

    private static double mean(double[] x) {
        return (x[0] + x[1] + x[2]) / 3;
    }
}
