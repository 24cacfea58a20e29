package io.miglab.libvirt.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who runs the local daemons. libvirtd started as root is always the privileged (system) daemon, so as root the
 * daemons run as an unprivileged user ({@code libvirt-qemu}, made by Debian's libvirt-daemon-driver-qemu, or
 * {@code -Dmiglab.libvirt.user}) through {@code setpriv}; as any other user they run as that user.
 *
 * @param name the user's name, or empty when the daemons run as the JVM's own user
 */
public record DaemonUser(String name, String group) {
    public static final String USER_PROPERTY = "miglab.libvirt.user";

    public static DaemonUser current() {
        if (uid() != 0) return new DaemonUser("", "");
        String user = System.getProperty(USER_PROPERTY, "libvirt-qemu");
        try {
            Process p = new ProcessBuilder("id", "-gn", user).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("the local libvirt daemons run as user '" + user + "' when miglab "
                        + "runs as root, and it does not exist (install libvirt-daemon-driver-qemu, or set -D"
                        + USER_PROPERTY + ")");
            }
            return new DaemonUser(user, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot look up user " + user + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public boolean switches() {
        return !name.isEmpty();
    }

    /** The setpriv words that run a command as this user (none when it is the JVM's own). */
    List<String> setprivWords() {
        return switches() ? List.of("--reuid=" + name, "--regid=" + group, "--init-groups") : List.of();
    }

    /** Hands a folder tree (and files) to this user, so its daemons and their QEMUs may write there. */
    public void own(Path root) {
        if (!switches()) return;
        try (Stream<Path> all = Files.walk(root)) {
            UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
            var owner = lookup.lookupPrincipalByName(name);
            GroupPrincipal grp = lookup.lookupPrincipalByGroupName(group);
            for (Path p : (Iterable<Path>) all::iterator) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                view.setOwner(owner);
                view.setGroup(grp);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot hand " + root + " to " + name + ": " + e.getMessage(), e);
        }
    }

    private static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }
}
