package io.miglab.core.sim;

import io.miglab.core.memory.PageBitmap;
import java.util.function.IntToLongFunction;

/**
 * One pre-copy pass over the migration bitmap: the whole pass, or, with QEMU's mid-pass check, until the unsent rest
 * fits the downtime limit. Either way no further than a byte budget, the bytes that fit before the policy's timeout:
 * a timeout ends the round it falls in, as miglab's QEMU driver cancels at the timeout whatever the pass is doing.
 */
final class PassSender {
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
    void whole(IntToLongFunction send, double budgetBytes, long maxPageBytes) {
        bytes = 0;
        pages = 0;
        cut = false;
        if (toSend.cardinality() * (double) maxPageBytes <= budgetBytes) {
            for (int p = toSend.nextSet(0); p >= 0; p = toSend.nextSet(p + 1)) {
                bytes += send.applyAsLong(p);
                pages++;
            }
            toSend.clearAll();
            return;
        }
        for (int p = toSend.nextSet(0); p >= 0; p = toSend.nextSet(p + 1)) {
            if (bytes + maxPageBytes > budgetBytes) {
                cut = true;
                return;
            }
            bytes += send.applyAsLong(p);
            toSend.clear(p);
            pages++;
        }
    }

    /**
     * QEMU's migration thread sends one rate-limit period's budget (the cap x 100 ms) per iteration and compares
     * what is still unsent with the threshold before each (migration_iteration_run); the scan resumes where the last
     * one stopped (ram.c: last_seen_block / last_page), wrapping at the end.
     */
    void untilFits(IntToLongFunction send, double fitsPages, double chunkBytes, double budgetBytes,
                   long maxPageBytes) {
        bytes = 0;
        pages = 0;
        cut = false;
        long unsent = toSend.cardinality();
        while (unsent > 0 && unsent >= fitsPages) {
            double chunk = 0;
            while (chunk < chunkBytes && unsent > 0) {
                if (bytes + maxPageBytes > budgetBytes) {
                    cut = true;
                    return;
                }
                int p = toSend.nextSet(scanCursor);
                if (p < 0) p = toSend.nextSet(0);
                long b = send.applyAsLong(p);
                toSend.clear(p);
                chunk += b;
                bytes += b;
                pages++;
                unsent--;
                scanCursor = p + 1 < toSend.pages() ? p + 1 : 0;
            }
        }
    }
}
