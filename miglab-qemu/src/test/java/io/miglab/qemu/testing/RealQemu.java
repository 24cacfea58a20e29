package io.miglab.qemu.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.miglab.qemu.launch.AccelProbe;
import io.miglab.qemu.launch.QemuInstallation;
import io.miglab.qemu.launch.QemuLauncher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What the {@code qemu}-tagged tests need: the QEMU and guest from scripts/setup-qemu.sh. A missing guest fails the
 * test, naming the setup command; only {@code ./miglab test --skip-qemu} (system property
 * {@code miglab.test.skip=qemu}) turns that into a skip, which the test command then counts in its summary.
 */
public final class RealQemu {
    /** Comma-separated prerequisites whose tests may be skipped: qemu, browser, postgres. */
    public static final String SKIP_PROPERTY = "miglab.test.skip";

    private RealQemu() {
    }

    public static QemuInstallation installation() {
        try {
            return QemuInstallation.require();
        } catch (IllegalStateException e) {
            missing("the real-QEMU guest is missing: " + e.getMessage());
            throw e;
        }
    }

    /** Fails the test, or skips it if the test command was given --skip-qemu. */
    public static void missing(String what) {
        if (List.of(System.getProperty(SKIP_PROPERTY, "").split(",")).contains("qemu")) {
            Assumptions.abort("skipped by --skip-qemu: " + what);
        }
        fail(what + " (./miglab test sets it up with scripts/setup-qemu.sh; ./miglab test --skip-qemu skips these"
                + " tests)");
    }

    public static QemuLauncher launcher() {
        QemuInstallation installation = installation();
        return new QemuLauncher(installation, AccelProbe.choose(installation));
    }

    /** PIDs of live processes whose command line contains {@code marker} (e.g. a QEMU's unique -name). */
    public static List<Long> processesWith(String marker) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String pid = p.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) continue;
                try {
                    byte[] raw = Files.readAllBytes(p.resolve("cmdline"));
                    String cmd = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
                    if (cmd.contains(marker) && !isZombie(p)) pids.add(Long.parseLong(pid));
                } catch (IOException ignored) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return pids;
    }

    private static boolean isZombie(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        int close = stat.lastIndexOf(')');
        return close > 0 && stat.length() > close + 2 && stat.charAt(close + 2) == 'Z';
    }
}
