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
 *   <li>{@link #LINUX}: a freshly booted Linux guest. memblock allocates its boot-time data top-down (mm/memblock.c,
 *       memblock_find_in_range_node, top-down unless movable_node asks otherwise), so the kernel's struct page
 *       array, 64 B per 4 KiB page (RAM / 64), is the very top of RAM, counted among the used pages; the buddy
 *       allocator then hands out the pages freed last at boot, the highest, first (mm/page_alloc.c: a freed page
 *       goes to the head of its free list), so a program's array lies just below it. The rest of the used pages
 *       (the kernel image, loaded low, the page cache, freed boot memory) and the zero pages are spread below, as in
 *       the middle layout: the tail of the idle 1 GiB guest's first pass (about 30 MiB) held 15.7 to 20.8 MiB of
 *       non-zero pages in QEMU, the struct page array's 16 MiB and a little, not its whole used RAM (80 MiB).</li>
 * </ul>
 */
public enum MemoryLayout {
    MIDDLE,
    LINUX;

    /** The struct page array's share of RAM under {@link #LINUX}: 64 B of struct page per 4 KiB page. */
    public static final int STRUCT_PAGE_DIVISOR = 64;

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

    /** Pages of the kernel's struct page array at the top of RAM (none under {@link #MIDDLE}). */
    public int structPagePages(int pages) {
        return this == LINUX ? pages / STRUCT_PAGE_DIVISOR : 0;
    }

    /** First page of a writer's region of {@code regionPages} in a guest of {@code pages} pages. */
    public int regionStart(int pages, int regionPages) {
        return switch (this) {
            case MIDDLE -> Math.max(0, (pages - regionPages) / 2);
            case LINUX -> Math.max(0, pages - structPagePages(pages) - regionPages);
        };
    }
}
