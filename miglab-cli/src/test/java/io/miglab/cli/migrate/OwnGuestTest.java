package io.miglab.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.cli.Cli;
import io.miglab.cli.RealQemuGuest;
import io.miglab.qemu.launch.QemuInstallation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate --backend qemu} with a user's own guest: the flags, their bad input, and a real run. */
class OwnGuestTest {
    // Guards against a user's guest being booted through miglab's own path (its READY line, its command line): here
    // miglab's kernel and initramfs come in as a stranger's, through the guest flags and a --ready-line, and the
    // guest's heartbeat must go on across the migration (the same guest, nothing lost).
    @Test
    @Tag("qemu")
    void aKernelAndInitramfsGuest_migratesAndItsHeartbeatContinues() {
        RealQemuGuest.require();
        QemuInstallation q = QemuInstallation.require();
        Cli.Run run = Cli.run("migrate", "--backend", "qemu", "--memory", "192M", "--bandwidth", "100MiB/s",
                "--guest-kernel", q.vmlinux().toString(), "--guest-initrd", q.initramfs().toString(),
                "--guest-append", "console=ttyS0 quiet panic=-1 workload=idle", "--ready-line", "^MIGLAB READY$",
                "--qemu-arg=-device", "--qemu-arg", "virtio-rng-pci", "--ready-timeout", "90s");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("completed").contains("heartbeat: HB").contains("(continued)");
    }

    // Guards against a user's guest being handed to the simulator, which is calibrated for miglab's guest only.
    @Test
    void theOwnGuestFlags_needTheQemuBackend(@TempDir Path dir) throws Exception {
        Path kernel = Files.writeString(dir.resolve("vmlinux"), "not a kernel");
        Cli.Run run = Cli.run("migrate", "--backend", "sim", "--guest-kernel", kernel.toString(), "--ready-line",
                "x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("miglab: guest-kernel: your own guest runs only with --backend qemu");
    }

    // Guards against bad guest input starting QEMU or printing a stack trace: one line naming the flag, exit 2.
    @Test
    void badGuestInput_isOneLineNamingTheFlag(@TempDir Path dir) throws Exception {
        Path kernel = Files.writeString(dir.resolve("vmlinux"), "x");
        String k = kernel.toString();
        expect("guest-kernel: a readable file", "--guest-kernel", dir.resolve("missing").toString(), "--ready-line",
                "x");
        expect("guest-initrd: a readable file", "--guest-kernel", k, "--guest-initrd", dir.resolve("no").toString(),
                "--ready-line", "x");
        expect("ready-line: --ready-line REGEX or --ready-port PORT", "--guest-kernel", k);
        expect("ready-line: a valid Java regular expression", "--guest-kernel", k, "--ready-line", "(");
        expect("ready-port: a whole number from 1 to 65535", "--guest-kernel", k, "--ready-port", "70000");
        expect("ready-port: not with --ready-line", "--guest-kernel", k, "--ready-port", "22", "--ready-line", "x");
        expect("qemu-arg: an option miglab does not set itself", "--guest-kernel", k, "--ready-line", "x",
                "--qemu-arg=-m", "--qemu-arg", "512");
        expect("guest-disk: not with --guest-kernel", "--guest-kernel", k, "--guest-disk", k, "--ready-line", "x");
        expect("guest-disk-format: one of raw, qcow2", "--guest-disk", k, "--guest-disk-format", "vmdk",
                "--ready-line", "x");
        expect("guest-append: only with --guest-kernel", "--guest-disk", k, "--guest-append", "quiet",
                "--ready-line", "x");
        expect("ready-line: only with --guest-kernel or --guest-disk", "--ready-line", "x");
        expect("write-model: none with a user's guest", "--guest-kernel", k, "--ready-line", "x", "--dirty-rate",
                "100", "--working-set", "64M");
        expect("ready-timeout: 1s to 60m", "--guest-kernel", k, "--ready-line", "x", "--ready-timeout", "2h");
        expect("vcpus: 1 to 64", "--guest-kernel", k, "--ready-line", "x", "--vcpus", "65");
    }

    private static void expect(String start, String... flags) {
        String[] args = new String[flags.length + 3];
        args[0] = "migrate";
        args[1] = "--memory";
        args[2] = "256M";
        System.arraycopy(flags, 0, args, 3, flags.length);
        Cli.Run run = Cli.run(args);
        assertThat(run.exitCode()).as(String.join(" ", flags) + ": " + run.err()).isEqualTo(2);
        assertThat(run.errLines()).as(String.join(" ", flags)).hasSize(1);
        assertThat(run.err()).as(String.join(" ", flags)).startsWith("miglab: " + start);
    }
}
