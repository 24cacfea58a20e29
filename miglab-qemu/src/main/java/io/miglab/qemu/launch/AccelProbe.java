package io.miglab.qemu.launch;

import io.miglab.core.unit.ByteSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Chooses KVM only when the guest really boots under it, TCG otherwise. A {@code /dev/kvm} that exists proves
 * little: on this project's machines it belongs to a nested layer that cannot run a stock kernel (the guest hangs
 * without a line of output; see shared/qemu-recipe.md). The answer is cached per JVM and in
 * {@code .miglab/accel-probe}, keyed by QEMU version and kernel, so the probe boot happens once per machine.
 * {@code MIGLAB_ACCEL=tcg|kvm} (or {@code -Dmiglab.accel}) skips the probe.
 */
public final class AccelProbe {
    /** A KVM guest reaches user space in about a second; TCG takes 3 to 4. */
    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(12);
    private static volatile Accel cached;

    private AccelProbe() {
    }

    public static synchronized Accel choose(QemuInstallation installation) {
        if (cached != null) return cached;
        cached = decide(installation);
        return cached;
    }

    private static Accel decide(QemuInstallation installation) {
        String forced = System.getProperty("miglab.accel", System.getenv("MIGLAB_ACCEL"));
        if (forced != null && !forced.isBlank()) return Accel.valueOf(forced.trim().toUpperCase(Locale.ROOT));
        Path kvm = Path.of("/dev/kvm");
        if (!Files.isReadable(kvm) || !Files.isWritable(kvm)) return Accel.TCG;
        Path cacheFile = installation.guestDir().resolveSibling("accel-probe");
        String key = cacheKey(installation);
        Optional<Accel> known = readCache(cacheFile, key);
        if (known.isPresent()) return known.get();
        Accel answer = bootsUnderKvm(installation) ? Accel.KVM : Accel.TCG;
        try {
            Files.writeString(cacheFile, key + "\n" + answer.name() + "\n");
        } catch (IOException ignored) {
            // no cache: probe again next time
        }
        return answer;
    }

    /** Boots an idle guest under KVM and waits for its READY line. */
    public static boolean bootsUnderKvm(QemuInstallation installation) {
        QemuLauncher launcher = new QemuLauncher(installation, Accel.KVM);
        try (PrivateDir dir = PrivateDir.create("miglab-kvm-probe-");
             QemuProcess qemu = launcher.launch(GuestConfig.idle(ByteSize.ofMiB(256)),
                     "miglab-" + UUID.randomUUID() + "-kvmprobe", QemuLauncher.Mode.BOOT, dir)) {
            return qemu.serial().awaitLine(l -> l.equals("MIGLAB READY"), BOOT_TIMEOUT).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String cacheKey(QemuInstallation installation) {
        try {
            return "qemu=" + installation.version() + " vmlinux=" + Files.size(installation.vmlinux()) + "@"
                    + Files.getLastModifiedTime(installation.vmlinux()).toMillis();
        } catch (IOException e) {
            return "qemu=" + installation.version();
        }
    }

    private static Optional<Accel> readCache(Path file, String key) {
        try {
            var lines = Files.readAllLines(file);
            if (lines.size() >= 2 && lines.get(0).equals(key)) return Optional.of(Accel.valueOf(lines.get(1).trim()));
        } catch (IOException | IllegalArgumentException ignored) {
            // no usable cache
        }
        return Optional.empty();
    }
}
