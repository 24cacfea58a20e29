package io.miglab.qemu.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One process's snapshots read as cumulative CPU over time: the CPU between two instants is the difference of the
 * cumulative user and system times, linearly interpolated between the snapshots around each instant (the
 * snapshots come every sampling interval; {@code /proc} counts in clock ticks).
 */
public record CpuSeries(List<ProcSnapshot> snapshots) {
    public CpuSeries {
        snapshots = List.copyOf(snapshots);
    }

    /**
     * The CPU of some of the process's threads, by role, as a series of its own: at each snapshot the sum of the
     * last ticks seen of every such thread so far, those that have ended included (a migration thread ends with
     * its migration). A thread's ticks after its last snapshot are not lost: the process's own counters keep the
     * time of its ended threads, and what they grew by while only such threads ended is theirs. Each part only
     * grows, so the sum does, and any window's CPU is at least 0.
     */
    public static CpuSeries ofThreads(List<ProcSnapshot> snapshots, Set<ThreadRole> roles) {
        Map<String, ThreadTicks> seen = new HashMap<>();
        long[] endedTail = new long[2]; // user, system of matching threads after their last snapshot
        ProcSnapshot prev = null;
        List<ProcSnapshot> sums = new ArrayList<>();
        for (ProcSnapshot s : snapshots) {
            for (ThreadTicks t : s.tasks()) if (roles.contains(t.role())) seen.put(t.key(), t);
            if (prev != null && !prev.tasks().isEmpty() && !s.tasks().isEmpty()) {
                addEndedTail(prev, s, roles, endedTail);
            }
            long user = endedTail[0], system = endedTail[1];
            for (ThreadTicks t : seen.values()) {
                user += t.userTicks();
                system += t.systemTicks();
            }
            sums.add(new ProcSnapshot(s.nanoTime(), user, system, s.rssBytes(), s.peakRssBytes(), s.threads()));
            prev = s;
        }
        return new CpuSeries(sums);
    }

    /** Between two snapshots in which only matching threads ended: the ended threads' ticks past their last look. */
    private static void addEndedTail(ProcSnapshot prev, ProcSnapshot s, Set<ThreadRole> roles, long[] tail) {
        Set<String> now = new HashSet<>();
        s.tasks().forEach(t -> now.add(t.key()));
        List<ThreadTicks> ended = prev.tasks().stream().filter(t -> !now.contains(t.key())).toList();
        if (ended.isEmpty() || !ended.stream().allMatch(t -> roles.contains(t.role()))) return;
        // the process's ticks less its live threads' are its ended threads' (proc(5): utime includes them)
        long user = endedTicks(s, true) - endedTicks(prev, true);
        long system = endedTicks(s, false) - endedTicks(prev, false);
        for (ThreadTicks t : ended) {
            user -= t.userTicks();
            system -= t.systemTicks();
        }
        tail[0] += Math.max(0, user);
        tail[1] += Math.max(0, system);
    }

    private static long endedTicks(ProcSnapshot s, boolean user) {
        long live = 0;
        for (ThreadTicks t : s.tasks()) live += user ? t.userTicks() : t.systemTicks();
        return (user ? s.userTicks() : s.systemTicks()) - live;
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
