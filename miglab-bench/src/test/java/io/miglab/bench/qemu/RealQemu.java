package io.miglab.bench.qemu;

import static org.junit.jupiter.api.Assertions.fail;

import io.miglab.qemu.launch.QemuInstallation;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The guest of scripts/setup-qemu.sh for the qemu-tagged tests. A missing guest fails the test, naming the setup
 * command; only {@code ./miglab test --skip-qemu} (system property {@code miglab.test.skip=qemu}) makes it a skip.
 */
final class RealQemu {
    private RealQemu() { }

    static void require() {
        try {
            QemuInstallation.require();
        } catch (IllegalStateException e) {
            String what = "the real-QEMU guest is missing: " + e.getMessage();
            if (List.of(System.getProperty("miglab.test.skip", "").split(",")).contains("qemu")) {
                Assumptions.abort("skipped by --skip-qemu: " + what);
            }
            fail(what + " (./miglab test sets it up with scripts/setup-qemu.sh; ./miglab test --skip-qemu skips"
                    + " these tests)");
        }
    }
}
