package io.miglab.core.sim;

import io.miglab.core.memory.PageBitmap;
import java.util.function.DoubleBinaryOperator;

/**
 * Post-copy's background push: the pages still at the source go in address order from a cursor (wrapping at the
 * end), each charged to two budgets in seconds that run side by side, the wire (its bytes at the push's rate, or
 * at the link's rate once what is pending fits the completion bytes) and the destination (reading and placing it:
 * MigrationSpec.postCopyHostSeconds). The push stops at the first page either budget no longer covers.
 *
 * <p>It works a bitmap word at a time: the next pending page by the word's lowest set bit, and the pages of the
 * word sent, cleared and counted together once the budgets have said how far into the word the push gets. Only
 * the budgets are charged page by page, with the per-page amounts precomputed, so they hold the very same doubles
 * as a page-by-page push and stop on the very same page.
 */
final class BackgroundPush {
    private final PageBitmap pending;
    private final int pageSize;
    private final double completionBytes;
    /** Wire seconds of a zero page and of a full one, under the push's cap and at the link's rate. */
    private final double wireZeroCapped;
    private final double wireFullCapped;
    private final double wireZeroFree;
    private final double wireFullFree;
    /** Destination seconds of a zero page and of a full one. */
    private final double placeZero;
    private final double placeFull;
    /** The wire's and the destination's budgets, in seconds; pushing goes on while both are positive. */
    double wire;
    double place;
    /** Where the next push resumes its scan. */
    int cursor;
    /** While used pages are pushed before zero pages ({@link #usedFirst}): the pending ones; null otherwise. */
    private PageBitmap used;

    /**
     * @param fullPageBytes    the wire bytes of a page that is not a zero page (a zero page costs a header)
     * @param destinationSeconds the destination's time for (bytes, zero pages) of a push
     */
    BackgroundPush(PageBitmap pending, int pageSize, long zeroPageBytes, long fullPageBytes, double pushRate,
                   double linkRate, double completionBytes, DoubleBinaryOperator destinationSeconds) {
        this.pending = pending;
        this.pageSize = pageSize;
        this.completionBytes = completionBytes;
        this.wireZeroCapped = zeroPageBytes / pushRate;
        this.wireFullCapped = fullPageBytes / pushRate;
        this.wireZeroFree = zeroPageBytes / linkRate;
        this.wireFullFree = fullPageBytes / linkRate;
        this.placeZero = destinationSeconds.applyAsDouble(zeroPageBytes, 1);
        this.placeFull = destinationSeconds.applyAsDouble(fullPageBytes, 0);
    }

    /**
     * From now on, push every pending page that is not a zero page before any zero page, each group from the cursor
     * and wrapping. QEMU 10 moves its scan to each page the guest requests (migration/ram.c, get_queued_page) and
     * a guest running on the destination keeps requesting pages of its used blocks (its kernel's, its programs'),
     * so the scan stays among them and the zero block goes last: traced, the pending count fell by one rate-limit
     * period's budget of used pages at a time and by the whole zero block in the last period (docs/qemu-vs-sim.md,
     * "Post-copy's push, traced").
     */
    void usedFirst(ZeroBits zeroBits) {
        used = pending.copy();
        for (int w = 0; w < used.wordCount(); w++) {
            long b = used.word(w);
            if (b != 0) used.setWord(w, b & ~zeroBits.of(w, b));
        }
    }

    /** Page {@code page} left the source outside the push (a demand fault). */
    void sent(int page) {
        if (used != null) used.clear(page);
    }

    /** The next page the push sends: the next pending one from the cursor, wrapping; a used one while any is left. */
    private int next() {
        if (used != null) {
            int first = used.nextSet(cursor);
            if (first < 0) first = used.nextSet(0);
            if (first >= 0) return first;
            used = null;
        }
        int first = pending.nextSet(cursor);
        return first < 0 ? pending.nextSet(0) : first;
    }

    /** The pages {@code bits} of word {@code word} were pushed: clear them, count them, account their bytes. */
    @FunctionalInterface
    interface Pushed {
        void pages(int word, long bits);
    }

    /** The zero pages among {@code bits} of word {@code word}. */
    @FunctionalInterface
    interface ZeroBits {
        long of(int word, long bits);
    }

    /**
     * Pushes while both budgets are positive and pages remain; {@code remaining} is how many are pending. Returns
     * how many it pushed; {@code pushed} is told word by word, after the pages have left the pending bitmap.
     */
    long run(long remaining, ZeroBits zeroBits, Pushed pushed) {
        long count = 0;
        double w = wire, d = place;
        while (w > 0 && d > 0 && remaining > 0) {
            int first = next();
            int word = first >>> 6;
            long bits = (used != null ? used.word(word) : pending.word(word)) & (-1L << first);
            long zeros = zeroBits.of(word, bits);
            int n = Long.bitCount(bits);
            long rest = bits;
            boolean freeFirst = completing(remaining), freeLast = completing(remaining - n + 1);
            if ((zeros == 0 || zeros == bits) && freeFirst == freeLast) {
                // a run of pages that each cost the same: the same subtractions, without choosing each page's cost
                boolean zero = zeros != 0;
                double stepWire = zero ? (freeFirst ? wireZeroFree : wireZeroCapped)
                        : (freeFirst ? wireFullFree : wireFullCapped);
                double stepPlace = zero ? placeZero : placeFull;
                if (coversAll(w, stepWire, n) && coversAll(d, stepPlace, n)) {
                    for (int i = 0; i < n; i++) {
                        w -= stepWire;
                        d -= stepPlace;
                    }
                    rest = 0;
                } else {
                    for (; rest != 0 && w > 0 && d > 0; rest &= rest - 1) {
                        w -= stepWire;
                        d -= stepPlace;
                    }
                }
            } else {
                for (long left = remaining; rest != 0 && w > 0 && d > 0; rest &= rest - 1, left--) {
                    boolean z = (zeros & rest & -rest) != 0;
                    boolean free = completing(left);
                    w -= z ? (free ? wireZeroFree : wireZeroCapped) : (free ? wireFullFree : wireFullCapped);
                    d -= z ? placeZero : placeFull;
                }
            }
            long taken = bits & ~rest;
            int sent = Long.bitCount(taken);
            remaining -= sent;
            count += sent;
            pending.setWord(word, pending.word(word) & ~taken);
            if (used != null) used.setWord(word, used.word(word) & ~taken);
            pushed.pages(word, taken);
            cursor = (word << 6) + 64 - Long.numberOfLeadingZeros(taken);
        }
        wire = w;
        place = d;
        return count;
    }

    /**
     * QEMU completes once what is pending fits bandwidth x downtime-limit: the rest goes uncapped. Checked before
     * each page with what is pending then.
     */
    private boolean completing(long pendingPages) {
        return pendingPages * pageSize <= completionBytes;
    }

    /**
     * Whether {@code n} subtractions of {@code step} from {@code budget} all start from a positive budget, so none
     * needs its check: each rounds by at most half an ulp of the budget, 2 n ulps is margin enough.
     */
    private static boolean coversAll(double budget, double step, int n) {
        return budget - n * step > 2 * n * Math.ulp(budget);
    }
}
