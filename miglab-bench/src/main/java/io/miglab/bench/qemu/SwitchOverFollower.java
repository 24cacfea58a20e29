package io.miglab.bench.qemu;

import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.launch.UserNetwork;
import java.time.Duration;

/**
 * Points the load generator at the destination the moment the guest runs there: the destination's console is
 * silent until the migrated guest resumes, so its first line (a heartbeat, every 10 ms) marks the switch-over on
 * the host's clock. A migration that never completes leaves the generator on the source.
 */
final class SwitchOverFollower implements AutoCloseable {
    private final Thread thread;

    SwitchOverFollower(QemuProcess destination, HttpLoadGenerator generator, Duration timeout) {
        UserNetwork net = destination.network().orElseThrow(() -> new IllegalStateException(
                destination.name() + " has no network to switch the load generator to"));
        thread = new Thread(() -> {
            if (destination.serial().awaitLine(l -> true, timeout).isPresent()) generator.switchTo(net.hostAddress());
        }, "miglab-web-follower");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
