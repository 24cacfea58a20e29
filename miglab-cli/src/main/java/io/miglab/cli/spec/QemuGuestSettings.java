package io.miglab.cli.spec;

import io.miglab.cli.spec.Setting.Default;
import io.miglab.cli.spec.Setting.Type;
import io.miglab.cli.spec.Setting.Use;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The settings of a user's own QEMU guest ({@code migrate --backend qemu} and {@code calibrate}): part of
 * {@link Settings#ALL}, kept in their own file by purpose. The guest's RAM is {@code --memory} and its vCPUs
 * {@code --vcpus}, the settings every migration has; read by {@link QemuGuestOptions}.
 */
final class QemuGuestSettings {
    static final String GROUP = "your own guest (QEMU)";

    static final List<Setting> ALL = List.of(
            g("guest-kernel", Type.FILE, "FILE", "Boot your own guest from this kernel (an ELF vmlinux through "
                    + "PVH, or a bzImage) instead of miglab's; its RAM is --memory, its vCPUs --vcpus.",
                    Default.absent("miglab's guest")),
            g("guest-initrd", Type.FILE, "FILE", "--guest-kernel: its initramfs.", Default.absent("none")),
            g("guest-append", Type.TEXT, "TEXT", "--guest-kernel: its command line (give it console=ttyS0 for "
                    + "--ready-line and heartbeats).", Default.absent("empty")),
            g("guest-disk", Type.FILE, "FILE", "Boot your own guest from this disk image by firmware; both QEMUs "
                    + "open it (shared storage on this host).", Default.absent("none")),
            g("guest-disk-format", Type.CHOICE, "raw|qcow2", "--guest-disk: the image's format.",
                    Default.of("raw")),
            g("guest-firmware", Type.FILE, "FILE", "--guest-disk: the firmware to boot it (QEMU's -bios), e.g. "
                    + "an OVMF.fd.", Default.absent("QEMU's SeaBIOS")),
            g("qemu-arg", Type.TEXT, "ARG", "Your own guest: one more QEMU argument for both sides (repeat the "
                    + "flag; an argument list, no shell; write --qemu-arg=-device for a value starting with -).",
                    Default.absent("none")).note("Options miglab sets itself (-m, -smp, -kernel, -serial, -qmp, "
                    + "-incoming, ...) are refused."),
            g("ready-line", Type.TEXT, "REGEX", "Your own guest is ready when a line of its serial console "
                    + "(ttyS0) matches this regular expression.", Default.absent("none")),
            g("ready-port", Type.INTEGER, "PORT", "Your own guest is ready when this TCP port of the guest "
                    + "answers, through a host port forward on 127.0.0.1 (the guest gets a virtio-net-pci NIC on "
                    + "QEMU's user network).", Default.absent("none")).range("1..65535"),
            g("ready-timeout", Type.DURATION, "DURATION", "How long a source guest may take to be ready.",
                    Default.of("60s")).range("1s to 60m"));

    private QemuGuestSettings() { }

    private static Setting g(String name, Type type, String label, String help, Default d) {
        return new Setting(name, type, label, GROUP, help, d, EnumSet.of(Use.MIGRATE), null, null, null,
                Optional.empty());
    }
}
