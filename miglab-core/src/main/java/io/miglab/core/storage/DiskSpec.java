package io.miglab.core.storage;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.util.Objects;

/**
 * A VM's local block device, the one description every engine (page-level simulator, closed form, rate-based
 * datacenter, real QEMU with {@code blockdev-mirror} over NBD) reads.
 *
 * @param size              the virtual size of the device
 * @param allocatedShare    share of the device holding data (0..1): only allocated blocks are copied, as QEMU's
 *                          mirror skips holes (block/mirror.c: mirror_dirty_init with sync=full copies the
 *                          allocated extents)
 * @param writeBytesPerSecond how fast the guest writes to the device while it runs (0: an idle disk)
 * @param writtenWorkingSet the part of the device those writes fall in, uniformly (from the device's start)
 * @param blockSize         the granularity of the dirty-block bitmap: a write dirties a whole block (QEMU's
 *                          mirror defaults to max(cluster size, 64 KiB): block/dirty-bitmap.c,
 *                          bdrv_get_default_bitmap_granularity)
 */
public record DiskSpec(ByteSize size, double allocatedShare, double writeBytesPerSecond, ByteSize writtenWorkingSet,
                       ByteSize blockSize) {
    /** QEMU's default dirty-bitmap granularity when the image has no cluster size. */
    public static final ByteSize DEFAULT_BLOCK = ByteSize.ofKiB(64);

    public DiskSpec {
        Objects.requireNonNull(size, "size");
        InvalidSpecException.require(writeBytesPerSecond >= 0 && Double.isFinite(writeBytesPerSecond),
                "disk-write-rate", "a rate >= 0", writeBytesPerSecond);
        Objects.requireNonNull(writtenWorkingSet, "writtenWorkingSet");
        Objects.requireNonNull(blockSize, "blockSize");
        InvalidSpecException.require(blockSize.bytes() >= 512 && Long.bitCount(blockSize.bytes()) == 1,
                "disk-block", "a power of two from 512 B", blockSize);
        InvalidSpecException.require(size.bytes() > 0 && size.bytes() % blockSize.bytes() == 0, "disk-size",
                "a positive whole number of " + blockSize + " blocks", size);
        InvalidSpecException.require(allocatedShare >= 0 && allocatedShare <= 1, "disk-allocated",
                "a share from 0 to 1", allocatedShare);
        InvalidSpecException.require(writtenWorkingSet.compareTo(size) <= 0, "disk-working-set",
                "at most the disk size (" + size + ")", writtenWorkingSet);
        InvalidSpecException.require(writeBytesPerSecond == 0 || writtenWorkingSet.bytes() >= blockSize.bytes(),
                "disk-working-set", "at least one " + blockSize + " block when --disk-write-rate is above 0",
                writtenWorkingSet);
    }

    /** An idle disk of this size, fully allocated. */
    public static DiskSpec idle(ByteSize size) {
        return new DiskSpec(size, 1, 0, ByteSize.ofBytes(0), DEFAULT_BLOCK);
    }

    public DiskSpec withWrites(DataRate rate, ByteSize workingSet) {
        return new DiskSpec(size, allocatedShare, rate.bytesPerSecond(), workingSet, blockSize);
    }

    public long blocks() {
        return size.bytes() / blockSize.bytes();
    }

    /** The blocks holding data, copied by the first pass (rounded to whole blocks). */
    public long allocatedBlocks() {
        return Math.round(blocks() * allocatedShare);
    }

    public long allocatedBytes() {
        return allocatedBlocks() * blockSize.bytes();
    }

    /** The blocks the guest's writes fall in. */
    public long workingSetBlocks() {
        return writtenWorkingSet.bytes() / blockSize.bytes();
    }

    /** Block writes per second (each write dirties one block). */
    public double blockWritesPerSecond() {
        return writeBytesPerSecond / blockSize.bytes();
    }

    /**
     * The expected number of distinct blocks written in {@code seconds} by uniform writes over the working set:
     * W (1 - e^(-r t / W)).
     */
    public double expectedDirtyBlocks(double seconds) {
        long w = workingSetBlocks();
        if (w == 0 || seconds <= 0) return 0;
        return w * -Math.expm1(-blockWritesPerSecond() * seconds / w);
    }
}
