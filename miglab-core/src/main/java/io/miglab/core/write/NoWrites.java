package io.miglab.core.write;

import io.miglab.core.memory.GuestMemory;

/** An idle guest: nothing is written. */
public record NoWrites() implements WriteModel {
    @Override
    public int[] writableRange(GuestMemory memory) {
        return new int[] {0, 0};
    }

    @Override
    public WriteProcess start(GuestMemory memory, long seed) {
        return (from, to, sink) -> { };
    }

    @Override
    public double pagesPerSecond() { return 0; }

    @Override
    public double expectedDistinctPages(double seconds, int pages) { return 0; }

    @Override
    public String describe() { return "none"; }
}
