package io.miglab.core.write;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.unit.Decimals;

/** Writes at {@code pagesPerSecond}, each to a page drawn uniformly from all of memory. */
public record UniformWrites(double pagesPerSecond) implements WriteModel {
    public UniformWrites {
        InvalidSpecException.require(pagesPerSecond >= 0 && Double.isFinite(pagesPerSecond), "dirty-rate",
                "pages/s >= 0", pagesPerSecond);
    }

    @Override
    public WriteProcess start(GuestMemory memory, long seed) {
        UniformDraw draw = new UniformDraw(seed);
        UniformDraw.Region all = UniformDraw.Region.contiguous(0, memory.pages());
        return (from, to, sink) -> draw.write(Writes.countBetween(pagesPerSecond, from, to), all, sink);
    }

    /** Distinct pages among R t uniform draws from N: N (1 - e^(-R t / N)). */
    @Override
    public double expectedDistinctPages(double seconds, int pages) {
        return pages * -Math.expm1(-pagesPerSecond * seconds / pages);
    }

    @Override
    public String describe() { return "uniform " + Decimals.fixed(pagesPerSecond, 0) + " pages/s"; }
}
