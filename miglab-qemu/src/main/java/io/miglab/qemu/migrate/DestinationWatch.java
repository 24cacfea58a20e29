package io.miglab.qemu.migrate;

import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.serial.SerialLine;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the driver watches on the destination once the source reports a migration completed. */
final class DestinationWatch {
    private DestinationWatch() {
    }

    /** Waits (at most 30 s) for the destination's own {@code query-migrate} to say completed or failed. */
    static void awaitCompleted(QemuProcess destination, List<String> notes) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String status = destination.qmp().execute("query-migrate").path("status").asText();
            if (status.equals("completed")) return;
            if (status.equals("failed")) {
                notes.add("the destination reported its incoming migration failed");
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        notes.add("the destination did not report its incoming migration completed within 30 s");
    }

    /** When the guest's first heartbeat arrived from the destination (0: none did). */
    static long firstBeat(QemuProcess destination) {
        return destination.serial().lines().stream().filter(l -> l.text().startsWith("HB "))
                .mapToLong(SerialLine::hostNanos).findFirst().orElse(0);
    }
}
