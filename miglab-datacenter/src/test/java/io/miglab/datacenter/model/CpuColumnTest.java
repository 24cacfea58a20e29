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

    /**
     * The work a column does ahead of a tick on another thread (the diurnal shares, the random walk's next draws)
     * changes no number: sampled with it, even for another time than prepared, with VMs read one by one and slots
     * added in between, a column gives bit for bit what a column sampled without it gives.
     */
    @Property(tries = 60)
    void workDoneAheadChangesNoNumber(@ForAll @IntRange(min = 1, max = 60) int vms,
                                      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        java.util.concurrent.Executor worker = java.util.concurrent.ForkJoinPool.commonPool();
        for (CpuPattern p : List.of(new CpuPattern.Diurnal(0.4, 0.3, 86400, 21600, 7200),
                new CpuPattern.RandomWalk(0.4, 0.1, 0.05, 0.9))) {
            CpuColumn ahead = p.column().orElseThrow();
            CpuColumn plain = p.column().orElseThrow();
            SplittableRandom a = new SplittableRandom(seed), b = new SplittableRandom(seed);
            List<CpuSeries> each = new ArrayList<>();
            int total = vms + 8;
            for (int i = 0; i < vms; i++) add(ahead, plain, each, i, a, b);
            double[] got = new double[total], want = new double[total];
            for (int tick = 0; tick < 20; tick++) {
                double t = tick * 300.0;
                ahead.prepare(tick % 7 == 3 ? t + 1 : t, worker); // now and then prepared for another time
                if (tick % 5 == 2) { // one VM read on its own between ticks, at a time of its own
                    int i = (int) ((seed + tick) % each.size());
                    assertThat(each.get(i).shareAt(t - 150)).isEqualTo(plain.shareAt(i, t - 150));
                }
                if (tick == 10) for (int i = vms; i < total; i++) add(ahead, plain, each, i, a, b);
                ahead.sampleInto(t, got);
                plain.sampleInto(t, want);
                assertThat(got).as("%s at %s s", p.describe(), t).isEqualTo(want);
            }
        }
    }

    private static void add(CpuColumn ahead, CpuColumn plain, List<CpuSeries> each, int i, SplittableRandom a,
                            SplittableRandom b) {
        CpuColumn.Slot s = ahead.add(i, a);
        ahead.bind(s.slot(), i);
        plain.bind(plain.add(i, b).slot(), i);
        each.add(s);
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
