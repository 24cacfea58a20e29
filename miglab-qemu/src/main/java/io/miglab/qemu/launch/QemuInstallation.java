package io.miglab.qemu.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The QEMU binary and the guest image that {@code scripts/setup-qemu.sh} prepared, read from
 * {@code .miglab/guest/env} (lines {@code QEMU=}, {@code QEMU_DATADIRS=dir1:dir2}, {@code QEMU_VERSION=}).
 *
 * @param dataDirs folders for QEMU's {@code -L} (firmware), empty for a system install
 */
public record QemuInstallation(Path qemu, List<Path> dataDirs, String version, Path vmlinux, Path initramfs,
                               Path guestDir) {
    /** Environment variable or system property naming the guest folder, instead of searching for it. */
    public static final String GUEST_DIR_VARIABLE = "MIGLAB_GUEST_DIR";
    private static final String SETUP_HINT = "run scripts/setup-qemu.sh at the repository root";

    public QemuInstallation {
        dataDirs = List.copyOf(dataDirs);
    }

    /**
     * Finds the installation: {@code -Dmiglab.guest.dir}, {@code $MIGLAB_GUEST_DIR}, or {@code .miglab/guest} in
     * the working directory or one of its parents. Empty with no usable guest.
     */
    public static Optional<QemuInstallation> find() {
        return locateGuestDir().flatMap(dir -> {
            try {
                return Optional.of(load(dir));
            } catch (IllegalStateException e) {
                return Optional.empty();
            }
        });
    }

    /** Like {@link #find()} but explains what is missing. */
    public static QemuInstallation require() {
        Path dir = locateGuestDir().orElseThrow(() -> new IllegalStateException(notFound(Path.of(""))));
        return load(dir);
    }

    /** Where miglab looked and the two ways out: the variable naming the folder, or the setup script. */
    static String notFound(Path from) {
        return "no .miglab/guest folder in " + from.toAbsolutePath() + " or above, and " + GUEST_DIR_VARIABLE
                + " is not set: set " + GUEST_DIR_VARIABLE + " to the guest folder scripts/setup-qemu.sh made "
                + "(.miglab/guest in the repository), or run scripts/setup-qemu.sh at the repository root";
    }

    /** Reads {@code dir/env} and checks that every file it names exists. */
    public static QemuInstallation load(Path dir) {
        Path env = dir.resolve("env");
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(env)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + env + " (" + e.getMessage() + "): " + SETUP_HINT, e);
        }
        Path qemu = Path.of(values.getOrDefault("QEMU", "qemu-system-x86_64"));
        List<Path> dataDirs = new ArrayList<>();
        for (String d : values.getOrDefault("QEMU_DATADIRS", "").split(":")) if (!d.isBlank()) dataDirs.add(Path.of(d));
        Path vmlinux = Path.of(values.getOrDefault("VMLINUX", dir.resolve("vmlinux").toString()));
        Path initramfs = Path.of(values.getOrDefault("INITRAMFS", dir.resolve("initramfs.cpio.gz").toString()));
        for (Path p : List.of(qemu, vmlinux, initramfs)) {
            if (!Files.isRegularFile(p)) throw new IllegalStateException("missing " + p + " (named in " + env + "): "
                    + SETUP_HINT);
        }
        return new QemuInstallation(qemu, dataDirs, values.getOrDefault("QEMU_VERSION", "unknown"), vmlinux,
                initramfs, dir);
    }

    private static Optional<Path> locateGuestDir() {
        String named = System.getProperty("miglab.guest.dir", System.getenv(GUEST_DIR_VARIABLE));
        if (named != null && !named.isBlank()) return Optional.of(Path.of(named));
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path guest = d.resolve(".miglab").resolve("guest");
            if (Files.isRegularFile(guest.resolve("env"))) return Optional.of(guest);
        }
        return Optional.empty();
    }
}
