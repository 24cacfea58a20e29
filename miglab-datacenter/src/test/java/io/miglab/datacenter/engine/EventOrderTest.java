package io.miglab.datacenter.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator runs the live events in (time, scheduling order) and never a cancelled one, with events added from
 * inside others (some due at once), most cancelled (so the queue compacts itself and reuses its slots), at times
 * that often tie.
 */
class EventOrderTest {
    // Guards against the queue's heap of slot numbers losing, repeating or reordering events (a slot reused while
    // its event still waits, a compaction that drops a live event or keeps a cancelled one).
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void liveEventsRunInTimeThenSchedulingOrder(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Simulator sim = new Simulator(seed);
        List<ScheduledEvent> live = new ArrayList<>();
        List<ScheduledEvent> ran = new ArrayList<>();
        List<ScheduledEvent> all = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) schedule(sim, r, all, ran);
        for (int i = 0; i < 12_000; i++) all.get(i).cancel(); // more than half: the queue compacts itself
        sim.run();
        for (ScheduledEvent e : all) if (!e.isCancelled()) live.add(e);
        live.sort(Comparator.comparingDouble(ScheduledEvent::time).thenComparingLong(ScheduledEvent::sequence));
        assertEquals(live, ran);
        assertTrue(ran.size() > 20_000, "too few events ran after the compaction: " + ran.size());
    }

    /** Schedules an event that, when it runs, schedules up to two more (at once or later) and cancels some. */
    private static void schedule(Simulator sim, SplittableRandom r, List<ScheduledEvent> all, List<ScheduledEvent> ran) {
        double at = sim.now() + (r.nextInt(4) == 0 ? 0 : r.nextInt(50) * 0.5);
        ScheduledEvent[] self = new ScheduledEvent[1];
        self[0] = sim.at(at, s -> {
            ran.add(self[0]);
            if (all.size() < 60_000) for (int k = r.nextInt(3); k > 0; k--) schedule(sim, r, all, ran);
            for (int k = 0; k < 3 && !all.isEmpty(); k++) all.get(r.nextInt(all.size())).cancel();
        });
        all.add(self[0]);
    }
}
