package io.miglab.core.memory;

import io.miglab.core.error.InvalidSpecException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a guest's memory lies in its RAM when a migration starts: the writer's region (a sweep's array, a working
 * set's hot set) and the used, non-zero pages. A pass scans RAM from the bottom up, so what lies at the top is the
 * tail of every pass and what a mid-pass switch has not reached yet.
 *
 * <ul>
 *   <li>{@link #MIDDLE}: the writer's region in the middle of RAM, the zero pages spread at random (seeded) over
 *       the rest (below the memory's non-zero top, {@link GuestMemory#nonZeroTop}); miglab's assumption when
 *       nothing is said.</li>
 *   <li>{@link #LINUX}: a booted Linux guest, as QEMU's first pass saw it (it scans RAM in address order; its
 *       zero-page count sampled every 20 ms during a 20 MiB/s pass of guests of 256 MiB, 1 GiB and 2 GiB,
 *       docs/qemu-vs-sim.md, Findings). Two blocks of used pages and zeros between them. At the top, what memblock
 *       allocates at boot, top-down (mm/memblock.c, memblock_find_in_range_node): the struct page array, 64 B per
 *       4 KiB page (RAM / 64), and {@link #BOOT_TOP_EXTRA_MIB} more (per-CPU areas, early page tables, the initrd
 *       the loader put near the top): 9.2, 22.0 and 37.9 MiB measured. At the bottom, every other used page: the
 *       kernel image, loaded low, and what was allocated since, lowest first, because the buddy allocator puts the
 *       memory freed at boot at the tail of its free lists (mm/page_alloc.c, __free_pages_core with FPI_TO_TAIL,
 *       Linux 5.10 and later): 57 to 59 MiB in the lowest 108 MiB at every size, a program's array right above
 *       it. The bottom is taken as dense from page 0, the writer's region its last part.</li>
 * </ul>
 * Under {@link #LINUX} both blocks follow from what a user observes: the RAM and the used memory (the zero-page
 * share).
 */
public enum MemoryLayout {
    MIDDLE,
    LINUX;

    /** The struct page array's share of RAM under {@link #LINUX}: 64 B of struct page per 4 KiB page. */
    public static final int STRUCT_PAGE_DIVISOR = 64;
    /**
     * memblock's top-down boot allocations besides the struct page array under {@link #LINUX}: the non-zero top of
     * QEMU's first pass less RAM / 64 was 5.2, 6.0 and 5.9 MiB at 256 MiB, 1 GiB and 2 GiB (the mean).
     */
    public static final double BOOT_TOP_EXTRA_MIB = 5.7;

    /**
     * Under {@link #LINUX} the highest {@code TOP_SPARSE_MIB} of RAM hold only {@code TOP_SPARSE_USED_MIB} of the top
     * block's pages, the rest zero pages among them: pmemsave of idle guests paused 1 s after READY (2026-12-01)
     * found 609 of its 1,024 pages non-zero at 512 MiB, 1 GiB and 2 GiB (919 at 256 MiB), and the top block spanning
     * RAM / 64 + 8 MiB for RAM / 64 + 5.6 to 5.8 MiB of non-zero pages. QEMU's pending count is pages unsent, zero
     * ones included, so these zero pages decide whether a first pass's check falls under the threshold.
     */
    public static final double TOP_SPARSE_MIB = 4;
    public static final double TOP_SPARSE_USED_MIB = 609 / 256.0;

    /** The setting's word: {@code middle}, {@code linux}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The words a user may give, joined by {@code |}. */
    public static String words() {
        return String.join("|", Arrays.stream(values()).map(MemoryLayout::word).toList());
    }

    public static MemoryLayout of(String word) {
        String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        for (MemoryLayout l : values()) if (l.word().equals(w)) return l;
        throw new InvalidSpecException("memory-layout", "one of " + words().replace("|", ", "), "'" + word + "'");
    }

    /** Pages that hold data when the migration starts: all but the zero-page share. */
    public static int usedPages(GuestMemory memory) {
        return memory.pages() - (int) Math.round(memory.zeroPageShare() * memory.pages());
    }

    /**
     * Pages at the top of RAM that hold no zero page: the memory's own non-zero top, and under {@link #LINUX} at
     * least the boot-time block (struct page array and {@link #BOOT_TOP_EXTRA_MIB}), no more than the used pages.
     */
    public int topPages(GuestMemory memory) {
        if (this == MIDDLE) return memory.nonZeroTopPages();
        int pages = memory.pages();
        long extra = Math.round(BOOT_TOP_EXTRA_MIB * 1024 * 1024 / memory.pageSizeBytes());
        long boot = pages / STRUCT_PAGE_DIVISOR + extra;
        return (int) Math.min(usedPages(memory), Math.max(memory.nonZeroTopPages(), Math.min(pages, boot)));
    }

    /**
     * Zero pages inside the top block: under {@link #LINUX} the sparse top's ({@link #TOP_SPARSE_MIB}), when the
     * block fills it and there are zero pages to place; none under {@link #MIDDLE}.
     */
    public int topZeroPages(GuestMemory memory) {
        if (this == MIDDLE) return 0;
        int region = sparsePages(memory, TOP_SPARSE_MIB), used = sparsePages(memory, TOP_SPARSE_USED_MIB);
        if (topPages(memory) < region) return 0;
        return Math.max(0, Math.min(region - used, memory.pages() - usedPages(memory)));
    }

    /** Pages from the top block's first page to the end of RAM: its used pages and the zero pages among them. */
    public int topSpanPages(GuestMemory memory) {
        return topPages(memory) + topZeroPages(memory);
    }

    /** {@code mib} of RAM in pages of {@code memory}. */
    public static int sparsePages(GuestMemory memory, double mib) {
        return (int) Math.round(mib * 1024 * 1024 / memory.pageSizeBytes());
    }

    /** First page of a region of {@code regionPages} centred in {@code pages} ({@link #MIDDLE}). */
    public static int centredStart(int pages, int regionPages) {
        return Math.max(0, (pages - regionPages) / 2);
    }

    /** Under {@link #LINUX}: the used pages of the bottom block, from page 0 (the writer's region included). */
    public int bottomPages(GuestMemory memory) {
        return usedPages(memory) - topPages(memory);
    }

    /**
     * The end of where a guest's kernel keeps the pages it reads on resume (its text and data), from page 0: under
     * {@link #LINUX} the bottom block below the writer's region ({@code writerFrom}, when it lies in that block),
     * the kernel image being loaded low; under {@link #MIDDLE}, which places nothing, all of RAM.
     */
    public int kernelBlockEnd(GuestMemory memory, int writerFrom) {
        if (this == MIDDLE) return memory.pages();
        int bottom = bottomPages(memory);
        return Math.max(1, writerFrom > 0 && writerFrom < bottom ? writerFrom : bottom);
    }

    /** First page of a writer's region of {@code regionPages} in {@code memory}. */
    public int regionStart(GuestMemory memory, int regionPages) {
        int pages = memory.pages();
        return switch (this) {
            case MIDDLE -> centredStart(pages, regionPages);
            // the last of the bottom block's used pages, right below the zeros
            case LINUX -> Math.max(0, bottomPages(memory) - regionPages);
        };
    }
}
