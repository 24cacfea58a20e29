package io.miglab.core.write;

/** Shared arithmetic of the writers. */
final class Writes {
    /** Beyond this many writes the count is taken as a difference of doubles (floor would overflow a long). */
    private static final double EXACT_LIMIT = 0x1p62;

    private Writes() { }

    /**
     * Number of writes in [from, to) for a writer at {@code rate} per second, counted from time zero so that
     * consecutive intervals never drift: floor(rate * to) - floor(rate * from). At rates whose running count no
     * longer fits a long (1e18 pages/s after 9 s) it is rate * (to - from), capped at 2^62.
     */
    static long countBetween(double rate, double from, double to) {
        if (rate <= 0 || to <= from) return 0;
        double end = rate * to;
        if (end < EXACT_LIMIT) return (long) Math.floor(end) - (long) Math.floor(rate * from);
        return (long) Math.min(EXACT_LIMIT, Math.floor(rate * (to - from)));
    }
}
