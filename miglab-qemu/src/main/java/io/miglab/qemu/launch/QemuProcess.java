package io.miglab.qemu.launch;

import io.miglab.qemu.qmp.QmpClient;
import io.miglab.qemu.qmp.QmpException;
import io.miglab.qemu.serial.SerialReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One running QEMU with its QMP connection and serial reader. Closing it stops QEMU whatever state it is in:
 * {@code quit} over QMP, then SIGTERM, then SIGKILL, each given a few seconds.
 */
public final class QemuProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final GuestConfig guest;
    private final Accel accel;
    private final Optional<UserNetwork> network;
    private final Optional<Path> diskImage;
    private QmpClient qmp;
    private SerialReader serial;
    private volatile boolean closed;

    QemuProcess(String name, Process process, Path log, GuestConfig guest, Accel accel,
                Optional<UserNetwork> network, Optional<Path> diskImage) {
        this.name = name;
        this.diskImage = diskImage;
        this.network = network;
        this.process = process;
        this.log = log;
        this.guest = guest;
        this.accel = accel;
    }

    void attach(QmpClient qmp, SerialReader serial) {
        this.qmp = qmp;
        this.serial = serial;
    }

    /** The {@code -name} given to QEMU: {@code miglab-<run>-<role>}, unique per run. */
    public String name() {
        return name;
    }

    public QmpClient qmp() {
        return qmp;
    }

    public SerialReader serial() {
        return serial;
    }

    public GuestConfig guest() {
        return guest;
    }

    public Accel accel() {
        return accel;
    }

    /** The guest's NIC and host port forward, if it was started with one. */
    public Optional<UserNetwork> network() {
        return network;
    }

    /** The image file of the guest's disk, if it has one. */
    public Optional<Path> diskImage() {
        return diskImage;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    /** QEMU's own stdout and stderr. */
    public Path log() {
        return log;
    }

    /** The last lines QEMU printed, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** QEMU's run state from {@code query-status}: {@code running}, {@code paused}, {@code postmigrate}, ... */
    public String runState() {
        return qmp.execute("query-status").path("status").asText();
    }

    /** SIGKILL now and wait for the exit: a host or network failure, for failure-injection runs. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            if (process.isAlive() && qmp != null && qmp.isOpen()) {
                try {
                    qmp.execute("quit", Map.of(), Duration.ofSeconds(2));
                } catch (QmpException ignored) {
                    // QEMU may close the socket before answering; the exit below is what counts
                }
            }
            if (!waitFor(Duration.ofSeconds(3))) {
                process.destroy();
                if (!waitFor(Duration.ofSeconds(3))) {
                    process.destroyForcibly();
                    waitFor(Duration.ofSeconds(5));
                }
            }
        } finally {
            if (qmp != null) qmp.close();
            if (serial != null) serial.close();
            QemuReaper.unregister(this);
        }
    }

    private boolean waitFor(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
