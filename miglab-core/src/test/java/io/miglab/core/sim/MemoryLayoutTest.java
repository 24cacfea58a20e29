package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.memory.PageBitmap;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.PostCopyOptions;
import io.miglab.core.spec.ResumeFaults;
import io.miglab.core.unit.DataRate;
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

    /** 256 MiB, half of it zero pages, in each layout. */
    private static final GuestMemory HALF_LINUX = new GuestMemory(ByteSize.ofMiB(256), 4096, 0.5, 0,
            ByteSize.ofBytes(0), MemoryLayout.LINUX);
    private static final GuestMemory HALF_MIDDLE = HALF_LINUX.withLayout(MemoryLayout.MIDDLE);

    // Guards the hand-computed places: the middle layout keeps (65,536 - 16,384) / 2 = 24,576. The Linux layout's
    // top is the struct page array (65,536 / 64 = 1,024 pages) and 5.7 MiB (1,459 pages): 2,483 pages; of the
    // 32,768 used pages, 30,285 are the bottom block from page 0, the 16,384-page array its last part.
    @Test
    void region_isCentredInTheMiddle_andTheBottomBlocksLastPartInLinux() {
        assertThat(SWEEP_64M.writableRange(HALF_MIDDLE)).containsExactly(24_576, 40_960);
        assertThat(MemoryLayout.LINUX.topPages(HALF_LINUX)).isEqualTo(2_483);
        assertThat(MemoryLayout.MIDDLE.topPages(HALF_MIDDLE)).isZero();
        assertThat(MemoryLayout.LINUX.bottomPages(HALF_LINUX)).isEqualTo(30_285);
        assertThat(SWEEP_64M.writableRange(HALF_LINUX)).containsExactly(13_901, 30_285);
        WriteModel hot = new PacedWrites(new WorkingSetWrites(ByteSize.ofMiB(32), 4096, 4000, 0), Duration.ZERO);
        assertThat(hot.writableRange(HALF_LINUX)).containsExactly(22_093, 30_285);
        // a region larger than the bottom block starts at page 0; with no zero page it ends below the top block
        assertThat(MemoryLayout.LINUX.regionStart(HALF_LINUX, PAGES)).isZero();
        assertThat(SWEEP_64M.writableRange(HALF_LINUX.withZeroPageShare(0))).containsExactly(46_669, 63_053);
    }

    // Guards the kernel's block, whose pending share decides how many of the pages read on resume fault: under Linux
    // the bottom block below the writer's array (13,901 pages), the whole bottom block (30,285) without a writer in
    // it; under middle, all of RAM.
    @Test
    void kernelBlock_isTheBottomBlockBelowTheWritersRegion() {
        assertThat(MemoryLayout.LINUX.kernelBlockEnd(HALF_LINUX, SWEEP_64M.writableRange(HALF_LINUX)[0]))
                .isEqualTo(13_901);
        assertThat(MemoryLayout.LINUX.kernelBlockEnd(HALF_LINUX, 0)).isEqualTo(30_285);
        assertThat(MemoryLayout.LINUX.kernelBlockEnd(HALF_LINUX, 40_000)).isEqualTo(30_285);
        assertThat(MemoryLayout.MIDDLE.kernelBlockEnd(HALF_MIDDLE, 24_576)).isEqualTo(PAGES);
    }

    // Guards where post-copy's push starts: without preempt the resume faults move QEMU's scan (get_queued_page), in
    // the Linux layout to the top block's start (2,483 used pages and the sparse top's 415 zero pages from the end);
    // with preempt, no resume pages, or the
    // middle layout, from page 0 as ram_postcopy_send_discard_bitmap leaves it.
    @Test
    void postCopyPush_startsAtTheTopBlockAfterLinuxResumeFaults_withoutPreempt() {
        MigrationSpec spec = MigrationSpec.of(ByteSize.ofMiB(256), DataRate.ofMiBps(100)).withMemory(HALF_LINUX);
        MigrationSpec resuming = spec.withOverheads(spec.overheads().withResumeFaults(
                new ResumeFaults(20, Duration.ZERO, ByteSize.ofBytes(0))));
        assertThat(PostCopyPusher.resumeCursor(resuming)).isEqualTo(PAGES - 2_898);
        assertThat(PostCopyPusher.resumeCursor(resuming.withPostCopy(PostCopyOptions.defaults().withPreempt(true))))
                .isZero();
        assertThat(PostCopyPusher.resumeCursor(spec)).isZero();
        assertThat(PostCopyPusher.resumeCursor(resuming.withMemory(HALF_MIDDLE))).isZero();
    }

    // Guards the writer itself against writing where its range is not: one full sweep touches exactly the range.
    @Test
    void sweep_writesItsArrayWhereTheLayoutPutsIt() {
        PageBitmap written = new PageBitmap(PAGES);
        WriteProcess p = SWEEP_64M.start(HALF_LINUX, 1);
        p.write(0, 16_384 / 5000.0, new PageSink() {
            @Override
            public void page(int page) { written.set(page); }

            @Override
            public void range(int from, int to) { written.setRange(from, to); }
        });
        assertThat(written.cardinality()).isEqualTo(16_384);
        assertThat(written.cardinality(13_901, 30_285)).isEqualTo(16_384);
    }

    // Guards the Linux layout's used pages: the bottom block (the array its last part) holds no zero page, the top
    // block only the sparse top's (415 of the highest 1,024 pages, 609 used, as pmemsave found), the other zero
    // pages (half of RAM in all) are the one block between; the middle layout spreads them.
    @Test
    void linux_zeroPagesAreOneBlockBetweenTheBottomAndTheTop() {
        assertThat(MemoryLayout.LINUX.topZeroPages(HALF_LINUX)).isEqualTo(415);
        assertThat(MemoryLayout.LINUX.topSpanPages(HALF_LINUX)).isEqualTo(2_898);
        PageBitmap zero = ZeroPages.layout(HALF_LINUX, 1, SWEEP_64M.writableRange(HALF_LINUX));
        assertThat(zero.cardinality()).isEqualTo(32_768);
        assertThat(zero.cardinality(30_285, PAGES - 2_898)).isEqualTo(32_768 - 415);
        assertThat(zero.cardinality(PAGES - 2_898, PAGES - 1_024)).isZero();
        assertThat(zero.cardinality(PAGES - 1_024, PAGES)).isEqualTo(415);
        // spread over the sparse top: every quarter of it holds about a quarter of its zero pages
        for (int q = 0; q < 4; q++) assertThat(zero.cardinality(PAGES - 1_024 + 256 * q, PAGES - 768 + 256 * q))
                .isBetween(103L, 104L);
        // a writer over all of memory (cold writes) leaves the block where it is
        WriteModel everywhere = new WorkingSetWrites(ByteSize.ofMiB(32), 4096, 4000, 10);
        assertThat(ZeroPages.layout(HALF_LINUX, 1, everywhere.writableRange(HALF_LINUX)).cardinality(30_285,
                PAGES - 2_898)).isEqualTo(32_768 - 415);
        PageBitmap spread = ZeroPages.layout(HALF_MIDDLE, 1, SWEEP_64M.writableRange(HALF_MIDDLE));
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
