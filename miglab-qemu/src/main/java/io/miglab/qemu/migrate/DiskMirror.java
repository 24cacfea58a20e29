package io.miglab.qemu.migrate;

import io.miglab.qemu.launch.GuestDisk;
import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.qmp.QmpEvent;
import io.miglab.qemu.qmp.QmpException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Storage migration without shared storage, as libvirt does it with QEMU: the destination exports its empty disk
 * over NBD on loopback ({@code nbd-server-start}, {@code block-export-add}); the source opens it
 * ({@code blockdev-add} driver nbd) and mirrors its disk there ({@code blockdev-mirror} sync=full,
 * copy-mode=write-blocking: a guest write completes once the destination has it too), at the link's rate
 * ({@code speed}); once {@code BLOCK_JOB_READY} says both are in sync the memory migration runs; after it the job is
 * cancelled, which for a ready mirror ends it with the target a point-in-time copy ({@code BLOCK_JOB_COMPLETED},
 * qapi/block-core.json), and the export is removed before the destination runs.
 */
final class DiskMirror {
    private static final String JOB = "miglab-mirror";
    private static final String TARGET = "miglab-nbd";
    private static final String EXPORT = "miglab-disk";
    private final QemuProcess source;
    private final QemuProcess destination;
    private final long speedBytesPerSecond;
    private final List<String> notes;
    private long startNanos;
    private long readyNanos;
    private long endNanos;
    private long bytes;

    /** What the mirror did: bytes copied (QEMU's job offset), time to sync, time until the job ended. */
    record Stats(long bytes, double copyMs, double totalMs) { }

    DiskMirror(QemuProcess source, QemuProcess destination, long speedBytesPerSecond, List<String> notes) {
        this.source = source;
        this.destination = destination;
        this.speedBytesPerSecond = speedBytesPerSecond;
        this.notes = notes;
    }

    /** Starts the export and the mirror and waits until both disks are in sync. */
    void start(GuestDisk disk) {
        int port = FreePort.pick();
        Map<String, Object> addr = Map.of("type", "inet", "data", Map.of("host", "127.0.0.1", "port",
                Integer.toString(port)));
        destination.qmp().execute("nbd-server-start", Map.of("addr", addr));
        destination.qmp().execute("block-export-add", Map.of("type", "nbd", "id", EXPORT, "node-name",
                GuestDisk.NODE, "writable", true, "name", GuestDisk.NODE));
        startNanos = System.nanoTime();
        source.qmp().execute("blockdev-add", Map.of("driver", "nbd", "node-name", TARGET, "export", GuestDisk.NODE,
                "server", Map.of("type", "inet", "host", "127.0.0.1", "port", Integer.toString(port))));
        source.qmp().execute("blockdev-mirror", Map.of("job-id", JOB, "device", GuestDisk.NODE, "target", TARGET,
                "sync", "full", "copy-mode", "write-blocking", "speed", speedBytesPerSecond));
        double seconds = disk.size().bytes() / (double) Math.max(1, speedBytesPerSecond);
        QmpEvent ready = source.qmp().awaitEvent(e -> e.name().equals("BLOCK_JOB_READY")
                || e.name().equals("BLOCK_JOB_COMPLETED") || e.name().equals("BLOCK_JOB_ERROR"),
                Duration.ofSeconds(30 + Math.round(3 * seconds)));
        if (!ready.name().equals("BLOCK_JOB_READY")) {
            throw new QmpException("the disk mirror ended before it was in sync: " + ready.name() + " "
                    + ready.data());
        }
        readyNanos = ready.receivedNanos();
        notes.add(String.format(Locale.ROOT, "disk: %d MiB raw image mirrored (blockdev-mirror sync=full, "
                + "copy-mode=write-blocking, speed %d B/s) to the destination's NBD export on 127.0.0.1:%d; in sync "
                + "after %.0f ms", disk.sizeMiB(), speedBytesPerSecond, port, (readyNanos - startNanos) / 1e6));
    }

    /** After the source completed (guest paused): ends the mirror and the export; the target is the final copy. */
    Stats complete() {
        source.qmp().execute("block-job-cancel", Map.of("device", JOB));
        QmpEvent done = source.qmp().awaitEvent(e -> e.name().equals("BLOCK_JOB_COMPLETED")
                || e.name().equals("BLOCK_JOB_CANCELLED"), Duration.ofSeconds(60));
        endNanos = done.receivedNanos();
        bytes = done.data().path("offset").asLong();
        try {
            source.qmp().execute("blockdev-del", Map.of("node-name", TARGET)); // the NBD client disconnects
        } catch (QmpException e) {
            notes.add("disk: blockdev-del of the NBD client on the source: " + e.getMessage());
        }
        destination.qmp().execute("block-export-del", Map.of("id", EXPORT, "mode", "hard"));
        destination.qmp().awaitEvent("BLOCK_EXPORT_DELETED", Duration.ofSeconds(30));
        destination.qmp().execute("nbd-server-stop");
        notes.add("disk: mirror ended by block-job-cancel after the switch-over (" + done.name() + ", " + bytes
                + " bytes copied); NBD export removed before the destination ran");
        return stats();
    }

    /** The migration failed: the source drops the mirror and goes on with its own disk. */
    void abandon() {
        try {
            source.qmp().execute("block-job-cancel", Map.of("device", JOB, "force", true));
            source.qmp().awaitEvent(e -> e.name().startsWith("BLOCK_JOB_C"), Duration.ofSeconds(30));
            source.qmp().execute("blockdev-del", Map.of("node-name", TARGET));
            notes.add("disk: mirror cancelled on the source, which keeps its own disk");
        } catch (QmpException e) {
            notes.add("disk: cancelling the mirror: " + e.getMessage());
        }
        endNanos = System.nanoTime();
    }

    /** Host time when the mirror started (0 before). */
    long startNanos() {
        return startNanos;
    }

    Stats stats() {
        return new Stats(bytes, (readyNanos - startNanos) / 1e6, (endNanos - startNanos) / 1e6);
    }
}
