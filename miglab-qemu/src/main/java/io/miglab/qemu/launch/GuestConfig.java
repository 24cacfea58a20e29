package io.miglab.qemu.launch;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One miglab guest: RAM size and workload. Source and destination are started with the same configuration.
 *
 * @param workingSetMiB memwriter's array (its {@code ws_mb})
 * @param dirtyPagesPerSecond memwriter's rate (its {@code dirty_pps})
 * @param disk          a local disk with its writer, or none
 */
public record GuestConfig(ByteSize memory, Workload workload, int workingSetMiB, int dirtyPagesPerSecond,
                          Optional<GuestDisk> disk) {
    /** Guest kernel and user space need about this much beside the working set (a 6.1 kernel, busybox). */
    public static final long GUEST_OWN_MIB = 96;

    public GuestConfig {
        InvalidSpecException.require(memory.bytes() % ByteSize.MIB == 0 && memory.bytes() >= 128 * ByteSize.MIB,
                "memory", "a whole number of MiB, at least 128M, for the QEMU guest", memory);
        InvalidSpecException.require(workingSetMiB >= 1 && workingSetMiB <= memory.bytes() / ByteSize.MIB
                        - GUEST_OWN_MIB, "working-set",
                "1 MiB to memory - " + GUEST_OWN_MIB + " MiB (the guest's own footprint)", workingSetMiB + "MiB");
        InvalidSpecException.require(dirtyPagesPerSecond >= 0 && dirtyPagesPerSecond <= 1_000_000, "dirty-rate",
                "0 to 1000000 pages/s for the guest's memwriter", dirtyPagesPerSecond);
        disk = disk == null ? Optional.empty() : disk;
    }

    /** A guest without a disk. */
    public GuestConfig(ByteSize memory, Workload workload, int workingSetMiB, int dirtyPagesPerSecond) {
        this(memory, workload, workingSetMiB, dirtyPagesPerSecond, Optional.empty());
    }

    public GuestConfig withDisk(GuestDisk d) {
        return new GuestConfig(memory, workload, workingSetMiB, dirtyPagesPerSecond, Optional.of(d));
    }

    public static GuestConfig idle(ByteSize memory) {
        return new GuestConfig(memory, Workload.IDLE, 1, 0);
    }

    public static GuestConfig memwriter(ByteSize memory, int workingSetMiB, int dirtyPagesPerSecond) {
        return new GuestConfig(memory, Workload.MEMWRITER, workingSetMiB, dirtyPagesPerSecond);
    }

    /** The kernel command line: serial console, no reboot on panic, the workload's words. */
    public String kernelCommandLine() {
        List<String> words = new ArrayList<>(List.of("console=ttyS0", "quiet", "panic=-1",
                "workload=" + workload.guestName()));
        if (workload == Workload.MEMWRITER) {
            words.add("ws_mb=" + workingSetMiB);
            words.add("dirty_pps=" + dirtyPagesPerSecond);
        }
        disk.filter(d -> d.writeBytesPerSecond() > 0).ifPresent(d -> {
            words.add("disk_bps=" + d.writeBytesPerSecond());
            words.add("disk_ws_mb=" + d.workingSetMiB());
        });
        return String.join(" ", words);
    }

    public long memoryMiB() {
        return memory.bytes() / ByteSize.MIB;
    }
}
