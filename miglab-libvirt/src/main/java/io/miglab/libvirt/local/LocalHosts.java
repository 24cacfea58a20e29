package io.miglab.libvirt.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Several libvirt "hosts" on this machine: one {@link LocalDaemon} each, in one folder {@code miglab-lv-*} under
 * {@code /tmp} that holds the JVM's pid ({@code owner.pid}). Everything is removed by {@link #close()},
 * by a shutdown hook if the JVM exits first, and otherwise by the next {@link #start} on this machine, which ends
 * the daemons and QEMUs of folders whose owner is no longer alive (by their pid files) and deletes them.
 */
public final class LocalHosts implements AutoCloseable {
    /** First migration port of the first daemon; each daemon gets 20 ports (libvirt's range, min < max). */
    public static final int FIRST_PORT = 49400;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger BLOCKS = new AtomicInteger();
    private final Path folder;
    private final DaemonUser user;
    private final List<LocalDaemon> daemons = new ArrayList<>();
    private final Thread hook;
    private boolean closed;

    private LocalHosts(Path folder, DaemonUser user) {
        this.folder = folder;
        this.user = user;
        this.hook = new Thread(this::stopAll, "miglab-libvirtd-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts {@code count} daemons named host-a, host-b, ... and waits until each answers. */
    public static LocalHosts start(int count) {
        sweepLeftovers(tmp());
        DaemonUser user = DaemonUser.current();
        LocalHosts hosts;
        try {
            Path folder = Files.createTempDirectory(tmp(), "miglab-lv-");
            Files.writeString(folder.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
            Files.createDirectories(folder.resolve("guests"));
            user.own(folder);
            hosts = new LocalHosts(folder, user);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the local hosts' folder: " + e.getMessage(), e);
        }
        try {
            int block = BLOCKS.getAndIncrement() % 20;
            for (int i = 0; i < count; i++) {
                String name = "host-" + (char) ('a' + i);
                int port = FIRST_PORT + (block * count + i) * 20;
                hosts.daemons.add(LocalDaemon.start(name, hosts.folder.resolve(name), port, user));
            }
            for (LocalDaemon d : hosts.daemons) d.awaitReady(READY_TIMEOUT);
            return hosts;
        } catch (IOException | RuntimeException e) {
            hosts.close();
            throw new IllegalStateException("local libvirt hosts did not start: " + e.getMessage(), e);
        }
    }

    public List<LocalDaemon> daemons() {
        return List.copyOf(daemons);
    }

    public LocalDaemon daemon(int i) {
        return daemons.get(i);
    }

    /** A folder the daemons' QEMUs may write to (serial logs of miglab's guests). */
    public Path guestFolder() {
        return folder.resolve("guests");
    }

    public DaemonUser user() {
        return user;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down
        }
    }

    private synchronized void stopAll() {
        if (closed) return;
        closed = true;
        for (LocalDaemon d : daemons) d.stop();
        delete(folder);
    }

    /** Ends and deletes the local hosts of JVMs that are gone (their owner.pid names no live process). */
    static void sweepLeftovers(Path tmp) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "miglab-lv-*")) {
            for (Path dir : dirs) {
                long owner;
                try {
                    owner = Long.parseLong(Files.readString(dir.resolve("owner.pid")).strip());
                } catch (IOException | NumberFormatException e) {
                    continue; // being created, or not ours
                }
                if (owner == ProcessHandle.current().pid() || ProcessHandle.of(owner).isPresent()) continue;
                try (Stream<Path> hostDirs = Files.list(dir)) {
                    hostDirs.filter(Files::isDirectory).forEach(LocalDaemon::killLeftovers);
                }
                delete(dir);
            }
        } catch (IOException ignored) {
            // no temporary folder to sweep
        }
    }

    /**
     * {@code /tmp} (or {@code -Dmiglab.libvirt.tmp}), not the JVM's temporary folder: the daemons' user must reach
     * it, and libvirt's QEMU monitor sockets under it must stay within the 108 bytes of a socket path.
     */
    private static Path tmp() {
        return Path.of(System.getProperty("miglab.libvirt.tmp", "/tmp"));
    }

    private static void delete(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a socket removed while walking; what is left goes at the next sweep
        }
    }
}
