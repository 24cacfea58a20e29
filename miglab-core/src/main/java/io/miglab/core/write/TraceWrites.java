package io.miglab.core.write;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.unit.Decimals;

/**
 * Replays a {@link DirtyTrace}, looping when it ends. The pages of one interval are spread evenly over it in the
 * order they are listed, so a round that covers half an interval sees the first half of its pages. A call that
 * spans more than one loop of the trace emits each page once (repeats change nothing the simulator keeps).
 */
public record TraceWrites(DirtyTrace trace, String source) implements WriteModel {
    @Override
    public WriteProcess start(GuestMemory memory, long seed) {
        int pages = memory.pages();
        InvalidSpecException.require(trace.highestPage() < pages, "trace",
                "page numbers below the guest's " + pages + " pages", "page " + trace.highestPage());
        double step = trace.intervalSeconds();
        int count = trace.intervals().size();
        return (from, to, sink) -> {
            if (to <= from) return;
            long first = (long) Math.floor(from / step);
            long last = (long) Math.floor(to / step);
            // After the first (maybe partial) interval, the next `count` whole ones hold every page the trace ever
            // writes, so the later ones only repeat writes: stopping there leaves the pages written, and the order
            // in which each is first written, as they were, and bounds a call by the trace's size, not its span.
            long stop = Math.min(last, first + count);
            for (long k = first; k <= stop; k++) {
                double start = k * step;
                double a = Math.max(0, (from - start) / step), b = Math.min(1, (to - start) / step);
                if (b <= a) continue;
                emit(trace.intervals().get((int) (k % count)), trace.pagesIn((int) (k % count)), a, b, sink);
            }
        };
    }

    /** Emits the pages at ordinal positions [a * total, b * total) of one interval's ranges. */
    private static void emit(int[] ranges, long total, double a, double b, PageSink sink) {
        long lo = (long) Math.floor(a * total), hi = (long) Math.floor(b * total);
        long seen = 0;
        for (int r = 0; r < ranges.length && seen < hi; r += 2) {
            long len = ranges[r + 1] - ranges[r];
            long s = Math.max(lo, seen), e = Math.min(hi, seen + len);
            if (s < e) sink.range((int) (ranges[r] + s - seen), (int) (ranges[r] + e - seen));
            seen += len;
        }
    }

    @Override
    public double pagesPerSecond() { return trace.meanPagesPerInterval() / trace.intervalSeconds(); }

    /** Approximation: distinct pages per interval add up until they cover what the trace ever touches. */
    @Override
    public double expectedDistinctPages(double seconds, int pages) {
        return Math.min(Math.min(pages, trace.highestPage() + 1), pagesPerSecond() * seconds);
    }

    @Override
    public String describe() {
        return "trace " + source + " (" + Decimals.fixed(pagesPerSecond(), 0) + " pages/s)";
    }
}
