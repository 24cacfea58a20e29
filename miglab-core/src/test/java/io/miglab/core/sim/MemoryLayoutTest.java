package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.memory.PageBitmap;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.write.PageSink;
import io.miglab.core.write.PacedWrites;
import io.miglab.core.write.SweepWrites;
import io.miglab.core.write.WorkingSetWrites;
import io.miglab.core.write.WriteModel;
import io.miglab.core.write.WriteProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The layouts put the writer's region and the used pages where MemoryLayout says, page by page. */
class MemoryLayoutTest {
    /** 256 MiB of 4 KiB pages. */
    private static final int PAGES = 65_536;
    private static final WriteModel SWEEP_64M = new SweepWrites(ByteSize.ofMiB(64), 4096, 5000);

    // Guards the hand-computed places: the middle layout keeps (65,536 - 16,384) / 2 = 24,576; the Linux layout puts
    // the struct page array (65,536 / 64 = 1,024 pages) at the very top and the 16,384-page array just below it.
    @Test
    void region_isCentredInTheMiddle_andBelowTheStructPageArrayInLinux() {
        assertThat(SWEEP_64M.writableRange(PAGES, MemoryLayout.MIDDLE)).containsExactly(24_576, 40_960);
        assertThat(SWEEP_64M.writableRange(PAGES)).containsExactly(24_576, 40_960);
        assertThat(MemoryLayout.LINUX.structPagePages(PAGES)).isEqualTo(1_024);
        assertThat(MemoryLayout.MIDDLE.structPagePages(PAGES)).isZero();
        assertThat(SWEEP_64M.writableRange(PAGES, MemoryLayout.LINUX)).containsExactly(48_128, 64_512);
        WriteModel hot = new PacedWrites(new WorkingSetWrites(ByteSize.ofMiB(32), 4096, 4000, 0), Duration.ZERO);
        assertThat(hot.writableRange(PAGES, MemoryLayout.LINUX)).containsExactly(56_320, 64_512);
        // a region larger than what is left below the struct page array starts at page 0
        assertThat(MemoryLayout.LINUX.regionStart(PAGES, PAGES)).isZero();
    }

    // Guards the writer itself against writing where its range is not: one full sweep touches exactly the range.
    @Test
    void sweep_writesItsArrayWhereTheLayoutPutsIt() {
        PageBitmap written = new PageBitmap(PAGES);
        WriteProcess p = SWEEP_64M.start(PAGES, 1, MemoryLayout.LINUX);
        p.write(0, 16_384 / 5000.0, new PageSink() {
            @Override
            public void page(int page) { written.set(page); }

            @Override
            public void range(int from, int to) { written.setRange(from, to); }
        });
        assertThat(written.cardinality()).isEqualTo(16_384);
        assertThat(written.cardinality(48_128, 64_512)).isEqualTo(16_384);
    }

    // Guards the Linux layout's used pages: the struct page array and the writer's array hold no zero page, and the
    // zero pages keep their share (half of RAM) below them; the middle layout leaves the top to chance.
    @Test
    void linux_zeroPagesLieBelowTheArrayAndTheStructPageArray() {
        GuestMemory memory = new GuestMemory(ByteSize.ofMiB(256), 4096, 0.5, 0, ByteSize.ofBytes(0),
                MemoryLayout.LINUX);
        PageBitmap zero = ZeroPages.layout(memory, 1, SWEEP_64M.writableRange(PAGES, MemoryLayout.LINUX));
        assertThat(zero.cardinality(48_128, PAGES)).isZero();
        assertThat(zero.cardinality(0, 48_128)).isBetween(32_768L - 600, 32_768L + 600);
        GuestMemory middle = memory.withLayout(MemoryLayout.MIDDLE);
        PageBitmap spread = ZeroPages.layout(middle, 1, SWEEP_64M.writableRange(PAGES));
        assertThat(spread.cardinality(24_576, 40_960)).isZero();
        assertThat(spread.cardinality(64_512, PAGES)).isGreaterThan(400);
    }

    // Guards the setting's words and its one-line error.
    @Test
    void words_parseAndABadOneNamesTheField() {
        assertThat(MemoryLayout.of("linux")).isEqualTo(MemoryLayout.LINUX);
        assertThat(MemoryLayout.of(" Middle ")).isEqualTo(MemoryLayout.MIDDLE);
        assertThat(MemoryLayout.words()).isEqualTo("middle|linux");
        assertThatThrownBy(() -> MemoryLayout.of("top")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("memory-layout").hasMessageContaining("middle, linux");
        assertThat(GuestMemory.of(ByteSize.ofMiB(4)).layout()).isEqualTo(MemoryLayout.MIDDLE);
    }
}
