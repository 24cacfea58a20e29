package io.miglab.qemu.migrate;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.storage.DiskSpec;
import io.miglab.core.storage.StorageSpec;
import io.miglab.core.storage.StorageStrategy;
import io.miglab.core.unit.ByteSize;
import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.launch.GuestDisk;

/**
 * The spec's local disk as the real guest's: a raw image with the guest's diskwriter. {@code mirror} runs QEMU's
 * {@code blockdev-mirror} to the destination's NBD export ({@link DiskMirror}); {@code shared} gives both QEMUs the
 * same image file; {@code block-precopy} has no QEMU counterpart any more (QEMU 9.1 removed block migration,
 * migration/block.c).
 */
final class QemuDisks {
    private QemuDisks() {
    }

    static GuestConfig attach(GuestConfig guest, MigrationSpec spec) {
        if (spec.storage().isEmpty()) return guest;
        StorageSpec storage = spec.storage().get();
        InvalidSpecException.require(storage.strategy() != StorageStrategy.BLOCK_PRECOPY, "storage",
                "mirror or shared for the qemu backend (QEMU 9.1 removed block migration)",
                storage.strategy().cliName());
        DiskSpec d = storage.disk();
        InvalidSpecException.require(d.writtenWorkingSet().bytes() % ByteSize.MIB == 0, "disk-working-set",
                "whole MiB for the guest's diskwriter", d.writtenWorkingSet());
        long bytesPerSecond = Math.round(d.writeBytesPerSecond());
        return guest.withDisk(new GuestDisk(d.size(), d.allocatedShare(), bytesPerSecond,
                d.writtenWorkingSet().bytes() / ByteSize.MIB, storage.strategy() == StorageStrategy.SHARED));
    }
}
