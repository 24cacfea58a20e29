package io.miglab.qemu.launch;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;

/**
 * The guest's local disk: a raw image file on a {@code virtio-blk-pci} device, node {@code disk0}, that the guest's
 * {@code diskwriter} writes to.
 *
 * @param size                the image's size, whole MiB
 * @param allocatedShare      share of the source image filled with data before the boot (from its start)
 * @param writeBytesPerSecond the guest's disk writes ({@code disk_bps}); 0: none
 * @param workingSetMiB       the first MiB of the disk those writes fall in ({@code disk_ws_mb}); 0: all of it
 * @param shared              both QEMUs open the same image (shared storage), instead of each its own
 */
public record GuestDisk(ByteSize size, double allocatedShare, long writeBytesPerSecond, long workingSetMiB,
                        boolean shared) {
    /** The block-device node of the disk in both QEMUs. */
    public static final String NODE = "disk0";

    public GuestDisk {
        InvalidSpecException.require(size.bytes() % ByteSize.MIB == 0 && size.bytes() >= ByteSize.MIB
                && size.bytes() <= 64 * ByteSize.GIB, "disk-size", "whole MiB from 1M to 64G for the QEMU guest",
                size);
        InvalidSpecException.require(writeBytesPerSecond >= 0 && writeBytesPerSecond <= 100_000_000,
                "disk-write-rate", "0 to 100 MB/s for the guest's diskwriter", writeBytesPerSecond + " B/s");
        InvalidSpecException.require(workingSetMiB >= 0 && workingSetMiB <= size.bytes() / ByteSize.MIB,
                "disk-working-set", "whole MiB up to the disk size for the QEMU guest", workingSetMiB + "MiB");
    }

    public long sizeMiB() {
        return size.bytes() / ByteSize.MIB;
    }
}
