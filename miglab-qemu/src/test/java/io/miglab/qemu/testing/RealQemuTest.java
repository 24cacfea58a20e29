package io.miglab.qemu.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** What a real-QEMU test does when the guest is missing. */
class RealQemuTest {
    @TempDir
    Path empty;

    @AfterEach
    void restore() {
        System.clearProperty("miglab.guest.dir");
        System.clearProperty(RealQemu.SKIP_PROPERTY);
    }

    // Guards against the real-QEMU tests skipping in silence on a fresh clone (15 skipped, the suite green): a
    // missing guest fails the test and names the setup command.
    @Test
    void aMissingGuest_failsTheTest() {
        System.setProperty("miglab.guest.dir", empty.toString());
        assertThatThrownBy(RealQemu::installation).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("the real-QEMU guest is missing: ")
                .hasMessageContaining("scripts/setup-qemu.sh").hasMessageContaining("--skip-qemu");
    }

    // Guards the one way to skip them: the test command's --skip-qemu, whose skips the command then counts.
    @Test
    void aMissingGuest_skipsOnlyWhenAskedTo() {
        System.setProperty("miglab.guest.dir", empty.toString());
        System.setProperty(RealQemu.SKIP_PROPERTY, "browser,qemu");
        assertThatThrownBy(RealQemu::installation).isInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith("skipped by --skip-qemu: the real-QEMU guest is missing");
    }
}
