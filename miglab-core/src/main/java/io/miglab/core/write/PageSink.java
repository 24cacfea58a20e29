package io.miglab.core.write;

/** Receives the pages a guest writes. Ranges let sequential writers skip the per-page call. */
@FunctionalInterface
public interface PageSink {
    void page(int index);

    /** Pages {@code from} (inclusive) to {@code to} (exclusive). */
    default void range(int from, int to) {
        for (int p = from; p < to; p++) page(p);
    }
}
