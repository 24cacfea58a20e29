package io.miglab.core.write;

/** Receives the pages a guest writes. Ranges let sequential writers skip the per-page call. */
@FunctionalInterface
public interface PageSink {
    void page(int index);

    /** Pages {@code from} (inclusive) to {@code to} (exclusive). */
    default void range(int from, int to) {
        for (int p = from; p < to; p++) page(p);
    }

    /** Pages {@code list[0]} to {@code list[count - 1]}, written in that order (random writers hand them in batches). */
    default void pages(int[] list, int count) {
        for (int i = 0; i < count; i++) page(list[i]);
    }

    /**
     * Whether this sink needs the pages in the order they were written. One that only marks them (a dirty log)
     * does not: a writer may then hand it the pages as bitmap words, in address order.
     */
    default boolean needsOrder() {
        return true;
    }

    /**
     * The pages set in {@code bits[0]} to {@code bits[count - 1]}, bit j of {@code bits[i]} being page
     * 64 (firstWord + i) + j.
     */
    default void words(int firstWord, long[] bits, int count) {
        for (int i = 0; i < count; i++) {
            for (long w = bits[i]; w != 0; w &= w - 1) page(((firstWord + i) << 6) + Long.numberOfTrailingZeros(w));
        }
    }
}
