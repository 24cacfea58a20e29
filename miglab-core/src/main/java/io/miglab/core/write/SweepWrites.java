package io.miglab.core.write;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.Decimals;
import java.util.OptionalDouble;

/**
 * The array load test of the QEMU/KVM experiments, and what miglab's guest {@code memwriter} does: one write to
 * each page of an array of {@code array} bytes (placed where the guest's {@link MemoryLayout} puts it), in address
 * order, cycling, at {@code pagesPerSecond}. Within one pass every write hits a page not yet written in that pass,
 * which is what makes pre-copy's data follow the geometric series exactly.
 *
 * <p>{@code phase} is where in its array the sweep stands when the migration starts, as a share of the array. A
 * writer that has run since boot stands anywhere, and a user cannot see where; empty means that: a process starts
 * at 0, and the page-level simulator gives the run at the median total time over {@link #MEDIAN_PHASES} evenly
 * spaced phases, since the end game of a migration turns on a few hundred pages of where the sweep stood.
 */
public record SweepWrites(ByteSize array, int pageSizeBytes, double pagesPerSecond, OptionalDouble phase)
        implements WriteModel {
    /** How many evenly spaced phases an unknown phase stands for: odd, so that the median is one of the runs. */
    public static final int MEDIAN_PHASES = 7;
    /** What a phase may be, in the words every parser of it uses. */
    public static final String PHASE_RANGE = "a share of the array from 0 to below 1";

    public SweepWrites {
        InvalidSpecException.require(array.bytes() >= pageSizeBytes, "working-set", "at least one page", array);
        InvalidSpecException.require(pagesPerSecond >= 0 && Double.isFinite(pagesPerSecond), "dirty-rate",
                "pages/s >= 0", pagesPerSecond);
        InvalidSpecException.require(phase.isEmpty() || phase.getAsDouble() >= 0 && phase.getAsDouble() < 1,
                "writer-phase", PHASE_RANGE + ", or median", phase);
    }

    /** A sweep that starts at its array's first page. */
    public SweepWrites(ByteSize array, int pageSizeBytes, double pagesPerSecond) {
        this(array, pageSizeBytes, pagesPerSecond, OptionalDouble.of(0));
    }

    /** The array rewritten every {@code periodSeconds}: rate = array pages / period. */
    public static SweepWrites everyPeriod(ByteSize array, int pageSizeBytes, double periodSeconds) {
        InvalidSpecException.require(periodSeconds > 0, "sweep-period", "a period > 0", periodSeconds);
        return new SweepWrites(array, pageSizeBytes, array.bytes() / pageSizeBytes / periodSeconds);
    }

    public int arrayPages(int pages) {
        return (int) Math.min(pages, array.bytes() / pageSizeBytes);
    }

    @Override
    public boolean phaseUnknown() {
        return phase.isEmpty();
    }

    @Override
    public SweepWrites atPhase(double share) {
        return new SweepWrites(array, pageSizeBytes, pagesPerSecond, OptionalDouble.of(share));
    }

    /** The same sweep with its phase unknown. */
    public SweepWrites phaseNotKnown() {
        return new SweepWrites(array, pageSizeBytes, pagesPerSecond, OptionalDouble.empty());
    }

    @Override
    public int[] writableRange(GuestMemory memory) {
        int size = arrayPages(memory.pages());
        int base = memory.layout().regionStart(memory, size);
        return new int[] {base, base + size};
    }

    @Override
    public WriteProcess start(GuestMemory memory, long seed) {
        int size = arrayPages(memory.pages());
        int base = memory.layout().regionStart(memory, size);
        long offset = (long) Math.floor(phase.orElse(0) * size);
        return (from, to, sink) -> {
            long first = (long) Math.floor(pagesPerSecond * from) + offset;
            long n = Writes.countBetween(pagesPerSecond, from, to);
            if (n >= size) {
                sink.range(base, base + size);
                return;
            }
            int pos = (int) (first % size);
            int end = (int) Math.min(size, pos + n);
            sink.range(base + pos, base + end);
            long rest = n - (end - pos);
            if (rest > 0) sink.range(base, base + (int) rest);
        };
    }

    @Override
    public double expectedDistinctPages(double seconds, int pages) {
        return Math.min(pagesPerSecond * seconds, arrayPages(pages));
    }

    @Override
    public String describe() {
        String at = phase.isEmpty() ? ", the median run of " + MEDIAN_PHASES + " starting points"
                : phase.getAsDouble() == 0 ? "" : ", starting " + Decimals.fixed(phase.getAsDouble() * 100, 1)
                        + " % into it";
        return "sweep " + array + " at " + Decimals.fixed(pagesPerSecond, 0) + " pages/s" + at;
    }
}
