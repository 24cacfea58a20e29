package io.miglab.core.write;

/** An idle guest: nothing is written. */
public record NoWrites() implements WriteModel {
    @Override
    public int[] writableRange(int pages) {
        return new int[] {0, 0};
    }

    @Override
    public WriteProcess start(int pages, long seed) {
        return (from, to, sink) -> { };
    }

    @Override
    public double pagesPerSecond() { return 0; }

    @Override
    public double expectedDistinctPages(double seconds, int pages) { return 0; }

    @Override
    public String describe() { return "none"; }
}
