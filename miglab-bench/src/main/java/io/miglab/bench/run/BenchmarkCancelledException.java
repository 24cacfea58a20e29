package io.miglab.bench.run;

/** The benchmark was cancelled; what it had measured is in the store as an incomplete run. */
public final class BenchmarkCancelledException extends Exception {
    public BenchmarkCancelledException(String message) {
        super(message);
    }
}
