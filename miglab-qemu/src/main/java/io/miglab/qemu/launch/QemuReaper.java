package io.miglab.qemu.launch;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every QEMU miglab has started and not yet stopped. A JVM shutdown hook (normal exit, Ctrl-C, SIGTERM) kills
 * them all, so no guest outlives the run. A SIGKILL of the JVM runs no hook: for that case the launcher starts
 * QEMU through {@code setpriv --pdeathsig KILL}, and the kernel kills QEMU when the JVM dies (see
 * {@link QemuLauncher}).
 */
public final class QemuReaper {
    private static final Set<QemuProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final Set<PrivateDir> DIRS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(QemuReaper::killAll, "miglab-qemu-reaper"));
    }

    private QemuReaper() {
    }

    static void register(QemuProcess p) {
        LIVE.add(p);
    }

    static void unregister(QemuProcess p) {
        LIVE.remove(p);
    }

    static void register(PrivateDir d) {
        DIRS.add(d);
    }

    static void unregister(PrivateDir d) {
        DIRS.remove(d);
    }

    /** QEMUs started by this JVM that have not been closed. */
    public static List<QemuProcess> live() {
        return List.copyOf(LIVE);
    }

    /**
     * Kills every live QEMU at once (SIGKILL: a guest of a dying run has nothing worth a clean shutdown), then
     * deletes the private folders with their sockets and RAM dumps.
     */
    static void killAll() {
        List<QemuProcess> all = List.copyOf(LIVE);
        for (QemuProcess p : all) p.process().destroyForcibly();
        for (QemuProcess p : all) {
            try {
                p.process().waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (PrivateDir d : List.copyOf(DIRS)) {
            try {
                d.close();
            } catch (RuntimeException ignored) {
                // best effort while the JVM goes down
            }
        }
    }
}
