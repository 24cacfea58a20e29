package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.PageBitmap;
import io.miglab.core.unit.ByteSize;
import org.junit.jupiter.api.Test;

/** The kept zero-page layout is the one drawing it again gives, and no migration's changes reach the next. */
class ZeroPagesTest {
    private static long[] bits(PageBitmap b) {
        long[] w = new long[b.wordCount()];
        for (int i = 0; i < w.length; i++) w[i] = b.word(i);
        return w;
    }

    // Guards against a kept layout differing from a fresh draw, or a migration's writes (which clear zero pages)
    // leaking into the layout the next migration starts from.
    @Test
    void keptLayout_equalsAFreshDraw_andCopiesAreIndependent() {
        GuestMemory memory = new GuestMemory(ByteSize.ofMiB(64), 4096, 0.4, 0.5);
        int[] inUse = {4096, 8192};
        PageBitmap first = ZeroPages.layout(memory, 7, inUse);
        long[] drawn = bits(first);
        assertThat(first.cardinality()).isGreaterThan(0);
        first.clearAll();
        PageBitmap again = ZeroPages.layout(memory, 7, inUse);
        assertThat(bits(again)).isEqualTo(drawn);
        // other inputs in between, then back: the same bits as the first draw
        PageBitmap other = ZeroPages.layout(memory, 8, inUse);
        assertThat(bits(other)).isNotEqualTo(drawn);
        assertThat(bits(ZeroPages.layout(memory, 7, new int[] {0, 0}))).isNotEqualTo(drawn);
        assertThat(bits(ZeroPages.layout(memory, 7, inUse))).isEqualTo(drawn);
        // no page of the writer's range is a zero page
        PageBitmap z = ZeroPages.layout(memory, 7, inUse);
        assertThat(z.cardinality(inUse[0], inUse[1])).isZero();
    }
}
