package io.miglab.qemu.launch;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts the child processes that run under {@code setpriv --pdeathsig KILL} (QEMU, the namespace relay, libvirtd),
 * all from one thread that lives as long as the JVM. The kernel sends the parent-death signal when the thread that
 * forked the child ends, not the process (prctl(2), PR_SET_PDEATHSIG), so a child started from a pool thread that
 * later retires is killed mid-run: a relay started while booting guests in a pool died with it and reset the
 * migration stream.
 */
public final class ParentDeathSpawner {
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "miglab-child-spawner");
        t.setDaemon(true);
        return t;
    });

    private ParentDeathSpawner() {
    }

    /** {@link ProcessBuilder#start()} on the long-lived thread; {@code what} names the child in the error. */
    public static Process start(ProcessBuilder pb, String what) throws IOException {
        try {
            return SPAWNER.submit(pb::start).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException("cannot start " + what + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + what, e);
        }
    }
}
