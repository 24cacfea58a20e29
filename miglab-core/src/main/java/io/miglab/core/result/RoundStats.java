package io.miglab.core.result;

/**
 * One pre-copy round (one pass over the dirty bitmap; QEMU's dirty-sync period).
 *
 * @param round           0 for the full first pass
 * @param pages           pages sent in the round (zero pages included)
 * @param bytes           bytes on the wire
 * @param durationMs      how long the round took
 * @param dirtyRate       distinct pages dirtied during the round per second
 * @param throttlePercent auto-converge's vCPU throttle during the round
 */
public record RoundStats(int round, long pages, long bytes, double durationMs, double dirtyRate, int throttlePercent) {
}
