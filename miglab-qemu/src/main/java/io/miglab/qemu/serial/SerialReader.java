package io.miglab.qemu.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Reads a guest's serial console from QEMU's socket chardev and timestamps every line on the host. The bytes after
 * the last newline are kept as {@link #partial()}: at a migration's switch-over a line can be cut in two, its
 * start on the source's console and its end on the destination's.
 */
public final class SerialReader implements AutoCloseable {
    private final SocketChannel channel;
    private final Thread thread;
    private final List<SerialLine> lines = new ArrayList<>();
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private boolean closed;

    private SerialReader(SocketChannel channel, String name) {
        this.channel = channel;
        this.thread = new Thread(this::readLoop, "serial-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Connects to the serial socket, retrying while it does not exist yet and {@code keepTrying} holds. */
    public static SerialReader connect(Path socket, Duration timeout, BooleanSupplier keepTrying) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return new SerialReader(SocketChannel.open(UnixDomainSocketAddress.of(socket)),
                        socket.getFileName().toString());
            } catch (IOException e) {
                if (System.nanoTime() >= deadline || !keepTrying.getAsBoolean()) {
                    throw new IllegalStateException("cannot connect to serial socket " + socket + ": "
                            + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        try {
            while (true) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) break;
                long now = System.nanoTime();
                synchronized (lines) {
                    for (int i = 0; i < n; i++) {
                        byte b = buffer.get(i);
                        if (b == '\n') {
                            lines.add(new SerialLine(now, stripCr(current.toString(StandardCharsets.UTF_8))));
                            current.reset();
                        } else {
                            current.write(b);
                        }
                    }
                    lines.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // closed by us or by QEMU
        } finally {
            synchronized (lines) {
                closed = true;
                lines.notifyAll();
            }
        }
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Complete lines so far. */
    public List<SerialLine> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Bytes received after the last newline (a line still being written, or cut by a switch-over). */
    public String partial() {
        synchronized (lines) {
            return stripCr(current.toString(StandardCharsets.UTF_8));
        }
    }

    /** Lines and the unfinished rest, as they are now. */
    public SerialTranscript transcript() {
        synchronized (lines) {
            return new SerialTranscript(List.copyOf(lines), stripCr(current.toString(StandardCharsets.UTF_8)));
        }
    }

    /** Waits for a line (received at any time so far) whose text matches; empty on timeout or end of stream. */
    public Optional<SerialLine> awaitLine(Predicate<String> match, Duration timeout) {
        return awaitLineAfter(0, match, timeout);
    }

    /** Like {@link #awaitLine} but only lines with index {@code >= fromIndex} count. */
    public Optional<SerialLine> awaitLineAfter(int fromIndex, Predicate<String> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int i = fromIndex;
            while (true) {
                for (; i < lines.size(); i++) if (match.test(lines.get(i).text())) return Optional.of(lines.get(i));
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) return Optional.empty();
                try {
                    lines.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    public int lineCount() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** The heartbeat counter of the last complete {@code HB} line, or -1. */
    public long lastHeartbeat() {
        synchronized (lines) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).message() instanceof GuestMessage.Heartbeat h) return h.counter();
            }
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
