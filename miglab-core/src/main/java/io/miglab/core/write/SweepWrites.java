package io.miglab.core.write;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.memory.MemoryLayout;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.Decimals;

/**
 * The array load test of the QEMU/KVM experiments, and what miglab's guest {@code memwriter} does: one write to
 * each page of an array of {@code array} bytes (placed where the guest's {@link MemoryLayout} puts it), in address
 * order, cycling, at {@code pagesPerSecond}. Within one pass every write hits a page not yet written in that pass,
 * which is what makes pre-copy's data follow the geometric series exactly.
 */
public record SweepWrites(ByteSize array, int pageSizeBytes, double pagesPerSecond) implements WriteModel {
    public SweepWrites {
        InvalidSpecException.require(array.bytes() >= pageSizeBytes, "working-set", "at least one page", array);
        InvalidSpecException.require(pagesPerSecond >= 0 && Double.isFinite(pagesPerSecond), "dirty-rate",
                "pages/s >= 0", pagesPerSecond);
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
    public int[] writableRange(GuestMemory memory) {
        int size = arrayPages(memory.pages());
        int base = memory.layout().regionStart(memory, size);
        return new int[] {base, base + size};
    }

    @Override
    public WriteProcess start(GuestMemory memory, long seed) {
        int size = arrayPages(memory.pages());
        int base = memory.layout().regionStart(memory, size);
        return (from, to, sink) -> {
            long first = (long) Math.floor(pagesPerSecond * from);
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
        return "sweep " + array + " at " + Decimals.fixed(pagesPerSecond, 0) + " pages/s";
    }
}
