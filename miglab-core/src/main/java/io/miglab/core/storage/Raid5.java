package io.miglab.core.storage;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.util.Objects;

/**
 * A RAID 5 array of {@code disks} disks striped in {@code stripeUnit} chunks, one chunk of each stripe holding the
 * parity of the others. A write smaller than a stripe costs four disk operations per byte written: read the old
 * data, read the old parity, write the data, write the parity (the read-modify-write of Patterson, Gibson and Katz,
 * "A Case for Redundant Arrays of Inexpensive Disks", SIGMOD 1988, level 5); a write of a whole stripe computes
 * the parity from the new data alone and costs n/(n-1) of the data (n-1 data chunks plus one parity chunk).
 *
 * @param disks          n, at least 3
 * @param stripeUnit     the chunk each disk holds of a stripe (Linux md's default: 512 KiB)
 * @param diskThroughput what one disk reads or writes per second; the array does n times that in disk operations
 */
public record Raid5(int disks, ByteSize stripeUnit, DataRate diskThroughput) {
    /** Linux md's default chunk (mdadm since 3.1). */
    public static final ByteSize DEFAULT_STRIPE_UNIT = ByteSize.ofKiB(512);
    public static final int DEFAULT_DISKS = 4;
    /** A 7200 rpm SATA disk's sustained rate, about 150 MB/s. */
    public static final DataRate DEFAULT_DISK_THROUGHPUT = DataRate.ofBytesPerSecond(150e6);
    /** Disk operations per byte of a small (read-modify-write) write. */
    public static final int SMALL_WRITE_PENALTY = 4;

    public Raid5 {
        Objects.requireNonNull(stripeUnit, "stripeUnit");
        Objects.requireNonNull(diskThroughput, "diskThroughput");
        InvalidSpecException.require(disks >= 3 && disks <= 64, "nas-disks", "3..64 disks", disks);
        InvalidSpecException.require(stripeUnit.bytes() >= 4096 && Long.bitCount(stripeUnit.bytes()) == 1,
                "nas-stripe", "a power of two from 4 KiB", stripeUnit);
        InvalidSpecException.require(diskThroughput.bytesPerSecond() > 0, "nas-disk-rate", "a rate above 0",
                diskThroughput);
    }

    public static Raid5 defaults() {
        return new Raid5(DEFAULT_DISKS, DEFAULT_STRIPE_UNIT, DEFAULT_DISK_THROUGHPUT);
    }

    /** The data one full stripe holds: (n-1) chunks. */
    public long dataStripeBytes() {
        return (disks - 1) * stripeUnit.bytes();
    }

    /** Disk bytes moved for {@code dataBytes} written as small writes: 4 x the data. */
    public double smallWriteIoBytes(double dataBytes) {
        return SMALL_WRITE_PENALTY * dataBytes;
    }

    /** Disk bytes moved for {@code dataBytes} written as whole stripes: n/(n-1) x the data. */
    public double fullStripeIoBytes(double dataBytes) {
        return dataBytes * disks / (disks - 1);
    }

    /** Disk bytes moved to read {@code dataBytes}: the data itself. */
    public double readIoBytes(double dataBytes) {
        return dataBytes;
    }

    /** Seconds the array needs for this many disk bytes, spread over all n disks. */
    public double ioSeconds(double ioBytes) {
        return ioBytes / (disks * diskThroughput.bytesPerSecond());
    }

    /**
     * The disk bytes of writing a set of pages of the image (page p at offset p x pageSize), given in ascending
     * order: each stripe the set covers whole is a full-stripe write, the pages of any other stripe small writes.
     */
    public final class WriteBatch {
        private final long pageBytes;
        private long stripe = -1;
        private long inStripe;
        private double ioBytes;
        private final long imageBytes;

        public WriteBatch(long pageBytes, long imageBytes) {
            this.pageBytes = pageBytes;
            this.imageBytes = imageBytes;
        }

        public void page(long index) {
            long s = index * pageBytes / dataStripeBytes();
            if (s != stripe) flush();
            stripe = s;
            inStripe += pageBytes;
        }

        /** The disk bytes of every page given so far. */
        public double ioBytes() {
            flush();
            return ioBytes;
        }

        private void flush() {
            if (inStripe == 0) return;
            long stripeStart = stripe * dataStripeBytes();
            long whole = Math.min(dataStripeBytes(), imageBytes - stripeStart);
            ioBytes += inStripe >= dataStripeBytes() && whole == dataStripeBytes() ? fullStripeIoBytes(inStripe)
                    : smallWriteIoBytes(inStripe);
            inStripe = 0;
        }
    }

    public WriteBatch batch(long pageBytes, long imageBytes) {
        return new WriteBatch(pageBytes, imageBytes);
    }
}
