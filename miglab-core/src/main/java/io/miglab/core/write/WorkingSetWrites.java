package io.miglab.core.write;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.Decimals;

/**
 * A writable working set: {@code hotPagesPerSecond} random writes within a hot set of {@code workingSet} bytes
 * placed where the guest's {@link MemoryLayout} puts it, plus optional {@code coldPagesPerSecond} random writes
 * anywhere else.
 */
public record WorkingSetWrites(ByteSize workingSet, int pageSizeBytes, double hotPagesPerSecond,
                               double coldPagesPerSecond) implements WriteModel {
    public WorkingSetWrites {
        InvalidSpecException.require(workingSet.bytes() >= pageSizeBytes, "working-set", "at least one page",
                workingSet);
        InvalidSpecException.require(hotPagesPerSecond >= 0 && Double.isFinite(hotPagesPerSecond), "dirty-rate",
                "pages/s >= 0", hotPagesPerSecond);
        InvalidSpecException.require(coldPagesPerSecond >= 0 && Double.isFinite(coldPagesPerSecond),
                "cold-dirty-rate", "pages/s >= 0", coldPagesPerSecond);
    }

    public int hotPages(int pages) {
        return (int) Math.min(pages, workingSet.bytes() / pageSizeBytes);
    }

    /** The hot set alone when nothing is written outside it. */
    @Override
    public int[] writableRange(GuestMemory memory) {
        if (coldPagesPerSecond > 0) return new int[] {0, memory.pages()};
        int hot = hotPages(memory.pages());
        int start = memory.layout().regionStart(memory, hot);
        return new int[] {start, start + hot};
    }

    @Override
    public WriteProcess start(GuestMemory memory, long seed) {
        int pages = memory.pages();
        int hot = hotPages(pages);
        int start = memory.layout().regionStart(memory, hot);
        int cold = pages - hot;
        UniformDraw draw = new UniformDraw(seed);
        UniformDraw.Region hotSet = UniformDraw.Region.contiguous(start, hot);
        // the cold pages are those below the hot set and those above it
        UniformDraw.Region coldSet = new UniformDraw.Region(cold, start, 0, hot);
        return (from, to, sink) -> {
            draw.write(Writes.countBetween(hotPagesPerSecond, from, to), hotSet, sink);
            if (cold > 0) {
                draw.write(Writes.countBetween(coldPagesPerSecond, from, to), coldSet, sink);
            }
        };
    }

    @Override
    public double pagesPerSecond() { return hotPagesPerSecond + coldPagesPerSecond; }

    @Override
    public double expectedDistinctPages(double seconds, int pages) {
        int hot = hotPages(pages);
        int cold = pages - hot;
        double d = hot * -Math.expm1(-hotPagesPerSecond * seconds / hot);
        if (cold > 0) d += cold * -Math.expm1(-coldPagesPerSecond * seconds / cold);
        return d;
    }

    @Override
    public String describe() {
        return "working-set " + workingSet + " at " + Decimals.fixed(hotPagesPerSecond, 0) + " pages/s"
                + (coldPagesPerSecond > 0 ? " + " + Decimals.fixed(coldPagesPerSecond, 0) + " cold pages/s" : "");
    }
}
