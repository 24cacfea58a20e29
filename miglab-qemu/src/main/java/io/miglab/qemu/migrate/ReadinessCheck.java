package io.miglab.qemu.migrate;

import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.launch.Readiness;
import io.miglab.qemu.serial.GuestMessage;
import io.miglab.qemu.serial.SerialLine;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Waits until a booted source guest is ready to migrate, as its {@link Readiness} says: a serial line, or a TCP
 * port answering through the source's host port forward. QEMU's user-mode network accepts a connection on the host
 * port even while nothing listens in the guest and then closes it; so a port counts as answering when a connection
 * sends data or stays open for {@link #OPEN_FOR}.
 */
final class ReadinessCheck {
    static final Duration OPEN_FOR = Duration.ofMillis(500);

    private ReadinessCheck() { }

    /** Returns when ready; throws naming what was awaited and the console's last lines otherwise. */
    static void await(QemuProcess source, Readiness readiness, Duration timeout) {
        boolean ready;
        String awaited;
        Optional<SerialLine> line = Optional.empty();
        if (readiness instanceof Readiness.TcpPort t) {
            awaited = "guest port " + t.guestPort() + " answering";
            ready = awaitPort(source, timeout);
        } else if (readiness instanceof Readiness.SerialLine s) {
            awaited = "a serial line matching '" + s.pattern() + "'";
            line = source.serial().awaitLine(s::matches, timeout);
            ready = line.isPresent();
        } else {
            awaited = "MIGLAB READY";
            line = source.serial().awaitLine(l -> l.equals("MIGLAB READY") || l.startsWith("MIGLAB ERROR"), timeout);
            ready = line.isPresent() && line.get().message() instanceof GuestMessage.Ready;
        }
        if (ready) return;
        List<SerialLine> lines = source.serial().lines();
        String tail = lines.subList(Math.max(0, lines.size() - 5), lines.size()).stream().map(SerialLine::text)
                .reduce((a, b) -> a + " | " + b).orElse("(no output)");
        throw new IllegalStateException("guest " + source.name() + " not ready within " + timeout.toSeconds()
                + " s: " + line.map(SerialLine::text).orElse("no " + awaited) + "; serial: " + tail + "; QEMU: "
                + source.logTail());
    }

    private static boolean awaitPort(QemuProcess source, Duration timeout) {
        if (source.network().isEmpty()) return false;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && source.isAlive()) {
            if (answers(source)) return true;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean answers(QemuProcess source) {
        try (Socket s = new Socket()) {
            s.connect(source.network().get().hostAddress(), (int) OPEN_FOR.toMillis());
            s.setSoTimeout((int) OPEN_FOR.toMillis());
            InputStream in = s.getInputStream();
            return in.read() >= 0;
        } catch (SocketTimeoutException e) {
            return true; // connected and not closed: something listens and waits for a request
        } catch (IOException e) {
            return false;
        }
    }
}
