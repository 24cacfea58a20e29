package io.miglab.bench.qemu;

import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.launch.PrivateDir;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.launch.UserNetwork;
import io.miglab.qemu.launch.Workload;
import io.miglab.qemu.serial.GuestMessage;
import io.miglab.qemu.serial.SerialLine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The QEMUs of one benchmark step (or the background guests) in one private folder. Closing stops every one of
 * them and deletes the folder; {@link #kill()} may be called from another thread to stop them at once.
 */
final class GuestSet implements AutoCloseable {
    private final QemuLauncher launcher;
    private final String prefix;
    private final Duration readyTimeout;
    private final Consumer<GuestSet> onClose;
    private final PrivateDir dir;
    private final List<QemuProcess> processes = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    GuestSet(QemuLauncher launcher, String prefix, Duration readyTimeout, Consumer<GuestSet> onClose) {
        this.launcher = launcher;
        this.prefix = prefix;
        this.readyTimeout = readyTimeout;
        this.onClose = onClose;
        this.dir = PrivateDir.create("miglab-bench-");
    }

    Path dir() { return dir.path(); }

    /** Starts a guest that boots and waits for its {@code MIGLAB READY}. */
    QemuProcess boot(GuestConfig guest, String role) {
        QemuProcess p = launch(guest, role, QemuLauncher.Mode.BOOT);
        Optional<SerialLine> line = p.serial().awaitLine(l -> l.equals("MIGLAB READY")
                || l.startsWith("MIGLAB ERROR"), readyTimeout);
        if (line.isEmpty() || !(line.get().message() instanceof GuestMessage.Ready)) {
            throw new IllegalStateException("guest " + p.name() + " not ready within " + readyTimeout.toSeconds()
                    + " s: " + line.map(SerialLine::text).orElse("no MIGLAB READY") + "; QEMU: " + p.logTail());
        }
        return p;
    }

    /**
     * Starts a guest; {@code role} names its sockets in the folder ({@code src}, {@code dst}, {@code bg1}). An httpd
     * guest gets a NIC on the user-mode network with its own port forward on 127.0.0.1, source and destination
     * alike (the destination must have the same device for the migration).
     */
    QemuProcess launch(GuestConfig guest, String role, QemuLauncher.Mode mode) {
        if (closed) throw new IllegalStateException("cancelled");
        Optional<UserNetwork> network = guest.workload() == Workload.HTTPD
                ? Optional.of(UserNetwork.onFreePort()) : Optional.empty();
        QemuProcess p = launcher.launch(guest, prefix + "-" + role, mode, dir, network);
        processes.add(p);
        if (closed) p.kill();
        return p;
    }

    void kill() {
        closed = true;
        for (QemuProcess p : processes) p.kill();
    }

    @Override
    public void close() {
        closed = true;
        try {
            for (QemuProcess p : processes) p.close();
        } finally {
            dir.close();
            onClose.accept(this);
        }
    }
}
