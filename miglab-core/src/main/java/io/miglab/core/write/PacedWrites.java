package io.miglab.core.write;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.memory.GuestMemory;
import java.time.Duration;
import java.util.Locale;

/**
 * A writer paced by the guest's clock that catches up after being descheduled, like miglab's guest
 * {@code memwriter} (a 1 ms control loop that writes the pages it owes, up to {@code catchUp} behind). Such a
 * writer is not slowed by vCPU throttling until a throttle pause exceeds what it can catch up on.
 *
 * <p>QEMU's throttle (softmmu/cpu-throttle.c) runs a vCPU for a 10 ms slice, then sleeps
 * 10 ms x p / (1 - p). A CPU-bound writer runs 1 - p of the time; this one keeps its full rate while the sleep is
 * at most {@code catchUp}, and beyond that writes (10 ms + catchUp) / (10 ms + sleep) of it.
 */
public record PacedWrites(WriteModel inner, Duration catchUp) implements WriteModel {
    public static final double THROTTLE_SLICE_SECONDS = 0.010;
    /** miglab's guest memwriter keeps a backlog of up to 100 ms of pages (its max_credit). */
    public static final Duration DEFAULT_CATCH_UP = Duration.ofMillis(100);

    public PacedWrites {
        InvalidSpecException.require(inner != null, "write-model", "a write model to pace", null);
        InvalidSpecException.require(catchUp != null && !catchUp.isNegative(), "catch-up", "a duration >= 0",
                catchUp);
    }

    /** Share of its nominal rate the writer keeps under a throttle of {@code percent}. */
    @Override
    public double runningShare(int percent) {
        if (percent <= 0) return 1;
        double p = percent / 100.0;
        double sleep = THROTTLE_SLICE_SECONDS * p / (1 - p);
        double owed = catchUp.toNanos() / 1e9;
        return Math.min(1, (THROTTLE_SLICE_SECONDS + owed) / (THROTTLE_SLICE_SECONDS + sleep));
    }

    @Override
    public WriteProcess start(GuestMemory memory, long seed) { return inner.start(memory, seed); }

    @Override
    public boolean phaseUnknown() { return inner.phaseUnknown(); }

    @Override
    public PacedWrites atPhase(double share) { return new PacedWrites(inner.atPhase(share), catchUp); }

    @Override
    public int[] writableRange(GuestMemory memory) { return inner.writableRange(memory); }

    @Override
    public double pagesPerSecond() { return inner.pagesPerSecond(); }

    @Override
    public double expectedDistinctPages(double seconds, int pages) {
        return inner.expectedDistinctPages(seconds, pages);
    }

    @Override
    public String describe() {
        return inner.describe() + String.format(Locale.ROOT, " (paced, catches up %d ms)", catchUp.toMillis());
    }
}
