package io.miglab.qemu.migrate;

import io.miglab.qemu.launch.QemuProcess;

/**
 * Where the guest runs after a migration, as its heartbeat says (a counter printed every 10 ms on the serial line
 * of whichever QEMU runs it): {@code source}, {@code destination}, or {@code nowhere} when neither counter moves
 * within a second. The labels are those of {@code core.result.VmLocation}, lower case ({@code nowhere} is LOST).
 */
public final class GuestWhereabouts {
    private static final long WATCH_NANOS = 1_500_000_000L;

    private GuestWhereabouts() {
    }

    public static String of(QemuProcess source, QemuProcess destination) {
        long src = source.serial().lastHeartbeat();
        long dst = destination.serial().lastHeartbeat();
        long deadline = System.nanoTime() + WATCH_NANOS;
        while (System.nanoTime() < deadline) {
            if (destination.isAlive() && destination.serial().lastHeartbeat() > dst) return "destination";
            if (source.isAlive() && source.serial().lastHeartbeat() > src) return "source";
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }
        return "nowhere";
    }
}
