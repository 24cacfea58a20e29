package io.miglab.core.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.util.Optional;

/**
 * Pages a pre-copy switch-over sends that the destination has never received: the tail of a first pass that the
 * switch-over cut (QEMU's check before each rate-limit period, migration_iteration_run, stops mid-pass once what is
 * unsent fits the downtime limit). Each is a fresh page of the destination's RAM, which it faults in as it loads the
 * page, so it takes them slower than the pages it already holds ({@link #extraSeconds}). Only the page-level session
 * switches over mid-pass; the closed form and the rate-based model stop between whole passes, where no page is new.
 *
 * <p>Measured with QEMU 10.0.2 under TCG on a 2-core host (QEMU's trace events on both sides, docs/qemu-vs-sim.md,
 * "The destination at a first-pass switch-over"): the destination loaded a first pass's tail at 360 to 490 MiB/s
 * (mean about 430) whatever the guest's size, against about 1,049 MiB/s after a dirty sync; the source finished 4 to
 * 24 ms before it, what the sockets still held (2 to 6 MiB). QEMU's downtime is the source's, so the first
 * {@code buffer} bytes go at the switch-over's own rate and the rest at {@code rate}.
 *
 * @param rate   the destination's rate for pages it has not received before, with the guest paused; empty: no
 *               slower than any other page
 * @param buffer bytes the sockets hold between the two sides, which the source writes without waiting
 */
public record FirstPages(Optional<DataRate> rate, ByteSize buffer) {
    public FirstPages {
        rate = rate == null ? Optional.empty() : rate;
        InvalidSpecException.require(rate.map(r -> r.bytesPerSecond() > 0).orElse(true), "first-page-rate",
                "a rate > 0 or none", rate.orElse(null));
        InvalidSpecException.require(buffer != null, "first-page-buffer", "a size >= 0", buffer);
    }

    /** No rate of their own: the switch-over sends them as any other page. */
    public static FirstPages none() {
        return new FirstPages(Optional.empty(), ByteSize.ofBytes(0));
    }

    /**
     * The switch-over's time beyond {@code bytes / switchOverBytesPerSecond} for {@code bytes} of pages the
     * destination gets for the first time, in seconds: those beyond the buffer go at the first-page rate instead.
     */
    public double extraSeconds(double bytes, double switchOverBytesPerSecond) {
        if (rate.isEmpty() || bytes <= buffer.bytes()) return 0;
        double first = rate.get().bytesPerSecond();
        if (first >= switchOverBytesPerSecond) return 0;
        return (bytes - buffer.bytes()) * (1 / first - 1 / switchOverBytesPerSecond);
    }
}
