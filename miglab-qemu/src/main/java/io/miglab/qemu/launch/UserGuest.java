package io.miglab.qemu.launch;

import io.miglab.core.error.InvalidSpecException;
import java.util.List;
import java.util.Set;

/**
 * A user's own guest: what it boots, its vCPUs, the QEMU arguments added to both sides' command lines (an argument
 * list, never a shell), and when it is ready. Its RAM is the spec's {@code --memory}; its workload is its own.
 *
 * @param qemuArguments added after miglab's own arguments, on the source and the destination alike (a device must
 *                      exist on both for the migration to load); the options miglab itself manages are refused
 */
public record UserGuest(GuestSource source, int vcpus, List<String> qemuArguments, Readiness readiness) {
    /** Options miglab sets itself: giving them again would break the run or its measurement. */
    public static final Set<String> MANAGED = Set.of("-m", "-smp", "-kernel", "-initrd", "-append", "-serial",
            "-chardev", "-qmp", "-monitor", "-incoming", "-name", "-S", "-daemonize", "-accel", "-machine",
            "-nodefaults", "-display", "-vga", "-no-reboot", "-L", "-bios", "-nic", "-qmp-pretty",
            "-mon", "-pidfile", "-D", "-trace");

    public UserGuest {
        InvalidSpecException.require(source != null && !(source instanceof GuestSource.Miglab), "guest-kernel",
                "a kernel (--guest-kernel) or a disk image (--guest-disk) for a user's guest", "neither");
        InvalidSpecException.require(vcpus >= 1 && vcpus <= 64, "vcpus", "1 to 64 for the QEMU guest", vcpus);
        qemuArguments = List.copyOf(qemuArguments);
        for (String a : qemuArguments) {
            InvalidSpecException.require(!a.isEmpty() && a.indexOf('\n') < 0 && a.indexOf('\0') < 0, "qemu-arg",
                    "a non-empty argument without line breaks", "'" + a + "'");
            String option = a.startsWith("--") ? a.substring(1) : a;
            InvalidSpecException.require(!MANAGED.contains(option), "qemu-arg",
                    "an option miglab does not set itself (not " + String.join(" ", MANAGED.stream().sorted()
                            .toList()) + ")", a);
        }
        InvalidSpecException.require(readiness != null && !(readiness instanceof Readiness.MiglabReady),
                "ready-line", "a readiness check for a user's guest: --ready-line REGEX or --ready-port PORT",
                "neither");
    }

    /** The forwarded guest port, when readiness is a TCP port. */
    public java.util.OptionalInt guestPort() {
        return readiness instanceof Readiness.TcpPort t ? java.util.OptionalInt.of(t.guestPort())
                : java.util.OptionalInt.empty();
    }
}
