package io.miglab.datacenter.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.datacenter.engine.Simulator;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MaxMinFairSharingTest {
    /** Guards the basic split: two flows on one link must each get half of it. */
    @Test
    void twoFlowsOverOneLinkEachGetHalf() {
        Simulator sim = new Simulator(1);
        Network net = new Network(sim);
        NetworkLink link = new NetworkLink("l", 1000);
        Flow a = net.open(List.of(link), Double.POSITIVE_INFINITY, null);
        Flow b = net.open(List.of(link), Double.POSITIVE_INFINITY, null);
        sim.run();
        assertThat(a.rate()).isEqualTo(500);
        assertThat(b.rate()).isEqualTo(500);
        net.close(a);
        sim.run();
        assertThat(b.rate()).isEqualTo(1000);
    }

    /** Guards the progressive filling: a flow held back elsewhere (cap or other link) leaves its share to others. */
    @Test
    void aFlowLimitedElsewhereLeavesItsShareToTheOthers() {
        Simulator sim = new Simulator(1);
        Network net = new Network(sim);
        NetworkLink shared = new NetworkLink("shared", 900);
        NetworkLink narrow = new NetworkLink("narrow", 100);
        Flow viaNarrow = net.open(List.of(shared, narrow), Double.POSITIVE_INFINITY, null);
        Flow capped = net.open(List.of(shared), 200, null);
        Flow free = net.open(List.of(shared), Double.POSITIVE_INFINITY, null);
        sim.run();
        assertThat(viaNarrow.rate()).isCloseTo(100, within(1e-9));
        assertThat(capped.rate()).isCloseTo(200, within(1e-9));
        assertThat(free.rate()).isCloseTo(600, within(1e-9));
    }

    /**
     * The defining property of max-min fairness on random networks: no link is over capacity, and every flow is
     * either at its cap or crosses a full link on which no flow gets more than it does. Guards the heap-based
     * filling against stale entries and wrong freezing order.
     */
    @Property(tries = 200)
    void allocationIsFeasibleAndEveryFlowHasABottleneck(@ForAll @IntRange(min = 1, max = 8) int links,
                                                          @ForAll @IntRange(min = 1, max = 30) int flows,
                                                          @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        List<NetworkLink> ls = randomLinks(r, links, 10, 1000);
        Simulator sim = new Simulator(seed);
        Network net = new Network(sim);
        List<Flow> fs = new ArrayList<>();
        for (int i = 0; i < flows; i++) {
            double cap = r.nextInt(4) == 0 ? 5 + r.nextInt(500) : Double.POSITIVE_INFINITY;
            fs.add(net.open(randomPath(r, ls), cap, null));
        }
        sim.run();
        for (Flow f : fs) assertThat(f.rate()).isGreaterThan(0);
        assertMaxMinFair(fs, ls);
    }

    /** {@code count} links of {@code min} to {@code min + spread} bytes per second. */
    private static List<NetworkLink> randomLinks(java.util.SplittableRandom r, int count, int min, int spread) {
        List<NetworkLink> ls = new ArrayList<>();
        for (int i = 0; i < count; i++) ls.add(new NetworkLink("l" + i, min + r.nextInt(spread)));
        return ls;
    }

    /** Some of {@code ls}, each with probability 1/3, at least one. */
    private static List<NetworkLink> randomPath(java.util.SplittableRandom r, List<NetworkLink> ls) {
        List<NetworkLink> path = new ArrayList<>();
        for (NetworkLink l : ls) if (r.nextInt(3) == 0) path.add(l);
        if (path.isEmpty()) path.add(ls.get(r.nextInt(ls.size())));
        return path;
    }

    /** No link over capacity; every flow at its cap or on a full link where no flow gets more than it does. */
    private static void assertMaxMinFair(List<Flow> fs, List<NetworkLink> ls) {
        for (NetworkLink l : ls) {
            assertThat(l.loadBytesPerSecond()).isLessThanOrEqualTo(l.capacityBytesPerSecond() * (1 + 1e-12));
        }
        for (Flow f : fs) {
            if (f.rate() >= f.capBytesPerSecond() * (1 - 1e-9)) continue;
            boolean bottleneck = f.path().stream().anyMatch(l ->
                    l.loadBytesPerSecond() >= l.capacityBytesPerSecond() * (1 - 1e-9)
                            && java.util.Arrays.stream(l.flows, 0, l.flowCount)
                                    .allMatch(o -> o.rate() <= f.rate() * (1 + 1e-9)));
            assertThat(bottleneck).as("flow at %s has a bottleneck link", f.rate()).isTrue();
        }
    }

    /**
     * The network re-rates only the flows a change can reach (links that cannot fill tie nothing together). After
     * every instant of a random history of opens, closes and capacity changes, each open flow's rate must be the
     * one a progressive filling of the whole network from scratch gives (the definition, as before the partial
     * recomputation), and must still satisfy max-min fairness: at its cap, or on a full link where no flow gets
     * more than it does.
     */
    @Property(tries = 300)
    void partialReallocationGivesTheRatesOfAWholeFilling(@ForAll @IntRange(min = 1, max = 10) int links,
                                                         @ForAll @IntRange(min = 1, max = 60) int steps,
                                                         @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        List<NetworkLink> ls = randomLinks(r, links, 100, 2000);
        Simulator sim = new Simulator(seed);
        Network net = new Network(sim);
        List<Flow> open = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            int ops = 1 + r.nextInt(3);
            for (int k = 0; k < ops; k++) {
                int what = r.nextInt(10);
                if (what < 6 || open.isEmpty()) {
                    // mostly capped well below the links, as migration streams are: many links cannot fill
                    double cap = r.nextInt(5) == 0 ? Double.POSITIVE_INFINITY : 1 + r.nextInt(r.nextBoolean() ? 60 : 900);
                    open.add(net.open(randomPath(r, ls), cap, null));
                } else if (what < 9) {
                    net.close(open.remove(r.nextInt(open.size())));
                } else {
                    net.changeCapacity(ls.get(r.nextInt(links)), 100 + r.nextInt(2000));
                }
            }
            sim.run();
            if (open.isEmpty()) continue;
            new MaxMinFairSharing().allocate(open, ls);
            for (Flow f : open) {
                assertThat(f.rate()).as("flow %s of %s", open.indexOf(f), open.size())
                        .isCloseTo(f.newRate, within(1e-9 * Math.max(1, f.newRate)));
            }
            assertMaxMinFair(open, ls);
        }
    }
}
