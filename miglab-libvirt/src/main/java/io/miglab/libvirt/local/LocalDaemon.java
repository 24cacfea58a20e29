package io.miglab.libvirt.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import io.miglab.libvirt.nativeapi.LibvirtCalls;
import io.miglab.qemu.launch.ParentDeathSpawner;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * One session-mode {@code libvirtd} on this machine that stands for a host: its own XDG folders (configuration,
 * sockets, state, logs), its own host UUID (libvirt refuses a migration to the same host by UUID alone) and its
 * own range of migration ports. Started in the foreground under {@code setpriv --pdeathsig KILL}, so the kernel
 * ends it if the JVM dies; {@link #stop()} first destroys its domains (their QEMUs outlive a stopped libvirtd).
 */
public final class LocalDaemon {
    private final String name;
    private final Path folder;
    private final Process process;

    private LocalDaemon(String name, Path folder, Process process) {
        this.name = name;
        this.folder = folder;
        this.process = process;
    }

    /** Writes the daemon's folders and configuration under {@code folder} and starts it; not yet ready. */
    static LocalDaemon start(String name, Path folder, int firstMigrationPort, DaemonUser user) throws IOException {
        for (String d : List.of("run", "config/libvirt", "cache", "data")) Files.createDirectories(folder.resolve(d));
        UUID hostUuid = UUID.nameUUIDFromBytes(("miglab-" + folder).getBytes());
        Files.writeString(folder.resolve("config/libvirt/libvirtd.conf"), "host_uuid = \"" + hostUuid + "\"\n");
        // a port range whose start equals its end, or migration_address/host set to 127.0.0.1, stops the QEMU
        // driver from loading while libvirtd still runs; stdio_handler=file avoids a virtlogd per daemon
        Files.writeString(folder.resolve("config/libvirt/qemu.conf"), "stdio_handler = \"file\"\n"
                + "migration_port_min = " + firstMigrationPort + "\nmigration_port_max = " + (firstMigrationPort + 19)
                + "\n");
        user.own(folder);
        for (String d : List.of("run", "config", "cache", "data")) {
            Files.setPosixFilePermissions(folder.resolve(d), java.nio.file.attribute.PosixFilePermissions
                    .fromString("rwx------"));
        }
        List<String> cmd = new ArrayList<>(List.of("setpriv"));
        cmd.addAll(user.setprivWords());
        cmd.addAll(List.of("--pdeathsig", "KILL", "--", "libvirtd", "--pid-file=" + pidFile(folder)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(folder.resolve("libvirtd.out").toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        pb.environment().put("HOME", folder.toString());
        pb.environment().put("XDG_RUNTIME_DIR", folder.resolve("run").toString());
        pb.environment().put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        pb.environment().put("XDG_CACHE_HOME", folder.resolve("cache").toString());
        pb.environment().put("XDG_DATA_HOME", folder.resolve("data").toString());
        return new LocalDaemon(name, folder, ParentDeathSpawner.start(pb, "libvirtd"));
    }

    public String name() {
        return name;
    }

    public Path folder() {
        return folder;
    }

    /** {@code qemu+unix:///session?socket=...}: the daemon's connection URI. */
    public String uri() {
        return "qemu+unix:///session?socket=" + folder.resolve("run/libvirt/libvirt-sock");
    }

    /** Waits until a connection to the daemon's QEMU driver works, or fails with the end of its log. */
    void awaitReady(Duration timeout) {
        LibvirtCalls.quiet();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no socket yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("libvirtd " + name + " exited: " + logTail());
            if (Files.exists(folder.resolve("run/libvirt/libvirt-sock"))) {
                try {
                    Connect c = new Connect(uri());
                    c.getCapabilities();
                    c.close();
                    return;
                } catch (LibvirtException e) {
                    last = e.getMessage();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("libvirtd " + name + " not ready after " + timeout.toSeconds() + " s ("
                + last + "): " + logTail());
    }

    /** Destroys the daemon's domains, stops it, then ends any QEMU it left. Safe to call twice. */
    void stop() {
        if (process.isAlive()) {
            try {
                Connect c = new Connect(uri());
                for (int id : c.listDomains()) destroyQuietly(c.domainLookupByID(id));
                c.close();
            } catch (LibvirtException e) {
                // the daemon does not answer: its QEMUs are ended by their pid files below
            }
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        killLeftovers(folder);
    }

    /** Ends the processes named by a daemon folder's pid files: its QEMUs and libvirtd itself. */
    static void killLeftovers(Path folder) {
        List<Path> pidFiles = new ArrayList<>();
        Path qemuRun = folder.resolve("run/libvirt/qemu/run");
        if (Files.isDirectory(qemuRun)) {
            try (Stream<Path> s = Files.list(qemuRun)) {
                s.filter(p -> p.toString().endsWith(".pid") && !p.endsWith("driver.pid")).forEach(pidFiles::add);
            } catch (IOException ignored) {
                // nothing to end
            }
        }
        pidFiles.add(pidFile(folder));
        for (Path p : pidFiles) readPid(p).flatMap(ProcessHandle::of).ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> h).join();
        });
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void destroyQuietly(Domain d) {
        try {
            d.destroy();
        } catch (LibvirtException ignored) {
            // already gone
        }
    }

    private static Path pidFile(Path folder) {
        return folder.resolve("libvirtd.pid");
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(folder.resolve("libvirtd.out"));
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
