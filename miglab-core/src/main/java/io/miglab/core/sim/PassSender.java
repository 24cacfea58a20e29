package io.miglab.core.sim;

import io.miglab.core.memory.PageBitmap;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.Optimisations;
import java.util.function.DoubleSupplier;

/**
 * One pre-copy pass over the migration bitmap: the whole pass, or, with QEMU's mid-pass check, until the unsent rest
 * fits the downtime limit. Either way no further than a byte budget, the bytes that fit before the policy's timeout:
 * a timeout ends the round it falls in, as miglab's QEMU driver cancels at the timeout whatever the pass is doing.
 *
 * <p>Pages go 64 at a time, a word of the bitmap, whenever no check can fall inside the word: a check that could
 * stop the pass on one of its pages (budget, chunk) is bounded by the word's page count times the most one page
 * costs. Where it could, that word goes page by page, so the pages sent, their order and the cut are those of a
 * page-by-page pass.
 */
final class PassSender {
    /** Sends the pages {@code bits} of word {@code word} in address order; returns their wire bytes. */
    @FunctionalInterface
    interface WordSender {
        long send(int word, long bits);

        /** Sends every set page of words {@code from} to {@code to} (exclusive) of {@code bitmap}, in address order. */
        default long sendWords(PageBitmap bitmap, int from, int to) {
            long bytes = 0;
            for (int w = from; w < to; w++) {
                long bits = bitmap.word(w);
                if (bits != 0) bytes += send(w, bits);
            }
            return bytes;
        }
    }

    /**
     * The migration thread's work in a rate-limit period beside its budget (QEMU 10, migration/ram.c: each zero page
     * is read by save_zero_page's buffer_is_zero; every page is written to the stream). A period ends when its budget
     * is spent or after {@link Optimisations#RATE_LIMIT_PERIOD_SECONDS} of that work, and lasts the longer of its
     * bytes at the cap and the work (migration/migration.c: migration_rate_limit sleeps only to the period's end).
     *
     * @param capBytesPerSecond the rate limit
     * @param streamBytesPerSecond what the stream carries uncapped
     * @param zeroPageSeconds the check of one zero page (Overheads.zeroPageCost); 0: the cap alone sets the pace
     * @param zeroPagesSent the zero pages sent so far, counted on
     */
    record PeriodWork(double capBytesPerSecond, double streamBytesPerSecond, double zeroPageSeconds,
                      DoubleSupplier zeroPagesSent) {
        static final PeriodWork NONE = new PeriodWork(1, 1, 0, () -> 0);

        /**
         * The spec's: the stream at the link's rate, the profile's zero-page cost; none with multifd, whose channels
         * check their own pages (QEMU 10: multifd_send_zero_page_detect, migration/multifd-zero-page.c).
         */
        static PeriodWork of(MigrationSpec spec, double capBytesPerSecond, DoubleSupplier zeroPagesSent) {
            double zeroPageSeconds = spec.optimisations().multifdChannels() > 0 ? 0
                    : spec.overheads().zeroPageCost().toNanos() / 1e9;
            return new PeriodWork(capBytesPerSecond, Math.max(capBytesPerSecond,
                    spec.link().bandwidth().bytesPerSecond()), zeroPageSeconds, zeroPagesSent);
        }

        double seconds(double bytes, double zeroPages) {
            return zeroPages * zeroPageSeconds + bytes / streamBytesPerSecond;
        }
    }

    private final PageBitmap toSend;
    /** Where the next mid-pass round resumes its scan of the migration bitmap. */
    private int scanCursor;
    /**
     * The scan has reached the end of memory once. QEMU 10 turns XBZRLE on only then (find_dirty_block sets
     * xbzrle_started when the search wraps past the last RAMBlock, migration/ram.c), not at the first dirty sync,
     * which a mid-pass check brings before the first pass's tail is sent.
     */
    private boolean wrapped;
    long bytes;
    long pages;
    /** The budget ended the pass: a page that could not have arrived before the timeout was left unsent. */
    boolean cut;
    /** The pass's time beyond its bytes at the cap: rate-limit periods the zero-page checks made longer. */
    double slowSeconds;
    /**
     * The last closed period's bytes at the cap over its length (1 when the cap set its pace): QEMU's threshold_size
     * comes from the last window's bytes over its time (migration/migration.c, migration_update_counters).
     */
    double windowShare = 1;

    PassSender(PageBitmap toSend) {
        this.toSend = toSend;
    }

    /**
     * Sends every page in the bitmap, or as many as {@code budgetBytes} allows in bitmap order.
     *
     * @param maxPageBytes the most one page can cost on the wire, to skip the budget when the whole pass fits it
     */
    void whole(WordSender send, double budgetBytes, long maxPageBytes) {
        slowSeconds = 0;
        bytes = 0;
        pages = 0;
        cut = false;
        // the whole memory fits the budget: every page goes, in one sweep of the words; otherwise each word is
        // checked on its own
        if (toSend.pages() * (double) maxPageBytes <= budgetBytes) {
            pages = toSend.cardinality();
            bytes = send.sendWords(toSend, toSend.spanStart(), toSend.spanEnd());
            toSend.clearAll();
            wrapped = true;
            return;
        }
        for (int w = toSend.spanStart(), n = toSend.spanEnd(); w < n; w++) {
            long bits = toSend.word(w);
            if (bits == 0) continue;
            int count = Long.bitCount(bits);
            if (bytes + count * maxPageBytes <= budgetBytes) {
                bytes += send.send(w, bits);
                pages += count;
                toSend.setWord(w, 0);
                continue;
            }
            for (; bits != 0; bits &= bits - 1) {
                if (bytes + maxPageBytes > budgetBytes) {
                    cut = true;
                    return;
                }
                long page = bits & -bits;
                bytes += send.send(w, page);
                toSend.setWord(w, toSend.word(w) & ~page);
                pages++;
            }
        }
        wrapped = true;
    }

    /**
     * QEMU's migration thread sends one rate-limit period's budget (the cap x 100 ms) per iteration and compares
     * what is still unsent with the threshold before each (migration_iteration_run); the scan resumes where the last
     * one stopped (ram.c: last_seen_block / last_page), wrapping at the end. The threshold is {@code fitsPages}
     * at the cap times {@link #windowShare}; each period is timed by {@code work}.
     */
    void untilFits(WordSender send, double fitsPages, double chunkBytes, double budgetBytes, long maxPageBytes,
                   PeriodWork work) {
        bytes = 0;
        pages = 0;
        cut = false;
        slowSeconds = 0;
        long unsent = toSend.cardinality();
        while (unsent > 0 && unsent >= fitsPages * windowShare) {
            double chunk = 0;
            double zeroBefore = work.zeroPagesSent().getAsDouble();
            boolean scans = work.zeroPageSeconds() > 0;
            while (chunk < chunkBytes && unsent > 0 && !(scans && work.seconds(chunk,
                    work.zeroPagesSent().getAsDouble() - zeroBefore) >= Optimisations.RATE_LIMIT_PERIOD_SECONDS)) {
                int first = toSend.nextSet(scanCursor);
                if (first < 0) {
                    first = toSend.nextSet(0);
                    wrapped = true;
                }
                int w = first >>> 6;
                long bits = toSend.word(w) & (-1L << first);
                int count = Long.bitCount(bits);
                // the whole rest of the word when neither the budget nor the chunk can end the loop inside it
                if (bytes + count * maxPageBytes <= budgetBytes
                        && chunk + (count - 1) * (double) maxPageBytes < chunkBytes) {
                    long b = send.send(w, bits);
                    toSend.setWord(w, toSend.word(w) & ~bits);
                    chunk += b;
                    bytes += b;
                    pages += count;
                    unsent -= count;
                    advance((w << 6) + 63 - Long.numberOfLeadingZeros(bits));
                    continue;
                }
                if (bytes + maxPageBytes > budgetBytes) {
                    cut = true;
                    return;
                }
                long page = bits & -bits;
                long b = send.send(w, page);
                toSend.setWord(w, toSend.word(w) & ~page);
                chunk += b;
                bytes += b;
                pages++;
                unsent--;
                advance(first);
            }
            if (scans) closePeriod(chunk, work.seconds(chunk, work.zeroPagesSent().getAsDouble() - zeroBefore),
                    chunk >= chunkBytes, work.capBytesPerSecond());
        }
    }

    /** Times a period; one that spent its budget or lasted a whole period closes QEMU's window. */
    private void closePeriod(double chunk, double workSeconds, boolean spent, double capBytesPerSecond) {
        double atCap = chunk / capBytesPerSecond;
        double seconds = Math.max(atCap, workSeconds);
        slowSeconds += seconds - atCap;
        if (spent || workSeconds >= Optimisations.RATE_LIMIT_PERIOD_SECONDS) windowShare = atCap / seconds;
    }

    private void advance(int lastSent) {
        scanCursor = lastSent + 1 < toSend.pages() ? lastSent + 1 : 0;
        wrapped |= scanCursor == 0;
    }

    /**
     * Whether the pages of {@code word} may go as XBZRLE deltas: once the scan has wrapped, or, for pages sent in
     * address order at the switch-over, below where the scan stands (QEMU's last pass reaches them after its wrap).
     */
    boolean deltaAllowed(int word) {
        return wrapped || (word + 1) << 6 <= scanCursor;
    }
}
