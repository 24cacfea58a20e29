package io.miglab.qemu.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One look at a process in {@code /proc}: its CPU time so far and its memory and threads now. Field positions are
 * those of proc(5): in {@code /proc/PID/stat}, utime and stime are fields 14 and 15 in clock ticks (counted after
 * the command name in parentheses, which may itself hold spaces); {@code /proc/PID/status} has VmRSS and VmHWM
 * in kB and Threads.
 *
 * @param nanoTime   when it was taken ({@link System#nanoTime()})
 * @param userTicks  user CPU so far, in clock ticks
 * @param systemTicks system CPU so far, in clock ticks
 * @param rssBytes   resident memory now
 * @param peakRssBytes the most resident memory so far (VmHWM)
 * @param threads    threads now
 */
public record ProcSnapshot(long nanoTime, long userTicks, long systemTicks, long rssBytes, long peakRssBytes,
                           int threads) {
    private static final int UTIME_AFTER_COMM = 11; // field 14 of stat, the 12th after "pid (comm)"

    /** Reads {@code /proc/PID}; empty when the process is gone. */
    public static Optional<ProcSnapshot> read(long pid) {
        long now = System.nanoTime();
        try {
            Path dir = Path.of("/proc", Long.toString(pid));
            return Optional.of(parse(now, Files.readString(dir.resolve("stat")), Files.readString(dir.resolve("status"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** From the text of {@code /proc/PID/stat} and {@code /proc/PID/status}. */
    public static ProcSnapshot parse(long nanoTime, String stat, String status) {
        int close = stat.lastIndexOf(')');
        if (close < 0) throw new IllegalArgumentException("not a /proc/PID/stat line: " + stat);
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        long utime = Long.parseLong(f[UTIME_AFTER_COMM]);
        long stime = Long.parseLong(f[UTIME_AFTER_COMM + 1]);
        return new ProcSnapshot(nanoTime, utime, stime, kib(status, "VmRSS") * 1024, kib(status, "VmHWM") * 1024,
                (int) kib(status, "Threads"));
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
