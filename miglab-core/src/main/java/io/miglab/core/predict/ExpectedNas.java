package io.miglab.core.predict;

import io.miglab.core.link.NasAssist;

/**
 * The closed form's NAS-assisted pre-copy (see {@code core.sim.NasRelay} for the page-level one): the first pass
 * and the stop-and-copy go straight and to the NAS side by side, later rounds go through the NAS. Over expected
 * values the first pass is written to the RAID in whole stripes and later rounds' scattered pages as small writes.
 * Without a NAS ({@code nas} null) every method is the plain path's.
 */
final class ExpectedNas {
    private final NasAssist nas;
    private final double pageBytes;
    private final double pageWire;
    double sourceToNas;
    double nasToDestination;

    ExpectedNas(NasAssist nas, double pageBytes, double pageWire) {
        this.nas = nas;
        this.pageBytes = pageBytes;
        this.pageWire = pageWire;
    }

    /** Seconds of round {@code round}, sending {@code wireBytes} of {@code pages} pages. */
    double roundSeconds(int round, double wireBytes, double pages, double straightRate) {
        if (nas == null) return wireBytes / straightRate;
        double data = pages * pageBytes;
        if (round == 0) {
            return Math.max(wireBytes / straightRate,
                    nas.copySeconds(wireBytes, nas.raid().fullStripeIoBytes(data), false));
        }
        return nas.relaySeconds(wireBytes, nas.raid().smallWriteIoBytes(data) + nas.raid().readIoBytes(wireBytes));
    }

    /** Wire bytes a round of {@code wireBytes} puts on the links (counted twice with a NAS: two links carry it). */
    double roundWire(int round, double wireBytes) {
        if (nas == null) return wireBytes;
        sourceToNas += wireBytes;
        if (round >= 1) nasToDestination += wireBytes;
        return 2 * wireBytes;
    }

    /** The switch-over of {@code wireBytes} (device state included), {@code straightSeconds} on the straight path. */
    double switchOverSeconds(double wireBytes, double straightSeconds) {
        if (nas == null) return straightSeconds;
        double data = Math.max(0, wireBytes / pageWire * pageBytes);
        return Math.max(straightSeconds, nas.copySeconds(wireBytes, nas.raid().smallWriteIoBytes(data), true));
    }

    double switchOverWire(double wireBytes) {
        if (nas == null) return wireBytes;
        sourceToNas += wireBytes;
        return 2 * wireBytes;
    }

    /** True when the last round ({@code round}) went through the NAS. */
    boolean relayed(int round) {
        return nas != null && round >= 1;
    }
}
