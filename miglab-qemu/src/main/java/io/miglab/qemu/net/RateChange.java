package io.miglab.qemu.net;

import io.miglab.core.unit.DataRate;
import java.time.Duration;

/**
 * The link's rate changes to {@code rate} this long after the migrations start ({@code tc qdisc change}).
 *
 * @param after time from the start of the first migration
 * @param rate  the rate from then on
 */
public record RateChange(Duration after, DataRate rate) {
}
