package io.miglab.datacenter.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link io.miglab.datacenter.model.Datacenter#stayingCores} reads arrays by VM id; it must give, to the last bit,
 * the walk over the host's VM objects it replaced (demand less each migrating VM's, in the order of the VMs), while
 * VMs start leaving, arrive, end their migrations and are lost.
 */
class StayingCoresTest {
    private record Move(Vm vm, Host source, Host destination) { }

    // Guards against the host's list of VM ids drifting from its list of VMs (order or members), and against the
    // datacenter's migrating flags by id drifting from the VMs' own.
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void arraysByIdGiveTheWalkOverTheVms(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        HandMadeHosts hh = new HandMadeHosts(12);
        List<Vm> vms = new ArrayList<>();
        for (int i = 0; i < 60; i++) vms.add(hh.vm(r.nextInt(12), 1 + r.nextInt(4), 1, 0.1 + r.nextInt(9) * 0.1));
        hh.dc.updateDemand(0);
        List<Move> moving = new ArrayList<>();
        for (int step = 0; step < 400; step++) {
            int what = r.nextInt(4);
            double now = step * HandMadeHosts.INTERVAL;
            Vm vm = vms.get(r.nextInt(vms.size()));
            Host to = hh.hosts.get(r.nextInt(12));
            if (what == 0 && !vm.isMigrating() && to != vm.host()) {
                moving.add(new Move(vm, vm.host(), to));
                hh.dc.beginMigration(vm, to, now);
            } else if (what == 1 && !moving.isEmpty()) { // the VM arrives; its migration has not ended yet
                Move m = moving.get(r.nextInt(moving.size()));
                if (m.vm.host() != m.destination) hh.dc.moveVm(m.vm, m.destination, m.vm.demandCores(), now);
            } else if (what == 2 && !moving.isEmpty()) { // the migration ends, or fails and loses the VM
                Move m = moving.remove(r.nextInt(moving.size()));
                boolean arrived = m.vm.host() == m.destination;
                if (r.nextInt(8) == 0) {
                    hh.dc.loseVm(m.vm, m.source, m.destination, m.vm.demandCores(), now);
                    vms.remove(m.vm);
                } else {
                    hh.dc.endMigration(m.vm, m.source, m.destination, arrived, m.vm.demandCores(), 0, now);
                }
            } else if (what == 3) {
                hh.dc.updateDemand(now);
            }
            for (Host h : hh.hosts) assertEquals(walk(h), hh.dc.stayingCores(h), 0.0, h + " at step " + step);
        }
    }

    /** The walk over the host's VM objects, as the policies summed it before the arrays by id. */
    private static double walk(Host h) {
        double cores = h.vmCores() + h.migrationCores();
        if (h.migrations() == 0 || h.migratingVms() == 0) return cores;
        for (Vm v : h.vms()) if (v.isMigrating()) cores -= v.demandCores();
        return cores;
    }
}
