package io.miglab.datacenter.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.datacenter.model.Host;
import io.miglab.datacenter.model.HostSpec;
import io.miglab.datacenter.model.PowerModel;
import io.miglab.datacenter.model.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Best fit and least loaded choose through {@link HostIndex}; the choice must be the plain scan's (every host
 * scored, ties to the lower id) on random hosts of mixed sizes, some off, some being emptied, with plans and
 * migrations changing the shares between choices.
 */
class HostIndexTest {
    private static final double[] SHARES = {0.05, 0.1, 0.25, 0.5, 0.75, 1.0};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void indexedChoiceIsTheScansChoice(long seed) {
        for (Placement p : List.of(Placement.bestFit(), Placement.leastLoaded())) {
            for (double ceiling : new double[] {0.7, 1.0}) check(seed, p, ceiling);
        }
    }

    private static void check(long seed, Placement placement, double ceiling) {
        SplittableRandom r = new SplittableRandom(seed);
        List<HostSpec> specs = new ArrayList<>();
        int n = 40 + r.nextInt(200);
        for (int i = 0; i < n; i++) {
            int cores = new int[] {16, 32, 48}[r.nextInt(3)];
            specs.add(new HostSpec(cores, ByteSize.ofGiB(new int[] {32, 64}[r.nextInt(2)]), DataRate.ofMiBps(100),
                    new PowerModel(100, 200)));
        }
        HandMadeHosts hh = new HandMadeHosts(specs);
        List<Vm> vms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (r.nextInt(5) == 0) continue; // left empty: switched off below
            int count = 1 + r.nextInt(6);
            for (int j = 0; j < count; j++) {
                Host h = hh.hosts.get(i);
                long memory = 1L << r.nextInt(3);
                if (h.memoryFreeBytes() < ByteSize.ofGiB(memory).bytes()) break;
                vms.add(hh.vm(i, 1 << r.nextInt(3), memory, SHARES[r.nextInt(SHARES.length)]));
            }
        }
        for (Host h : hh.hosts) {
            if (h.vms().isEmpty()) hh.dc.powerOff(h, 0);
            else if (r.nextInt(10) == 0) hh.dc.setDraining(h, true);
        }
        PolicyConfig config = new PolicyConfig("consolidation", Math.max(0.8, ceiling), 0.3, ceiling, "smallest-memory",
                "best-fit", 1000, 2, 1000, 0);
        PolicyContext c = hh.context(VmSelection.smallestMemory(), placement, config, seed);
        hh.tick(c);
        int found = 0;
        for (int step = 0; step < 400; step++) {
            Vm vm = vms.get(r.nextInt(vms.size()));
            Host indexed = c.choose(vm, false);
            assertEquals(c.chooseByScan(vm), indexed, placement + " seed " + seed + " step " + step + " " + vm);
            if (indexed == null) continue;
            found++;
            int what = r.nextInt(10);
            if (what < 5) c.plan(vm, indexed);
            else if (what < 6) c.clearPlan();
            else if (what < 8 && !vm.isMigrating()) c.migrate(vm, indexed, PolicyContext.OVERLOAD);
        }
        assertTrue(found > 0, "no choice was made: the test would prove nothing");
    }
}
