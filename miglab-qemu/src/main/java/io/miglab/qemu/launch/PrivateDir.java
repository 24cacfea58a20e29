package io.miglab.qemu.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A temporary folder only its owner can enter (0700), for QMP and serial sockets, logs and RAM dumps. Closing it
 * deletes it, unless {@code -Dmiglab.keep=true} asks to keep it for a post-mortem; so does the JVM's shutdown hook
 * ({@link QemuReaper}) for folders still open.
 *
 * <p>A SIGKILLed JVM runs no hook, so its folders stay. They all live under one parent, {@code $TMPDIR/miglab}
 * (0700, the user's own), each with an {@value #OWNER_FILE} file naming the JVM that made it (pid and start time);
 * every {@link #create} first removes the folders whose owner is no longer running.
 */
public final class PrivateDir implements AutoCloseable {
    public static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** The file in each folder that names its owner: {@code <pid> <start time in epoch ms, or ->}. */
    static final String OWNER_FILE = "owner";
    /** A folder without an owner file is left alone this long (its maker may be about to write the file). */
    static final Duration UNOWNED_GRACE = Duration.ofMinutes(1);
    private final Path path;

    private PrivateDir(Path path) {
        this.path = path;
        QemuReaper.register(this);
    }

    /** A new private folder under {@code $TMPDIR/miglab}, after sweeping the folders of dead owners there. */
    public static PrivateDir create(String prefix) {
        return create(Path.of(System.getProperty("java.io.tmpdir"), "miglab"), prefix);
    }

    static PrivateDir create(Path parent, String prefix) {
        try {
            ensureParent(parent);
            sweep(parent);
            // created with the permissions at once, so there is no moment at which others could enter it
            Path dir = Files.createTempDirectory(parent, prefix, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            Files.writeString(dir.resolve(OWNER_FILE), ownerLine(ProcessHandle.current()),
                    StandardCharsets.US_ASCII);
            return new PrivateDir(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private temporary folder under " + parent, e);
        }
    }

    /** The parent exists, is a real folder of this user and is 0700; another user's folder is refused. */
    private static void ensureParent(Path parent) throws IOException {
        try {
            Files.createDirectories(parent.getParent());
            Files.createDirectory(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } catch (FileAlreadyExistsException e) {
            // made earlier, or by another run just now: checked below
        }
        if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(parent + " is not a folder (a link or a file is in its place)");
        }
        String owner = Files.getOwner(parent, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals(System.getProperty("user.name"))) {
            throw new IOException(parent + " belongs to " + owner + "; set TMPDIR to a folder of your own");
        }
        if (!Files.getPosixFilePermissions(parent, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY_DIR)) {
            Files.setPosixFilePermissions(parent, OWNER_ONLY_DIR);
        }
    }

    /** Removes the folders under {@code parent} whose owner JVM is gone; returns how many. */
    static int sweep(Path parent) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent)) {
            for (Path d : dirs) {
                if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS) || !stale(d)) continue;
                deleteTree(d);
                removed++;
            }
        }
        return removed;
    }

    private static boolean stale(Path dir) throws IOException {
        Path owner = dir.resolve(OWNER_FILE);
        String line = Files.isRegularFile(owner, LinkOption.NOFOLLOW_LINKS)
                ? Files.readString(owner, StandardCharsets.US_ASCII).trim() : "";
        String[] words = line.split("\\s+");
        try {
            Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(words[0])).filter(ProcessHandle::isAlive);
            // the same pid with another start time is a new process that reused the number
            return p.isEmpty() || words.length > 1 && !words[1].equals("-")
                    && !ownerLine(p.get()).trim().equals(words[0] + " " + words[1]);
        } catch (NumberFormatException e) {
            // no owner line yet, or one being written right now by another thread's create: a folder is only
            // unowned once it is older than the grace (a sweep deleted a folder between its creation and its
            // owner line, and QEMU could not write its log there)
            Instant made = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant();
            return made.plus(UNOWNED_GRACE).isBefore(Instant.now());
        }
    }

    static String ownerLine(ProcessHandle p) {
        return p.pid() + " " + p.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("-") + "\n";
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
        try {
            deleteTree(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
