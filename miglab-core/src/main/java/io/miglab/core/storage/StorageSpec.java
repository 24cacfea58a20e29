package io.miglab.core.storage;

import java.util.Objects;

/**
 * A VM's local disk and how it moves with the VM.
 *
 * @param disk     the block device
 * @param strategy shared storage, block pre-copy or mirror
 */
public record StorageSpec(DiskSpec disk, StorageStrategy strategy) {
    public StorageSpec {
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(strategy, "strategy");
    }

    /** True when bytes of the disk go over the network. */
    public boolean copies() {
        return strategy != StorageStrategy.SHARED;
    }
}
