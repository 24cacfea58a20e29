package io.miglab.core.sim;

import io.miglab.core.memory.PageBitmap;
import io.miglab.core.result.Timeline;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.write.PageSink;
import java.util.function.IntPredicate;

/**
 * The pages of one page-level migration: the migration bitmap (what the next pass sends), the dirty log (what the
 * guest wrote since the last sync, as QEMU's dirty log), the pages sent at least once, and the cost of sending a
 * page; every page sent is counted in the {@link Timeline}. Word-level operations count 64 pages at a time by
 * popcount, with the same counters and bytes as page by page.
 */
final class PageLedger {
    /** The migration bitmap: pages still to send. */
    final PageBitmap toSend;
    /** The dirty log: pages written since the last sync. */
    final PageBitmap written;
    final PageCostModel cost;
    private final PageBitmap everSent;
    private final Timeline timeline;

    /** Where the guest's writes on the source go: the dirty log, and the cost model if it tracks writes. */
    final PageSink logWrites = new PageSink() {
        @Override
        public void page(int index) {
            written.set(index);
            cost.written(index);
        }

        @Override
        public void range(int from, int to) {
            written.setRange(from, to);
            cost.writtenRange(from, to);
        }

        @Override
        public void pages(int[] list, int count) {
            written.set(list, count);
            if (cost.tracksWrites()) for (int i = 0; i < count; i++) cost.written(list[i]);
        }

        @Override
        public boolean needsOrder() {
            return false;
        }

        @Override
        public void words(int firstWord, long[] bits, int count) {
            written.orWords(firstWord, bits, count);
            cost.writtenWords(firstWord, bits, count);
        }
    };

    PageLedger(MigrationSpec spec, Timeline timeline) {
        int pages = spec.memory().pages();
        this.toSend = SpareBitmaps.take(pages);
        this.written = SpareBitmaps.take(pages);
        this.everSent = SpareBitmaps.take(pages);
        this.cost = new PageCostModel(spec.memory(), spec.optimisations(), spec.seed(),
                spec.writeModel().writableRange(spec.memory()));
        this.timeline = timeline;
    }

    /**
     * Sends the pages {@code bits} of word {@code word} in address order: the same counters and bytes as sending
     * them one at a time, counted by popcount.
     */
    long sendWord(int word, long bits, boolean deltaAllowed) {
        long before = everSent.word(word);
        everSent.setWord(word, before | bits);
        return count(word, bits, before, deltaAllowed);
    }

    /**
     * Sends pages in post-copy, as {@link #sendWord} without delta: the last stage, which sends each page once,
     * so they need no mark; and when no page went before it (post-copy from the start) none is a re-send, which
     * spares a look at the marks for each of the guest's demand faults, scattered over memory.
     */
    long sendLast(int word, long bits) {
        long before = everSent.spanStart() < everSent.spanEnd() ? everSent.word(word) : 0;
        return count(word, bits, before, false);
    }

    private long count(int word, long bits, long sentBefore, boolean deltaAllowed) {
        timeline.pagesSent(Long.bitCount(bits), Long.bitCount(bits & sentBefore),
                Long.bitCount(cost.zeroBits(word, bits)));
        return cost.costWord(word, bits, deltaAllowed);
    }

    /** Sends every page left in the migration bitmap through {@code send}, word by word, and clears it. */
    long sendAll(PassSender.WordSender send) {
        long bytes = send.sendWords(toSend, toSend.spanStart(), toSend.spanEnd());
        toSend.clearAll();
        return bytes;
    }

    /**
     * {@link #sendWord} as a {@link PassSender.WordSender}, whose sweep of many words counts them at once;
     * {@code deltaAllowed} says of each word whether its pages may go as XBZRLE deltas.
     */
    PassSender.WordSender sender(IntPredicate deltaAllowed) {
        return new PassSender.WordSender() {
            @Override
            public long send(int word, long bits) {
                return sendWord(word, bits, deltaAllowed.test(word));
            }

            @Override
            public long sendWords(PageBitmap bitmap, int from, int to) {
                return PageLedger.this.sendWords(bitmap, from, to, deltaAllowed);
            }
        };
    }

    /**
     * {@link #sendWord} for each word of {@code bitmap} from {@code from} to {@code to} (exclusive), in address
     * order, the pages counted in locals and handed to the timeline once: whole numbers, which its doubles add
     * exactly either way. Where every page of a kind costs the same (no XBZRLE cache) the bytes come from the counts
     * at the end ({@link PageCostModel#countedBytes}) instead of word by word.
     */
    private long sendWords(PageBitmap bitmap, int from, int to, IntPredicate deltaAllowed) {
        boolean counted = cost.costsByCount();
        long bytes = 0, pages = 0, resent = 0, zeros = 0;
        for (int w = from; w < to; w++) {
            long bits = bitmap.word(w);
            if (bits == 0) continue;
            long before = everSent.word(w);
            everSent.setWord(w, before | bits);
            pages += Long.bitCount(bits);
            resent += Long.bitCount(bits & before);
            zeros += Long.bitCount(cost.zeroBits(w, bits));
            if (!counted) bytes += cost.costWord(w, bits, deltaAllowed.test(w));
        }
        timeline.pagesSent(pages, resent, zeros);
        return counted ? cost.countedBytes(pages, zeros) : bytes;
    }

    /** Gives the bitmaps back for the next migration on this thread: called once this one has its result. */
    void release() {
        SpareBitmaps.giveBack(toSend, written, everSent);
    }

    /** Pages the last {@link #sync} added to the migration bitmap that were not already in it. */
    long newlyDirty;

    /**
     * Collects the dirty log into the migration bitmap; returns the pages it held. {@link #newlyDirty} counts only
     * those not already to send, as QEMU's cpu_physical_memory_sync_dirty_bitmap does for num_dirty_pages_period,
     * the figure auto-converge compares with the bytes sent (ram.c, ramblock_sync_dirty_bitmap).
     */
    long sync() {
        cost.synced();
        newlyDirty = written.countNotIn(toSend);
        return written.moveInto(toSend);
    }
}
