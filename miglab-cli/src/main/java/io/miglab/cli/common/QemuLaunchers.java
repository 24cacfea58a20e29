package io.miglab.cli.common;

import io.miglab.qemu.launch.AccelProbe;
import io.miglab.qemu.launch.QemuInstallation;
import io.miglab.qemu.launch.QemuLauncher;
import java.io.PrintWriter;
import java.util.Optional;

/** The one way the commands that start real QEMUs find them (migrate, sweep, calibrate, netlab). */
public final class QemuLaunchers {
    private QemuLaunchers() { }

    /**
     * A launcher of this machine's QEMU with the best accelerator it has, or empty after one line on {@code err}
     * when the QEMU guest is missing: the environment, not the input, so the command exits 1.
     */
    public static Optional<QemuLauncher> local(PrintWriter err) {
        QemuInstallation installation;
        try {
            installation = QemuInstallation.require();
        } catch (IllegalStateException e) {
            err.println("miglab: the QEMU guest is missing: " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
        return Optional.of(new QemuLauncher(installation, AccelProbe.choose(installation)));
    }
}
