package io.miglab.libvirt.domain;

import io.miglab.qemu.serial.GuestMessage;
import io.miglab.qemu.serial.SerialLine;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the serial log file a guest domain appends to, timestamping each line on the host when it is read
 * (polled every 2 ms; the guest prints a heartbeat every 10 ms). The file is written by the source's QEMU and then
 * the destination's, so one log holds the guest's whole life across the migration.
 */
public final class SerialLog implements AutoCloseable {
    private static final long POLL_NANOS = 2_000_000;
    private final Path file;
    private final Thread thread;
    private final List<SerialLine> lines = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean closed;

    private SerialLog(Path file) {
        this.file = file;
        this.thread = new Thread(this::follow, "serial-log-" + file.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    public static SerialLog follow(Path file) {
        return new SerialLog(file);
    }

    public Path file() {
        return file;
    }

    /** Waits for {@code MIGLAB READY}; fails with the log's end on {@code MIGLAB ERROR} or at the timeout. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (SerialLine l : lines()) {
                GuestMessage m = l.message();
                if (m instanceof GuestMessage.Ready) return;
                if (m instanceof GuestMessage.Error e) throw new IllegalStateException("guest: " + e.text());
            }
            sleep(20_000_000);
        }
        List<SerialLine> all = lines();
        throw new IllegalStateException("guest not ready after " + timeout.toSeconds() + " s; serial log ends: "
                + (all.isEmpty() ? "(empty)" : all.get(all.size() - 1).text()));
    }

    public synchronized List<SerialLine> lines() {
        return List.copyOf(lines);
    }

    private void follow() {
        long offset = 0;
        byte[] buffer = new byte[8192];
        while (!closed) {
            if (Files.exists(file)) {
                try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                    in.seek(offset);
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        offset += n;
                        take(new String(buffer, 0, n, StandardCharsets.ISO_8859_1), System.nanoTime());
                    }
                } catch (IOException e) {
                    // the file is being replaced or not readable yet; the next poll tries again
                }
            }
            sleep(POLL_NANOS);
        }
    }

    private synchronized void take(String chunk, long nanos) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n') {
                String text = partial.toString().replace("\r", "");
                partial.setLength(0);
                lines.add(new SerialLine(nanos, text));
            } else {
                partial.append(c);
            }
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
