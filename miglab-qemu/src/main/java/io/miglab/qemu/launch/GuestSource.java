package io.miglab.qemu.launch;

import io.miglab.core.error.InvalidSpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a QEMU guest boots: miglab's own kernel and initramfs (scripts/setup-qemu.sh), a user's kernel with an
 * optional initramfs and command line, or a user's disk image booted by firmware. Source and destination boot the
 * same; a disk image is opened by both QEMUs (same-host shared storage: the destination keeps it inactive until
 * the switch-over).
 */
public sealed interface GuestSource {
    /** miglab's guest, whose kernel command line carries the workload's words. */
    record Miglab() implements GuestSource { }

    /** {@code -kernel KERNEL [-initrd INITRD] [-append APPEND]}. */
    record Kernel(Path kernel, Optional<Path> initrd, String append) implements GuestSource {
        public Kernel {
            requireFile("guest-kernel", kernel);
            initrd = initrd == null ? Optional.empty() : initrd;
            initrd.ifPresent(i -> requireFile("guest-initrd", i));
            append = append == null ? "" : append;
            InvalidSpecException.require(append.indexOf('\n') < 0 && append.indexOf('\0') < 0, "guest-append",
                    "one line of kernel parameters", "a text with a line break");
        }
    }

    /** {@code -drive file=IMAGE,format=FORMAT,if=virtio [-bios FIRMWARE]}. */
    record Disk(Path image, String format, Optional<Path> firmware) implements GuestSource {
        /** The image formats QEMU opens without extra drivers. */
        public static final Set<String> FORMATS = Set.of("raw", "qcow2");

        public Disk {
            requireFile("guest-disk", image);
            InvalidSpecException.require(format != null && FORMATS.contains(format), "guest-disk-format",
                    "raw or qcow2", format);
            InvalidSpecException.require(!image.toString().contains(","), "guest-disk",
                    "a path without commas (QEMU's -drive splits on them)", image);
            firmware = firmware == null ? Optional.empty() : firmware;
            firmware.ifPresent(f -> requireFile("guest-firmware", f));
        }
    }

    /** The QEMU arguments that boot this source; miglab's guest's come from the launcher's installation. */
    default List<String> bootArguments(QemuInstallation installation, String miglabCommandLine) {
        if (this instanceof Kernel k) {
            List<String> a = new java.util.ArrayList<>(List.of("-kernel", k.kernel().toString()));
            k.initrd().ifPresent(i -> a.addAll(List.of("-initrd", i.toString())));
            a.addAll(List.of("-append", k.append()));
            return a;
        }
        if (this instanceof Disk d) {
            List<String> a = new java.util.ArrayList<>(List.of("-drive", "file=" + d.image() + ",format=" + d.format()
                    + ",if=virtio"));
            d.firmware().ifPresent(f -> a.addAll(List.of("-bios", f.toString())));
            return a;
        }
        return List.of("-kernel", installation.vmlinux().toString(), "-initrd", installation.initramfs().toString(),
                "-append", miglabCommandLine);
    }

    private static void requireFile(String field, Path p) {
        InvalidSpecException.require(p != null && Files.isRegularFile(p) && Files.isReadable(p), field,
                "a readable file", p);
    }
}
