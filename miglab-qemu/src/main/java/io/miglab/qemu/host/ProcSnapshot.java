package io.miglab.qemu.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One look at a process in {@code /proc}: its CPU time so far and its memory and threads now. Field positions are
 * those of proc(5): in {@code /proc/PID/stat}, utime and stime are fields 14 and 15 in clock ticks (counted after
 * the command name in parentheses, which may itself hold spaces); {@code /proc/PID/status} has VmRSS and VmHWM
 * in kB and Threads. Each thread's own CPU is in {@code /proc/PID/task/TID/stat} ({@link ThreadTicks}).
 *
 * @param nanoTime   when it was taken ({@link System#nanoTime()})
 * @param userTicks  user CPU so far, in clock ticks
 * @param systemTicks system CPU so far, in clock ticks
 * @param rssBytes   resident memory now
 * @param peakRssBytes the most resident memory so far (VmHWM)
 * @param threads    threads now
 * @param tasks      each thread's name and CPU so far (empty when not read)
 */
public record ProcSnapshot(long nanoTime, long userTicks, long systemTicks, long rssBytes, long peakRssBytes,
                           int threads, List<ThreadTicks> tasks) {
    public ProcSnapshot {
        tasks = List.copyOf(tasks);
    }

    /** A snapshot without its threads. */
    public ProcSnapshot(long nanoTime, long userTicks, long systemTicks, long rssBytes, long peakRssBytes,
                        int threads) {
        this(nanoTime, userTicks, systemTicks, rssBytes, peakRssBytes, threads, List.of());
    }

    /** Reads {@code /proc/PID}; empty when the process is gone. */
    public static Optional<ProcSnapshot> read(long pid) {
        long now = System.nanoTime();
        try {
            Path dir = Path.of("/proc", Long.toString(pid));
            ProcSnapshot s = parse(now, Files.readString(dir.resolve("stat")), Files.readString(dir.resolve("status")));
            return Optional.of(s.withTasks(ThreadTicks.readTasks(pid)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** From the text of {@code /proc/PID/stat} and {@code /proc/PID/status}. */
    public static ProcSnapshot parse(long nanoTime, String stat, String status) {
        ThreadTicks t = ThreadTicks.parse(stat);
        return new ProcSnapshot(nanoTime, t.userTicks(), t.systemTicks(), kib(status, "VmRSS") * 1024,
                kib(status, "VmHWM") * 1024, (int) kib(status, "Threads"));
    }

    public ProcSnapshot withTasks(List<ThreadTicks> t) {
        return new ProcSnapshot(nanoTime, userTicks, systemTicks, rssBytes, peakRssBytes, threads, t);
    }

    /** A {@code Name:  value [kB]} line of {@code status}; 0 when absent (a zombie has no Vm lines). */
    private static long kib(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }
}
