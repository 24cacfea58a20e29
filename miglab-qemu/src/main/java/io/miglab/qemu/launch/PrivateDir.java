package io.miglab.qemu.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A temporary folder only its owner can enter (0700), for QMP and serial sockets, logs and RAM dumps. Closing it
 * deletes it, unless {@code -Dmiglab.keep=true} asks to keep it for a post-mortem; so does the JVM's shutdown hook
 * ({@link QemuReaper}) for folders still open.
 */
public final class PrivateDir implements AutoCloseable {
    public static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private final Path path;

    private PrivateDir(Path path) {
        this.path = path;
        QemuReaper.register(this);
    }

    public static PrivateDir create(String prefix) {
        try {
            // created with the permissions at once, so there is no moment at which others could enter it
            return new PrivateDir(Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private temporary folder", e);
        }
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Sets a file (e.g. a socket QEMU created) to 0600. */
    public static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + file + " to its owner", e);
        }
    }

    @Override
    public void close() {
        QemuReaper.unregister(this);
        if (Boolean.getBoolean("miglab.keep") || !Files.exists(path)) return;
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
