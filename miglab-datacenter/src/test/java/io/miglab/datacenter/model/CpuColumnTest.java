package io.miglab.datacenter.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CpuColumnTest {
    /**
     * The tick samples a population's column in one loop; a VM's own series reads the same slot. Both ways, from the
     * same draws, must give the same numbers bit for bit at every tick (a random walk moves once per time).
     */
    @Property(tries = 100)
    void aColumnSampledWholeGivesWhatEachSlotGives(@ForAll @IntRange(min = 1, max = 50) int vms,
                                                   @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        for (CpuPattern p : List.of(new CpuPattern.Diurnal(0.4, 0.3, 86400, 21600, 7200),
                new CpuPattern.RandomWalk(0.4, 0.1, 0.05, 0.9))) {
            CpuColumn whole = p.column().orElseThrow();
            CpuColumn single = p.column().orElseThrow();
            SplittableRandom a = new SplittableRandom(seed), b = new SplittableRandom(seed);
            List<CpuSeries> each = new ArrayList<>();
            for (int i = 0; i < vms; i++) {
                CpuColumn.Slot s = whole.add(i, a);
                whole.bind(s.slot(), i);
                each.add(single.add(i, b));
            }
            double[] shares = new double[vms];
            for (int tick = 0; tick < 20; tick++) {
                double t = tick * 300.0;
                whole.sampleInto(t, shares);
                for (int i = 0; i < vms; i++) {
                    assertThat(shares[i]).as("%s, VM %d at %s s", p.describe(), i, t).isEqualTo(each.get(i).shareAt(t));
                }
            }
        }
    }

    /** Guards the diurnal formula: mean + amplitude * sin(2 pi (t - phase) / period), clamped to 0..1. */
    @Test
    void diurnalFollowsItsFormula() {
        CpuSeries s = new CpuPattern.Diurnal(0.4, 0.3, 86400, 21600, 0).series(0, new SplittableRandom(1));
        assertThat(s.shareAt(21600)).isEqualTo(0.4);
        assertThat(s.shareAt(43200)).isEqualTo(0.4 + 0.3 * Math.sin(2 * Math.PI / 86400 * 21600));
        assertThat(new CpuPattern.Diurnal(0.9, 0.5, 86400, 0, 0).series(0, new SplittableRandom(1)).shareAt(21600))
                .isEqualTo(1);
    }
}
