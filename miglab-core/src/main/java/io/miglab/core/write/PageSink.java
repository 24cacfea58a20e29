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
}
