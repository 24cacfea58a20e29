package io.miglab.core.sim;

import io.miglab.core.memory.PageBitmap;

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
    }

    private final PageBitmap toSend;
    /** Where the next mid-pass round resumes its scan of the migration bitmap. */
    private int scanCursor;
    long bytes;
    long pages;
    /** The budget ended the pass: a page that could not have arrived before the timeout was left unsent. */
    boolean cut;

    PassSender(PageBitmap toSend) {
        this.toSend = toSend;
    }

    /**
     * Sends every page in the bitmap, or as many as {@code budgetBytes} allows in bitmap order.
     *
     * @param maxPageBytes the most one page can cost on the wire, to skip the budget when the whole pass fits it
     */
    void whole(WordSender send, double budgetBytes, long maxPageBytes) {
        bytes = 0;
        pages = 0;
        cut = false;
        // the whole memory fits the budget (no need to count the pages); otherwise each word is checked on its own
        boolean fits = toSend.pages() * (double) maxPageBytes <= budgetBytes;
        for (int w = toSend.spanStart(), n = toSend.spanEnd(); w < n; w++) {
            long bits = toSend.word(w);
            if (bits == 0) continue;
            int count = Long.bitCount(bits);
            if (fits || bytes + count * maxPageBytes <= budgetBytes) {
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
    }

    /**
     * QEMU's migration thread sends one rate-limit period's budget (the cap x 100 ms) per iteration and compares
     * what is still unsent with the threshold before each (migration_iteration_run); the scan resumes where the last
     * one stopped (ram.c: last_seen_block / last_page), wrapping at the end.
     */
    void untilFits(WordSender send, double fitsPages, double chunkBytes, double budgetBytes, long maxPageBytes) {
        bytes = 0;
        pages = 0;
        cut = false;
        long unsent = toSend.cardinality();
        while (unsent > 0 && unsent >= fitsPages) {
            double chunk = 0;
            while (chunk < chunkBytes && unsent > 0) {
                int first = toSend.nextSet(scanCursor);
                if (first < 0) first = toSend.nextSet(0);
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
        }
    }

    private void advance(int lastSent) {
        scanCursor = lastSent + 1 < toSend.pages() ? lastSent + 1 : 0;
    }
}
