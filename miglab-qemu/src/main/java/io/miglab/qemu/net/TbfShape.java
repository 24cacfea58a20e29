package io.miglab.qemu.net;

import io.miglab.core.unit.DataRate;
import java.util.List;
import java.util.Locale;

/**
 * A token-bucket filter for one rate (Linux {@code sch_tbf}, tc-tbf(8)): the bucket must hold at least one GSO
 * super-packet (64 KiB) and the rate's worth of one timer tick, and the queue ({@code latency}) at least twice the
 * bucket, so that TCP fills the link instead of losing its bursts at the qdisc.
 *
 * @param rate     the link's rate
 * @param burstBytes the bucket
 * @param latencyMs how long a packet may wait in the queue
 */
public record TbfShape(DataRate rate, long burstBytes, long latencyMs) {
    private static final long MIN_BURST_BYTES = 128 * 1024;
    private static final double TICK_SECONDS = 0.004; // HZ=250: one jiffy of tokens

    public static TbfShape forRate(DataRate rate) {
        long burst = Math.max(MIN_BURST_BYTES, (long) (rate.bytesPerSecond() * TICK_SECONDS));
        long latency = Math.max(50, (long) Math.ceil(4.0 * burst / rate.bytesPerSecond() * 1000));
        return new TbfShape(rate, burst, latency);
    }

    /** tc's words after {@code tbf}: rate in bits/s (tc's {@code bps} would mean bytes), burst in bytes. */
    public List<String> tcWords() {
        return List.of("rate", String.format(Locale.ROOT, "%dbit", Math.round(rate.bytesPerSecond() * 8)),
                "burst", Long.toString(burstBytes), "latency", latencyMs + "ms");
    }
}
