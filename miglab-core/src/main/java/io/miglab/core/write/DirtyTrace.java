package io.miglab.core.write;

import io.miglab.core.error.InvalidSpecException;
import java.util.List;

/**
 * A recorded dirty log: for each interval of {@code intervalSeconds}, the set of pages written in it, stored as
 * sorted, disjoint [from, to) ranges ({@code ranges[2i]}, {@code ranges[2i+1]}). The file format that holds it is
 * described in the README ("Dirty-page trace format") and read by the CLI.
 */
public record DirtyTrace(double intervalSeconds, List<int[]> intervals) {
    /** Shortest interval, 1 us: finer than any dirty log is collected, and it keeps interval numbers in a long. */
    public static final double MIN_INTERVAL_MS = 0.001;
    /** Longest interval, one hour. */
    public static final double MAX_INTERVAL_MS = 3_600_000;

    public DirtyTrace {
        double ms = intervalSeconds * 1000;
        InvalidSpecException.require(ms >= MIN_INTERVAL_MS * (1 - 1e-9) && ms <= MAX_INTERVAL_MS * (1 + 1e-9),
                "trace.interval", "from 0.001 to 3600000 ms", ms + " ms");
        InvalidSpecException.require(intervals != null && !intervals.isEmpty(), "trace", "at least one interval",
                "none");
        intervals = List.copyOf(intervals);
    }

    /** Pages written in interval {@code i}. */
    public long pagesIn(int i) {
        int[] r = intervals.get(i);
        long n = 0;
        for (int k = 0; k < r.length; k += 2) n += r[k + 1] - r[k];
        return n;
    }

    public int highestPage() {
        int max = -1;
        for (int[] r : intervals) if (r.length > 0) max = Math.max(max, r[r.length - 1] - 1);
        return max;
    }

    public double meanPagesPerInterval() {
        double sum = 0;
        for (int i = 0; i < intervals.size(); i++) sum += pagesIn(i);
        return sum / intervals.size();
    }
}
