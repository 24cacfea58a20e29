package io.miglab.qemu.migrate;

import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.serial.HeartbeatAnalysis;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The guest's heartbeat across a completed migration (the downtime seen from outside). miglab's guest always
 * prints one; a user's guest may (docs/own-guest.md): when its source printed none, nothing is awaited and the
 * result says that downtime is QEMU's own figure.
 */
final class HeartbeatCheck {
    /** Heartbeats on the destination before the switch is analysed. */
    static final int DESTINATION_BEATS = 10;

    private HeartbeatCheck() { }

    static Optional<HeartbeatAnalysis> after(QemuProcess source, QemuProcess destination, GuestConfig guest,
                                             long startNanos, List<String> notes) {
        if (guest.user().isPresent() && source.serial().lastHeartbeat() < 0) {
            notes.add("the guest printed no heartbeat (HB lines): downtime is QEMU's own figure");
            return Optional.empty();
        }
        destination.serial().awaitLineAfter(DESTINATION_BEATS - 1, l -> l.startsWith("HB "), Duration.ofSeconds(5));
        Optional<HeartbeatAnalysis> a = HeartbeatAnalysis.across(source.serial().transcript(),
                destination.serial().transcript(), startNanos);
        if (a.isEmpty()) notes.add("no heartbeat on the destination within 5 s of the completion");
        return a;
    }
}
