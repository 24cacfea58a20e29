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
 * @param user          a user's own guest (its kernel or disk, vCPUs, QEMU arguments, readiness) instead of
 *                      miglab's; its workload is its own ({@link Workload#IDLE} here)
 * @param randomOrder   memwriter writes pages drawn uniformly from its array (its {@code dirty_order=random})
 *                      instead of sweeping it in address order
 * @param catchUpMs     memwriter's backlog caught up after a stall (its {@code catchup_ms}); 0: none, CPU-bound
 */
public record GuestConfig(ByteSize memory, Workload workload, int workingSetMiB, int dirtyPagesPerSecond,
                          Optional<GuestDisk> disk, Optional<UserGuest> user, boolean randomOrder, int catchUpMs) {
    /** memwriter's own default backlog (miglab-qemu/guest/memwriter.c, CATCHUP_MS). */
    public static final int MEMWRITER_CATCH_UP_MS = 100;

    /** Guest kernel and user space need about this much beside the working set (a 6.1 kernel, busybox). */
    public static final long GUEST_OWN_MIB = 96;

    /** The smallest RAM a user's guest may have (a small Linux with busybox boots in it). */
    public static final long USER_MIN_MIB = 32;

    public GuestConfig {
        user = user == null ? Optional.empty() : user;
        long minMiB = user.isPresent() ? USER_MIN_MIB : 128;
        InvalidSpecException.require(memory.bytes() % ByteSize.MIB == 0 && memory.bytes() >= minMiB * ByteSize.MIB,
                "memory", "a whole number of MiB, at least " + minMiB + "M, for the QEMU guest", memory);
        InvalidSpecException.require(workingSetMiB >= 1 && (user.isPresent() || workingSetMiB <= memory.bytes()
                        / ByteSize.MIB - GUEST_OWN_MIB), "working-set",
                "1 MiB to memory - " + GUEST_OWN_MIB + " MiB (the guest's own footprint)", workingSetMiB + "MiB");
        InvalidSpecException.require(dirtyPagesPerSecond >= 0 && dirtyPagesPerSecond <= 1_000_000, "dirty-rate",
                "0 to 1000000 pages/s for the guest's memwriter", dirtyPagesPerSecond);
        disk = disk == null ? Optional.empty() : disk;
        InvalidSpecException.require(user.isEmpty() || (workload == Workload.IDLE && disk.isEmpty()), "write-model",
                "none for a user's guest (its workload is its own)", workload.guestName());
        InvalidSpecException.require(catchUpMs >= 0 && catchUpMs <= 60_000, "catch-up",
                "0 to 60000 ms for the guest's memwriter", catchUpMs + "ms");
    }

    /** memwriter sweeping, with its own backlog. */
    public GuestConfig(ByteSize memory, Workload workload, int workingSetMiB, int dirtyPagesPerSecond,
                       Optional<GuestDisk> disk, Optional<UserGuest> user) {
        this(memory, workload, workingSetMiB, dirtyPagesPerSecond, disk, user, false, MEMWRITER_CATCH_UP_MS);
    }

    /** memwriter's order and backlog. */
    public GuestConfig withWriter(boolean random, int catchUp) {
        return new GuestConfig(memory, workload, workingSetMiB, dirtyPagesPerSecond, disk, user, random, catchUp);
    }

    /** A guest with or without a disk. */
    public GuestConfig(ByteSize memory, Workload workload, int workingSetMiB, int dirtyPagesPerSecond,
                       Optional<GuestDisk> disk) {
        this(memory, workload, workingSetMiB, dirtyPagesPerSecond, disk, Optional.empty());
    }

    /** A guest without a disk. */
    public GuestConfig(ByteSize memory, Workload workload, int workingSetMiB, int dirtyPagesPerSecond) {
        this(memory, workload, workingSetMiB, dirtyPagesPerSecond, Optional.empty());
    }

    public GuestConfig withDisk(GuestDisk d) {
        return new GuestConfig(memory, workload, workingSetMiB, dirtyPagesPerSecond, Optional.of(d), user, randomOrder,
                catchUpMs);
    }

    /** A user's own guest with {@code memory} of RAM. */
    public static GuestConfig user(ByteSize memory, UserGuest guest) {
        return new GuestConfig(memory, Workload.IDLE, 1, 0, Optional.empty(), Optional.of(guest));
    }

    /** What it boots: miglab's guest, or the user's kernel or disk. */
    public GuestSource source() {
        return user.map(UserGuest::source).orElseGet(GuestSource.Miglab::new);
    }

    /** When the source counts as booted. */
    public Readiness readiness() {
        return user.map(UserGuest::readiness).orElseGet(Readiness.MiglabReady::new);
    }

    public int vcpus() {
        return user.map(UserGuest::vcpus).orElse(1);
    }

    public static GuestConfig idle(ByteSize memory) {
        return new GuestConfig(memory, Workload.IDLE, 1, 0);
    }

    public static GuestConfig memwriter(ByteSize memory, int workingSetMiB, int dirtyPagesPerSecond) {
        return new GuestConfig(memory, Workload.MEMWRITER, workingSetMiB, dirtyPagesPerSecond);
    }

    /** The kernel command line: serial console, no reboot on panic, the workload's words; a user's own line (empty
     * for a disk image, whose boot loader has it). */
    public String kernelCommandLine() {
        if (user.isPresent()) return source() instanceof GuestSource.Kernel k ? k.append() : "";
        // no_timer_check: under TCG on a loaded host the kernel's IO-APIC timer check fails ("MP-BIOS bug: 8254
        // timer not connected") and the guest never reaches user space
        List<String> words = new ArrayList<>(List.of("console=ttyS0", "quiet", "panic=-1", "no_timer_check",
                "workload=" + workload.guestName()));
        if (workload == Workload.MEMWRITER) {
            words.add("ws_mb=" + workingSetMiB);
            words.add("dirty_pps=" + dirtyPagesPerSecond);
            if (randomOrder) words.add("dirty_order=random");
            if (catchUpMs != MEMWRITER_CATCH_UP_MS) words.add("catchup_ms=" + catchUpMs);
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
