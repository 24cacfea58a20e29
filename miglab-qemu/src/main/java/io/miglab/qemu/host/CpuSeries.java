package io.miglab.qemu.host;

import java.util.List;

/**
 * One process's snapshots read as cumulative CPU over time: the CPU between two instants is the difference of the
 * cumulative user and system times, linearly interpolated between the snapshots around each instant (the
 * snapshots come every sampling interval; {@code /proc} counts in clock ticks).
 */
public record CpuSeries(List<ProcSnapshot> snapshots) {
    public CpuSeries {
        snapshots = List.copyOf(snapshots);
    }

    /** User CPU in ms between two {@link System#nanoTime()} instants. */
    public double userMs(long fromNanos, long toNanos) {
        return (at(toNanos, true) - at(fromNanos, true)) * 1000.0 / ClockTicks.perSecond();
    }

    /** System CPU in ms between two instants. */
    public double systemMs(long fromNanos, long toNanos) {
        return (at(toNanos, false) - at(fromNanos, false)) * 1000.0 / ClockTicks.perSecond();
    }

    /** The highest VmHWM seen up to {@code toNanos} plus one snapshot (the one that closes the window). */
    public long peakRssBytes(long toNanos) {
        long peak = 0;
        for (ProcSnapshot s : snapshots) {
            peak = Math.max(peak, Math.max(s.peakRssBytes(), s.rssBytes()));
            if (s.nanoTime() >= toNanos) break;
        }
        return peak;
    }

    /** The most threads seen between two instants (and the snapshots just around them). */
    public int maxThreads(long fromNanos, long toNanos) {
        int most = 0;
        ProcSnapshot before = null;
        for (ProcSnapshot s : snapshots) {
            if (s.nanoTime() < fromNanos) {
                before = s;
                continue;
            }
            most = Math.max(most, s.threads());
            if (s.nanoTime() >= toNanos) break;
        }
        return before == null ? most : Math.max(most, before.threads());
    }

    /** The earliest instant the series covers (0 when empty). */
    public long firstNanos() {
        return snapshots.isEmpty() ? 0 : snapshots.get(0).nanoTime();
    }

    /** Cumulative ticks at {@code t}, interpolated; held flat before the first and after the last snapshot. */
    private double at(long t, boolean user) {
        if (snapshots.isEmpty()) return 0;
        ProcSnapshot prev = snapshots.get(0);
        if (t <= prev.nanoTime()) return ticks(prev, user);
        for (ProcSnapshot s : snapshots) {
            if (s.nanoTime() >= t) {
                double span = s.nanoTime() - prev.nanoTime();
                double f = span > 0 ? (t - prev.nanoTime()) / span : 1;
                return ticks(prev, user) + f * (ticks(s, user) - ticks(prev, user));
            }
            prev = s;
        }
        return ticks(prev, user);
    }

    private static long ticks(ProcSnapshot s, boolean user) {
        return user ? s.userTicks() : s.systemTicks();
    }
}
