package io.miglab.libvirt.domain;

import io.miglab.qemu.serial.GuestMessage;
import io.miglab.qemu.serial.SerialLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The guest's downtime seen from outside, from one serial log that the source and then the destination wrote:
 * the largest host-time gap between consecutive heartbeats during the migration (the guest prints one every
 * 10 ms, so a gap well above that is the pause), and whether the counter went on without a break after it.
 *
 * @param maxGapMs        the largest gap between heartbeats from the migration's start to its end
 * @param counterContinued every heartbeat from the window's start to the end of the log is the previous + 1
 * @param beatsAfter      heartbeats printed after the migration ended (the guest runs on the destination)
 */
public record HeartbeatRecord(double maxGapMs, long lastCounter, boolean counterContinued, int beatsAfter) {

    /** Empty when no heartbeat was printed in the window. */
    public static Optional<HeartbeatRecord> of(List<SerialLine> lines, long fromNanos, long toNanos) {
        List<long[]> beats = new ArrayList<>();
        for (SerialLine l : lines) {
            if (l.message() instanceof GuestMessage.Heartbeat h) beats.add(new long[] {l.hostNanos(), h.counter()});
        }
        double maxGap = 0;
        boolean continued = true;
        int after = 0;
        long last = -1;
        boolean any = false;
        for (int i = 0; i < beats.size(); i++) {
            long t = beats.get(i)[0];
            if (t > toNanos) after++;
            if (i == 0 || beats.get(i - 1)[0] < fromNanos) continue;
            any = true;
            long prevT = beats.get(i - 1)[0];
            if (prevT <= toNanos) maxGap = Math.max(maxGap, (t - prevT) / 1e6);
            if (beats.get(i)[1] != beats.get(i - 1)[1] + 1) continued = false;
            last = beats.get(i)[1];
        }
        return any ? Optional.of(new HeartbeatRecord(maxGap, last, continued, after)) : Optional.empty();
    }
}
