package io.miglab.core.write;

/** Shared arithmetic of the writers. */
final class Writes {
    private Writes() { }

    /**
     * Number of writes in [from, to) for a writer at {@code rate} per second, counted from time zero so that
     * consecutive intervals never drift: floor(rate * to) - floor(rate * from).
     */
    static long countBetween(double rate, double from, double to) {
        if (rate <= 0 || to <= from) return 0;
        return (long) Math.floor(rate * to) - (long) Math.floor(rate * from);
    }
}
