package io.miglab.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.miglab.core.Specs;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.memory.PageBitmap;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Write models whose cost must not grow with the write rate once the writes saturate the pages. */
class SaturatedWritesTest {
    private static final int PAGES = 65536;

    // Guards against `simulate --dirty-rate 1e18` running forever: uniform writes were drawn one by one.
    @Test
    void uniformWrites_at1e18PagesPerSecond_markEveryPageInBoundedTime() {
        WriteProcess writer = new UniformWrites(1e18).start(Specs.ofPages(PAGES), 1);
        PageBitmap seen = new PageBitmap(PAGES);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            writer.write(0, 1, seen::set);
            assertThat(seen.cardinality()).isEqualTo(PAGES);
            seen.clearAll();
            // past 9.2 s the running count of writes no longer fits a long: the writes must not vanish there
            writer.write(100, 101, seen::set);
            assertThat(seen.cardinality()).isEqualTo(PAGES);
        });
    }

    // Guards against the hot and cold parts of a saturated working set leaking into each other.
    @Test
    void workingSet_saturatedHotAndCold_stayInTheirOwnPages() {
        WorkingSetWrites model = new WorkingSetWrites(ByteSize.ofMiB(64), Specs.PAGE, 1e18, 0);
        int hot = model.hotPages(PAGES), start = MemoryLayout.centredStart(PAGES, hot);
        PageBitmap seen = new PageBitmap(PAGES);
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> model.start(Specs.ofPages(PAGES), 3).write(0, 10, seen::set));
        assertThat(seen.cardinality()).isEqualTo(hot);
        assertThat(seen.nextSet(0)).isEqualTo(start);

        WorkingSetWrites both = new WorkingSetWrites(ByteSize.ofMiB(64), Specs.PAGE, 0, 1e18);
        PageBitmap cold = new PageBitmap(PAGES);
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> both.start(Specs.ofPages(PAGES), 3).write(0, 10, cold::set));
        assertThat(cold.cardinality()).isEqualTo(PAGES - hot);
        for (int p = start; p < start + hot; p++) assertThat(cold.get(p)).as("hot page %d", p).isFalse();
    }

    // Guards the promise that ordinary rates keep their results: below the saturation threshold every write is
    // still drawn on its own, in the order of the seeded stream.
    @Test
    void belowSaturation_eachWriteIsDrawnInOrder() {
        int pages = 1000;
        long writes = UniformDraw.SATURATION * pages - 1;
        WriteProcess writer = new UniformWrites(writes).start(Specs.ofPages(pages), 42);
        List<Integer> got = new ArrayList<>();
        writer.write(0, 1, got::add);
        SplittableRandom expected = new SplittableRandom(42);
        assertThat(got).hasSize((int) writes);
        for (int w : got) assertThat(w).isEqualTo(expected.nextInt(pages));
    }

    // Guards the saturated path's statistics: the pages left untouched are as many as n throws over N pages leave
    // (N (1 - 1/N)^n on average), distinct, sorted and in range.
    @Test
    void untouchedPages_matchTheEmptyBinCount() {
        int size = 1_000_000;
        long writes = 8L * size;
        double mean = size * Math.exp(writes * Math.log1p(-1.0 / size));
        SplittableRandom random = new SplittableRandom(5);
        double sum = 0;
        for (int run = 0; run < 20; run++) {
            int[] clean = UniformDraw.untouched(random, writes, size);
            for (int i = 1; i < clean.length; i++) assertThat(clean[i]).isGreaterThan(clean[i - 1]);
            if (clean.length > 0) assertThat(clean[0]).isNotNegative();
            if (clean.length > 0) assertThat(clean[clean.length - 1]).isLessThan(size);
            sum += clean.length;
        }
        assertThat(sum / 20).isBetween(mean * 0.95, mean * 1.05);
        assertThat(UniformDraw.untouched(random, 64L * size, size)).isEmpty();
    }

    // Guards the two-piece region (the cold pages around a hot set): a run of slots across the gap is split.
    @Test
    void regionRanges_skipTheGap() {
        UniformDraw.Region cold = new UniformDraw.Region(6, 2, 0, 10);
        List<int[]> ranges = new ArrayList<>();
        PageSink sink = new PageSink() {
            @Override
            public void page(int index) { ranges.add(new int[] {index, index + 1}); }

            @Override
            public void range(int from, int to) { ranges.add(new int[] {from, to}); }
        };
        cold.range(1, 5, sink);
        assertThat(ranges).containsExactly(new int[] {1, 2}, new int[] {12, 15});
        assertThat(cold.page(1)).isEqualTo(1);
        assertThat(cold.page(2)).isEqualTo(12);
    }

    // Guards the whole simulator at an absurd rate: it gives a (non-converging) result instead of hanging.
    @Test
    void simulator_at1e18PagesPerSecond_finishes() {
        MigrationSpec spec = Specs.idle("64M", "1Gbit/s").withWriteModel(new UniformWrites(1e18))
                .withPolicy(Specs.fixedRounds(3));
        MigrationResult r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> new PageLevelSimulator().migrate(spec));
        assertThat(r.outcome().converged()).isFalse();
        assertThat(r.rounds().get(1).pages()).isEqualTo(spec.memory().pages());
    }

    // Guards against a trace of tiny intervals making one call loop over billions of intervals: a call that spans
    // many loops of the trace emits what one loop does, with each page first written in the same order.
    @Test
    void trace_callSpanningManyLoops_isBoundedAndKeepsFirstWriteOrder() {
        DirtyTrace trace = new DirtyTrace(1e-6, List.of(new int[] {5, 8}, new int[] {1, 3, 7, 9}, new int[0]));
        TraceWrites model = new TraceWrites(trace, "t");
        List<Integer> firstTouches = new ArrayList<>();
        PageBitmap seen = new PageBitmap(16);
        WriteProcess writer = model.start(Specs.ofPages(16), 1);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> writer.write(0.5e-6, 3600, p -> {
            if (!seen.get(p)) firstTouches.add(p);
            seen.set(p);
        }));
        // interval 0 from its middle (6 7), then 1 (1 2 7 8), 2 (none), 0 again (5 6 7), then only repeats
        assertThat(firstTouches).containsExactly(6, 7, 1, 2, 8, 5);
    }

    // Guards the trace's interval limits (a header with interval_ms=1e-300 hung the replay).
    @Test
    void trace_intervalOutsideItsRange_isRefused() {
        assertThatThrownBy(() -> new DirtyTrace(1e-303, List.<int[]>of(new int[0])))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("trace.interval: from 0.001 to");
        assertThatThrownBy(() -> new DirtyTrace(1e9, List.<int[]>of(new int[0])))
                .isInstanceOf(InvalidSpecException.class);
        assertThat(new DirtyTrace(1e-6, List.<int[]>of(new int[0])).intervalSeconds()).isEqualTo(1e-6);
    }
}
