package io.miglab.qemu.launch;

import io.miglab.qemu.qmp.QmpClient;
import io.miglab.qemu.serial.SerialReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts miglab guests: a source that boots, or a destination that waits for an incoming migration. Everything
 * goes through an argument list, never a shell. QMP and serial sockets live in a {@link PrivateDir} and are set
 * to 0600 once QEMU has made them.
 *
 * <p>QEMU is started through {@code setpriv --pdeathsig KILL} (util-linux, Essential in Debian), so the kernel
 * kills it if the JVM dies without running its shutdown hooks (SIGKILL, OOM killer). The parent-death signal is
 * tied to the thread that forked the child, so every QEMU is spawned by {@link ParentDeathSpawner}.
 */
public final class QemuLauncher {
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    /** {@code -Dmiglab.pdeathsig=false} starts QEMU without setpriv (tests of the shutdown hook alone use it). */
    public static final String PDEATHSIG_PROPERTY = "miglab.pdeathsig";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    /** How the guest starts. */
    public enum Mode {
        /** Boot the kernel: a migration source. */
        BOOT,
        /** {@code -incoming defer}: wait for {@code migrate-incoming}, run the guest when it has arrived. */
        INCOMING,
        /** {@code -incoming defer -S}: as INCOMING, but leave the guest paused after the migration. */
        INCOMING_PAUSED
    }

    private final QemuInstallation installation;
    private final Accel accel;
    private final List<String> prefix;

    public QemuLauncher(QemuInstallation installation, Accel accel) {
        this(installation, accel, List.of());
    }

    private QemuLauncher(QemuInstallation installation, Accel accel, List<String> prefix) {
        this.installation = installation;
        this.accel = accel;
        this.prefix = prefix;
    }

    /** A launcher whose QEMUs run in network namespace {@code ns} ({@code ip netns exec NS qemu ...}); their QMP
     * and serial sockets are files, so they are reached as before. */
    public QemuLauncher inNamespace(String ns) {
        return new QemuLauncher(installation, accel, List.of("ip", "netns", "exec", ns));
    }

    public Accel accel() {
        return accel;
    }

    public QemuInstallation installation() {
        return installation;
    }

    /** The QEMU command line (without the setpriv prefix), without a network. */
    public List<String> commandLine(GuestConfig guest, String name, Mode mode, PrivateDir dir) {
        return commandLine(guest, name, mode, dir, Optional.empty());
    }

    /**
     * The QEMU command line (without the setpriv prefix). {@code debug-threads=on} names QEMU's threads (their
     * {@code /proc/PID/task/TID/comm}: "CPU 0/TCG", "mig/src/main", ...), which the host-cost meter reads to tell
     * the migration's CPU from the guest's. With a {@link UserNetwork} the guest gets a NIC on
     * QEMU's user-mode network and a host port forward on 127.0.0.1; without one it has no NIC at all.
     */
    public List<String> commandLine(GuestConfig guest, String name, Mode mode, PrivateDir dir,
                                    Optional<UserNetwork> network) {
        List<String> cmd = new ArrayList<>(List.of(installation.qemu().toString(),
                "-name", name + ",debug-threads=on", "-accel", accel.qemuName(), "-m", guest.memoryMiB() + "M",
                "-smp", Integer.toString(guest.vcpus()), "-nodefaults", "-display", "none", "-vga", "none",
                "-no-reboot"));
        cmd.addAll(guest.source().bootArguments(installation, guest.kernelCommandLine()));
        cmd.addAll(List.of("-chardev", "socket,id=ser0,path=" + serialSocket(dir, name) + ",server=on,wait=off",
                "-serial", "chardev:ser0",
                "-qmp", "unix:" + qmpSocket(dir, name) + ",server=on,wait=off",
                "-monitor", "none"));
        for (Path d : installation.dataDirs()) {
            cmd.add("-L");
            cmd.add(d.toString());
        }
        network.ifPresent(n -> {
            cmd.add("-nic");
            cmd.add(n.nicArgument());
        });
        guest.disk().ifPresent(d -> {
            cmd.addAll(List.of("-blockdev", "driver=file,filename=" + diskImage(dir, name, d)
                            + ",node-name=" + GuestDisk.NODE + "-file",
                    "-blockdev", "driver=raw,file=" + GuestDisk.NODE + "-file,node-name=" + GuestDisk.NODE,
                    "-device", "virtio-blk-pci,drive=" + GuestDisk.NODE + ",id=vd0"));
        });
        guest.user().ifPresent(u -> cmd.addAll(u.qemuArguments()));
        if (mode != Mode.BOOT) {
            cmd.add("-incoming");
            cmd.add("defer");
        }
        if (mode == Mode.INCOMING_PAUSED) cmd.add("-S");
        return cmd;
    }

    /**
     * Starts QEMU and connects to its QMP and serial sockets. On any failure the QEMU is stopped and the error
     * carries the end of its log.
     */
    public QemuProcess launch(GuestConfig guest, String name, Mode mode, PrivateDir dir) {
        return launch(guest, name, mode, dir, Optional.empty());
    }

    /**
     * As {@link #launch(GuestConfig, String, Mode, PrivateDir)}, with a NIC on the user-mode network when
     * {@code network} is present. A migration's source and destination must both have one (each its own port).
     */
    public QemuProcess launch(GuestConfig guest, String name, Mode mode, PrivateDir dir,
                              Optional<UserNetwork> network) {
        List<String> cmd = new ArrayList<>();
        boolean pdeathsig = !"false".equals(System.getProperty(PDEATHSIG_PROPERTY));
        if (pdeathsig && Files.isExecutable(SETPRIV)) {
            cmd.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
        }
        cmd.addAll(prefix);
        cmd.addAll(commandLine(guest, name, mode, dir, network));
        Optional<Path> image = guest.disk().map(d -> DiskImages.prepare(diskImage(dir, name, d), d,
                mode == Mode.BOOT));
        Path log = dir.resolve(role(name) + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process = spawn(pb, name);
        QemuProcess qemu = new QemuProcess(name, process, log, guest, accel, network, image);
        QemuReaper.register(qemu);
        try {
            QmpClient qmp = QmpClient.connect(qmpSocket(dir, name), CONNECT_TIMEOUT, process::isAlive);
            PrivateDir.ownerOnly(qmpSocket(dir, name));
            SerialReader serial = SerialReader.connect(serialSocket(dir, name), CONNECT_TIMEOUT, process::isAlive);
            PrivateDir.ownerOnly(serialSocket(dir, name));
            qemu.attach(qmp, serial);
            return qemu;
        } catch (RuntimeException e) {
            qemu.close();
            throw new IllegalStateException("QEMU " + name + " did not start: " + e.getMessage() + "\n"
                    + qemu.logTail(), e);
        }
    }

    /** {@code <role>.qmp}, the role being the name's last part ({@code src}, {@code dst1}): a Unix socket path must
     * stay under 108 bytes, so the long unique name goes into {@code -name} only. */
    public static Path qmpSocket(PrivateDir dir, String name) {
        return dir.resolve(role(name) + ".qmp");
    }

    /** {@code <role>.img}, or {@code shared.img} for both QEMUs when the disk is on shared storage. */
    public static Path diskImage(PrivateDir dir, String name, GuestDisk disk) {
        return dir.resolve((disk.shared() ? "shared" : role(name)) + ".img");
    }

    public static Path serialSocket(PrivateDir dir, String name) {
        return dir.resolve(role(name) + ".serial");
    }

    private static String role(String name) {
        return name.substring(name.lastIndexOf('-') + 1);
    }

    private static Process spawn(ProcessBuilder pb, String name) {
        try {
            return ParentDeathSpawner.start(pb, "QEMU " + name);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e.getCause());
        }
    }
}
