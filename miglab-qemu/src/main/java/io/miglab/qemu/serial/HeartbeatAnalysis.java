package io.miglab.qemu.serial;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Downtime as the guest's heartbeat shows it from outside: the source console, then the destination console.
 *
 * @param lastSourceCounter       the last heartbeat printed on the source
 * @param firstDestinationCounter the first printed on the destination (joined with the source's unfinished line
 *                                when the switch-over cut one in two)
 * @param switchGapMs             host time from the source's last heartbeat to the destination's first: the
 *                                downtime seen by someone watching the guest
 * @param maxGapMs                the largest gap between consecutive heartbeats in the combined stream from
 *                                {@code windowStartNanos} on (throttling shows up here too)
 * @param counterContinued        the destination went on at the source's last + 1: the same guest, nothing lost
 * @param lineSplit               a heartbeat line was cut by the switch-over and joined again
 */
public record HeartbeatAnalysis(long lastSourceCounter, long firstDestinationCounter, double switchGapMs,
                                double maxGapMs, boolean counterContinued, boolean lineSplit,
                                int sourceHeartbeats, int destinationHeartbeats) {

    private record Beat(long nanos, long counter) { }

    /** Empty when either side printed no heartbeat. */
    public static Optional<HeartbeatAnalysis> across(SerialTranscript source, SerialTranscript destination,
                                                     long windowStartNanos) {
        List<Beat> src = beats(source.lines(), 0);
        List<Beat> dst = new ArrayList<>();
        boolean split = false;
        List<SerialLine> dstLines = destination.lines();
        int from = 0;
        if (!source.partial().isEmpty() && !dstLines.isEmpty()) {
            SerialLine first = dstLines.get(0);
            if (GuestMessage.parse(source.partial() + first.text()) instanceof GuestMessage.Heartbeat h) {
                dst.add(new Beat(first.hostNanos(), h.counter()));
                split = true;
                from = 1;
            }
        }
        dst.addAll(beats(dstLines, from));
        if (src.isEmpty() || dst.isEmpty()) return Optional.empty();
        Beat last = src.get(src.size() - 1);
        Beat first = dst.get(0);
        List<Beat> all = new ArrayList<>(src);
        all.addAll(dst);
        long maxGap = 0;
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).nanos() < windowStartNanos) continue;
            maxGap = Math.max(maxGap, all.get(i).nanos() - all.get(i - 1).nanos());
        }
        return Optional.of(new HeartbeatAnalysis(last.counter(), first.counter(),
                (first.nanos() - last.nanos()) / 1e6, maxGap / 1e6, first.counter() == last.counter() + 1, split,
                src.size(), dst.size()));
    }

    private static List<Beat> beats(List<SerialLine> lines, int from) {
        List<Beat> out = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).message() instanceof GuestMessage.Heartbeat h) {
                out.add(new Beat(lines.get(i).hostNanos(), h.counter()));
            }
        }
        return out;
    }
}
