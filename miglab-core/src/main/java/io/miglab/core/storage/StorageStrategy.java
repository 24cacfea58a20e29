package io.miglab.core.storage;

import io.miglab.core.error.InvalidSpecException;
import java.util.Arrays;
import java.util.Locale;

/** How a VM's disk reaches the destination. */
public enum StorageStrategy {
    /** Both hosts see the same storage: nothing is copied. */
    SHARED("shared"),
    /**
     * The disk is copied before memory, in rounds: the whole allocated disk, then the blocks written meanwhile,
     * until the dirty blocks fit the downtime limit; the rest goes during the memory switch-over (QEMU's old
     * block migration, migration/block.c).
     */
    BLOCK_PRECOPY("block-precopy"),
    /**
     * The disk is copied in the background while every new guest write is also sent to the destination before it
     * completes (QEMU's blockdev-mirror with copy-mode=write-blocking): the guest writes no faster than the link;
     * once in sync the memory migration runs with the mirror kept up.
     */
    MIRROR("mirror");

    private final String cliName;

    StorageStrategy(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static StorageStrategy parse(String field, String text) {
        for (StorageStrategy s : values()) {
            if (s.cliName.equals(text.trim().toLowerCase(Locale.ROOT))) return s;
        }
        throw new InvalidSpecException(field, "one of " + String.join(", ",
                Arrays.stream(values()).map(StorageStrategy::cliName).toList()), "'" + text + "'");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
