package io.miglab.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The word-level path of the random writers (a sink that needs no order gets bitmap words, and the draws after the
 * region is fully written are skipped) against the page-by-page path: the same pages, and the same stream after
 * the call (the next call's pages agree too). Regions are one piece or two (a cold set around a hot one), of sizes
 * that are powers of two or not, with writes from none to enough to cover the region many times over (past
 * {@link UniformDraw#SATURATION}, where the untouched pages are drawn instead).
 */
class UniformDrawPropertyTest {

    @Property(tries = 300)
    void markedWordsEqualThePageByPageWrites(@ForAll @IntRange(min = 1, max = 3000) int size,
                                             @ForAll @IntRange(min = 0, max = 200) int start,
                                             @ForAll @IntRange(min = 0, max = 500) int hole,
                                             @ForAll @LongRange(min = 0, max = 700) long perPageTenths,
                                             @ForAll long seed) {
        // a contiguous region when there is no hole; otherwise the slots below the split skip the hole's pages
        int split = hole == 0 ? size : size / 2;
        UniformDraw.Region region = new UniformDraw.Region(size, split, start, start + hole);
        int pages = start + hole + size;
        long writes = perPageTenths * size / 10;
        UniformDraw fast = new UniformDraw(seed);
        UniformDraw slow = new UniformDraw(seed);
        for (int call = 0; call < 3; call++) {
            boolean[] byWords = new boolean[pages];
            boolean[] byPages = new boolean[pages];
            fast.write(writes, region, new Marker(byWords, false));
            slow.write(writes, region, new Marker(byPages, true));
            assertThat(byWords).as("call %d", call).isEqualTo(byPages);
        }
        // the stream after the calls: one more write each, page by page
        boolean[] nextFast = new boolean[pages];
        boolean[] nextSlow = new boolean[pages];
        fast.write(1, region, new Marker(nextFast, true));
        slow.write(1, region, new Marker(nextSlow, true));
        assertThat(nextFast).isEqualTo(nextSlow);
    }

    /** Marks the pages it gets; {@code ordered} sinks get them one by one, the others as words. */
    private record Marker(boolean[] seen, boolean ordered) implements PageSink {
        @Override
        public void page(int index) {
            seen[index] = true;
        }

        @Override
        public boolean needsOrder() {
            return ordered;
        }
    }
}
