package io.miglab.libvirt.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.miglab.libvirt.local.LocalHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * What the libvirt tests need: {@code libvirtd} (Debian's libvirt-daemon-driver-qemu, installed by .ci/run) and
 * the real-QEMU guest. A missing one fails the test naming the setup step; only {@code ./miglab test
 * --skip-libvirt} (system property {@code miglab.test.skip=libvirt}) turns that into a counted skip.
 */
public final class RealLibvirt {
    private RealLibvirt() {
    }

    /** Two local daemons, or a failure naming what to install. */
    public static LocalHosts hosts(int count) {
        if (!Files.isExecutable(Path.of("/usr/sbin/libvirtd"))) {
            missing("libvirtd is missing: install libvirt as .ci/run does (libvirt-daemon-driver-qemu and its "
                    + "companions from bookworm-backports)");
        }
        return LocalHosts.start(count);
    }

    public static void missing(String what) {
        if (List.of(System.getProperty("miglab.test.skip", "").split(",")).contains("libvirt")) {
            Assumptions.abort("skipped by --skip-libvirt: " + what);
        }
        fail(what + " (./miglab test --skip-libvirt skips these tests)");
    }
}
