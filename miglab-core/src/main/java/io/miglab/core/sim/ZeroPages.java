package io.miglab.core.sim;

import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.memory.PageBitmap;
import java.util.SplittableRandom;

/**
 * The pages that are all zeros when a migration starts: the memory's zero-page share, spread at random (seeded)
 * over the memory below the non-zero top ({@link GuestMemory#nonZeroTop}) and outside the range the guest's writer
 * keeps writing (which the layout places); under {@link MemoryLayout#LINUX} one block between the used pages at the
 * bottom and the boot-time block at the top. The layout depends only on those inputs, and drawing it costs one random number per page, more than the
 * rest of a small migration; so the last layout drawn is kept and the next migration with the same
 * inputs (a sweep's points, a batch) gets a copy of it: the same bits as drawing it again.
 */
final class ZeroPages {
    /** What the layout depends on. */
    private record Inputs(int pages, int below, int usedFrom, int usedTo, double share, long seed) { }

    /** The last layout drawn; never changed after it is kept (each migration changes its own copy). */
    private record Kept(Inputs inputs, PageBitmap layout) { }

    private static volatile Kept last;

    private ZeroPages() { }

    /**
     * @param inUse the range of pages the guest's writer keeps writing: pages in use, so none of them is a zero page
     *              (a writer's working set is part of the used memory the zero-page share leaves); the zero pages
     *              keep their total share, spread over the rest
     * @return a bitmap of its own, for the caller to change
     */
    static PageBitmap layout(GuestMemory memory, long seed, int[] inUse) {
        if (memory.layout() == MemoryLayout.LINUX) return linux(memory, inUse);
        // the zero pages are spread over the memory below the non-zero top, keeping their total share
        double zeros = memory.zeroPageShare() * memory.pages();
        int below = memory.pages() - memory.layout().topPages(memory);
        int usedFrom = Math.min(inUse[0], below), usedTo = Math.min(inUse[1], below);
        // a writer over (nearly) all of memory leaves no room: the zero pages are then spread everywhere
        if (below - (usedTo - usedFrom) < zeros) usedTo = usedFrom;
        int room = below - (usedTo - usedFrom);
        double share = room > 0 ? Math.min(1, zeros / room) : 0;
        Inputs inputs = new Inputs(memory.pages(), below, usedFrom, usedTo, share, seed);
        Kept kept = last;
        if (kept != null && kept.inputs().equals(inputs)) return kept.layout().copy();
        PageBitmap zero = draw(inputs);
        last = new Kept(inputs, zero.copy());
        return zero;
    }

    /**
     * {@link MemoryLayout#LINUX}: the zero pages are one block between the bottom's used pages (from page 0, the
     * writer's region their last part) and the boot-time block at the top. A writer's region larger than the
     * bottom's used pages keeps its pages non-zero (fewer zero pages than the share then); one over all of memory
     * (cold writes anywhere) does not move the block.
     */
    private static PageBitmap linux(GuestMemory memory, int[] inUse) {
        MemoryLayout layout = memory.layout();
        int pages = memory.pages(), top = pages - layout.topSpanPages(memory);
        int from = layout.bottomPages(memory);
        if (inUse[1] - inUse[0] < pages) from = Math.max(from, Math.min(inUse[1], top));
        PageBitmap zero = new PageBitmap(pages);
        if (top > from) zero.setRange(from, top);
        // the sparse top: its zero pages spread evenly over its region, the highest of RAM
        int zeros = layout.topZeroPages(memory), region = MemoryLayout.sparsePages(memory, MemoryLayout.TOP_SPARSE_MIB);
        for (int i = 0; zeros > 0 && i < region; i++) {
            if ((long) (i + 1) * zeros / region > (long) i * zeros / region) zero.set(pages - region + i);
        }
        return zero;
    }

    private static PageBitmap draw(Inputs in) {
        PageBitmap zero = new PageBitmap(in.pages());
        SplittableRandom random = new SplittableRandom(in.seed() ^ 0x5DEECE66DL);
        for (int p = 0; p < in.below(); p++) {
            if (p == in.usedFrom() && in.usedTo() > in.usedFrom()) p = in.usedTo();
            if (p < in.below() && random.nextDouble() < in.share()) zero.set(p);
        }
        return zero;
    }
}
