package io.miglab.core.sim;

import io.miglab.core.link.NasAssist;
import io.miglab.core.result.Timeline;
import io.miglab.core.result.Timeline.Phase;
import io.miglab.core.result.Timeline.Route;
import io.miglab.core.storage.Raid5;

/**
 * The page-level session's NAS-assisted pre-copy: the first pass and the stop-and-copy go to the destination and,
 * at the same time, to the NAS (the slower of the two paths sets the time); later rounds go source -> NAS ->
 * destination, the NAS writing each page to its RAID 5 image (page p at offset p x page size, so a round's pages
 * that fill a whole stripe are a full-stripe write and the others small writes) and reading it back for the
 * destination. Without a NAS ({@code nas} null) every method is the plain path's.
 */
final class NasRelay {
    private final NasAssist nas;
    private final long pageBytes;
    private final long imageBytes;
    private Raid5.WriteBatch batch;

    NasRelay(NasAssist nas, long pageBytes, long imageBytes) {
        this.nas = nas;
        this.pageBytes = pageBytes;
        this.imageBytes = imageBytes;
    }

    /** {@code send}, noting each page for the NAS's disks; call before each round or stop-and-copy. */
    PassSender.WordSender tap(PassSender.WordSender send) {
        if (nas == null) return send;
        batch = nas.raid().batch(pageBytes, imageBytes);
        return (w, bits) -> {
            for (long b = bits; b != 0; b &= b - 1) batch.page(64L * w + Long.numberOfTrailingZeros(b));
            return send.send(w, bits);
        };
    }

    /** True when round {@code round} goes through the NAS rather than straight to the destination. */
    boolean relayed(int round) {
        return nas != null && round >= 1;
    }

    /** The rate a round's byte budget (the timeout) is counted at. */
    double rate(int round, double straightRate) {
        if (!relayed(round)) return straightRate;
        return Math.min(nas.sourceToNas().effectiveBandwidth().bytesPerSecond(),
                nas.nasToDestination().effectiveBandwidth().bytesPerSecond());
    }

    /**
     * How long a pre-copy round of {@code wireBytes} takes: the first pass is the straight path and the NAS's copy
     * side by side; a later round is the relay through the NAS (its links and its disks, written then read).
     *
     * @param straightSeconds the round on the source->destination link alone
     * @param cpuSeconds      the compressor's time, which no path can beat
     */
    double roundSeconds(int round, long wireBytes, double straightSeconds, double cpuSeconds) {
        if (nas == null) return straightSeconds;
        double io = batch.ioBytes();
        if (!relayed(round)) return Math.max(straightSeconds, nas.copySeconds(wireBytes, io, false));
        double read = nas.raid().readIoBytes(io == 0 ? 0 : (double) wireBytes);
        return Math.max(cpuSeconds, nas.relaySeconds(wireBytes, io + read));
    }

    /** The stop-and-copy: the straight switch-over and the NAS's copy of the same bytes side by side. */
    double switchOverSeconds(long wireBytes, double straightSeconds) {
        if (nas == null) return straightSeconds;
        return Math.max(straightSeconds, nas.copySeconds(wireBytes, batch.ioBytes(), true));
    }

    /** Counts a round's or the stop-and-copy's bytes on the links they crossed. */
    void account(Timeline t, Phase phase, int round, long wireBytes) {
        if (phase == Phase.PRECOPY && relayed(round)) {
            t.sent(phase, Route.SOURCE_TO_NAS, wireBytes);
            t.sent(phase, Route.NAS_TO_DESTINATION, wireBytes);
        } else {
            t.sent(phase, wireBytes);
            if (nas != null) t.sent(phase, Route.SOURCE_TO_NAS, wireBytes);
        }
    }
}
