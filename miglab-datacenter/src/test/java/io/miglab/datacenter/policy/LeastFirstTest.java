package io.miglab.datacenter.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.datacenter.model.Host;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class LeastFirstTest {
    /**
     * Consolidation takes its under-loaded hosts from {@link LeastFirst} instead of sorting them: the order must be
     * exactly the sort by (key, id) it replaced, ties (few distinct keys here) included, however many are taken.
     */
    @Property(tries = 200)
    void handsOutHostsInTheOrderOfASortByKeyThenId(@ForAll @IntRange(min = 0, max = 300) int hosts,
                                                    @ForAll @IntRange(min = 1, max = 20) int distinctKeys,
                                                    @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Host> all = new ArrayList<>();
        for (int i = 0; i < hosts; i++) all.add(new Host(i, "h" + i, 0, HandMadeHosts.HOST));
        List<double[]> keyed = new ArrayList<>();
        LeastFirst order = new LeastFirst(all);
        for (int i = 0; i < hosts; i++) {
            double key = r.nextInt(distinctKeys) / 7.0;
            keyed.add(new double[] {key, i});
            order.add(i, key);
        }
        keyed.sort(Comparator.<double[]>comparingDouble(k -> k[0]).thenComparingDouble(k -> k[1]));
        List<Host> taken = new ArrayList<>();
        for (Host h = order.next(); h != null; h = order.next()) taken.add(h);
        assertThat(taken).containsExactlyElementsOf(keyed.stream().map(k -> all.get((int) k[1])).toList());
    }
}
