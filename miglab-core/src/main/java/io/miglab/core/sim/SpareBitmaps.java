package io.miglab.core.sim;

import io.miglab.core.memory.PageBitmap;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The page bitmaps of finished migrations, kept per thread for the next migration of the same memory size. A
 * sweep or a batch runs thousands of migrations in a row on one thread; a fresh bitmap each time is memory the
 * allocator must zero and that is not in the cache (a 1 GiB guest's three bitmaps are 96 KiB, longer to get than
 * the rest of its migration), while a kept one is cleared over the words it used and is still in the cache.
 * A kept bitmap comes back cleared, as a new one would be, so the migration sees the same bits either way.
 */
final class SpareBitmaps {
    /** At most this many are kept per thread: a few migrations' worth, the oldest dropped first. */
    static final int KEPT = 8;

    private static final ThreadLocal<ArrayDeque<PageBitmap>> SPARE = ThreadLocal.withInitial(ArrayDeque::new);

    private SpareBitmaps() { }

    /** A cleared bitmap of {@code pages} pages: a kept one when this thread has one of that size, else a new one. */
    static PageBitmap take(int pages) {
        for (Iterator<PageBitmap> it = SPARE.get().iterator(); it.hasNext(); ) {
            PageBitmap b = it.next();
            if (b.pages() == pages) {
                it.remove();
                b.clearAll();
                return b;
            }
        }
        return new PageBitmap(pages);
    }

    /** Keeps bitmaps nothing uses any more (their migration has its result), for {@link #take}. */
    static void giveBack(PageBitmap... bitmaps) {
        ArrayDeque<PageBitmap> spare = SPARE.get();
        for (PageBitmap b : bitmaps) {
            spare.addFirst(b);
            if (spare.size() > KEPT) spare.removeLast();
        }
    }
}
