package io.miglab.bench.run;

/** Receives a benchmark's progress, on the benchmark's thread; keep it quick. */
public interface ProgressListener {
    ProgressListener NONE = p -> { };

    /** Called when a step starts and when it ends. */
    void onProgress(Progress progress);

    /** A line worth showing the user (a migration that did not complete, a result stored). */
    default void onMessage(String message) { }
}
