package io.miglab.bench.qemu;

import static org.junit.jupiter.api.Assertions.fail;

import io.miglab.qemu.launch.QemuInstallation;
import org.junit.jupiter.api.Assumptions;

/**
 * The guest of scripts/setup-qemu.sh for the qemu-tagged tests. In CI (CI=true) a missing guest fails the test;
 * elsewhere the test is skipped with a message saying how to get it.
 */
final class RealQemu {
    private RealQemu() { }

    static void require() {
        try {
            QemuInstallation.require();
        } catch (IllegalStateException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true but the real-QEMU guest is missing: "
                    + e.getMessage());
            Assumptions.abort("real-QEMU benchmark test skipped: " + e.getMessage());
        }
    }
}
