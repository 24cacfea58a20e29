package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.memory.PageBitmap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * XBZRLE starts when the scan first wraps past the end of memory (QEMU 10, migration/ram.c, find_dirty_block sets
 * xbzrle_started), not at the first dirty sync: the tail a mid-pass check leaves of the first pass goes whole.
 */
class XbzrleStartTest {
    private static final long PAGE = 4104;

    @Test
    void tailOfTheFirstPass_goesWithoutDelta_andPagesAfterTheWrap_withIt() {
        PageBitmap toSend = allDirty(512);
        PassSender pass = new PassSender(toSend);
        List<Boolean> delta = new ArrayList<>();
        PassSender.WordSender send = recording(pass, delta);
        // the first pass stops with 128 pages left: the last two words
        pass.untilFits(send, 129, 64 * PAGE, Double.POSITIVE_INFINITY, PAGE, PassSender.PeriodWork.NONE);
        assertThat(delta).hasSize(6).containsOnly(false);
        assertThat(pass.deltaAllowed(0)).as("below the scan, at a switch-over now").isTrue();
        assertThat(pass.deltaAllowed(7)).as("the tail, at a switch-over now").isFalse();

        delta.clear();
        toSend.setRange(0, 64); // dirtied meanwhile: after the wrap
        pass.untilFits(send, 1, 64 * PAGE, Double.POSITIVE_INFINITY, PAGE, PassSender.PeriodWork.NONE);
        assertThat(delta).containsExactly(false, false, true);
        assertThat(pass.deltaAllowed(7)).isTrue();
    }

    @Test
    void wholePass_wrapsAtItsEnd() {
        PassSender pass = new PassSender(allDirty(256));
        List<Boolean> delta = new ArrayList<>();
        pass.whole(recording(pass, delta), Double.POSITIVE_INFINITY, PAGE);
        assertThat(delta).containsOnly(false);
        assertThat(pass.deltaAllowed(0)).isTrue();
    }

    private static PageBitmap allDirty(int pages) {
        PageBitmap b = new PageBitmap(pages);
        b.setRange(0, pages);
        return b;
    }

    /** Sends full pages, noting for each word whether it could have gone as deltas. */
    private static PassSender.WordSender recording(PassSender pass, List<Boolean> delta) {
        return (w, bits) -> {
            delta.add(pass.deltaAllowed(w));
            return Long.bitCount(bits) * PAGE;
        };
    }
}
