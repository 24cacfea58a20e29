package io.miglab.qemu.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One line of {@code /proc/PID/stat} or {@code /proc/PID/task/TID/stat} (proc(5)): the name in parentheses (field
 * 2, a thread's {@code comm}: QEMU names its threads with {@code -name ...,debug-threads=on}), utime and stime
 * (fields 14 and 15) and the start time (field 22), in clock ticks. The name may itself hold spaces and
 * parentheses, so the fields are counted after the last ')'.
 *
 * @param tid         the thread (or process) id
 * @param startTicks  when it started, after boot: with the id, tells a thread from a later one that reuses the id
 * @param name        its name ({@code comm}, at most 15 characters)
 * @param userTicks   user CPU so far
 * @param systemTicks system CPU so far
 */
public record ThreadTicks(long tid, long startTicks, String name, long userTicks, long systemTicks) {
    private static final int UTIME_AFTER_NAME = 11; // field 14 of stat, the 12th after "pid (comm)"
    private static final int START_AFTER_NAME = 19; // field 22

    /** Parses a {@code stat} line. */
    public static ThreadTicks parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) throw new IllegalArgumentException("not a /proc stat line: " + stat);
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        return new ThreadTicks(Long.parseLong(stat.substring(0, open).trim()), Long.parseLong(f[START_AFTER_NAME]),
                stat.substring(open + 1, close), Long.parseLong(f[UTIME_AFTER_NAME]),
                Long.parseLong(f[UTIME_AFTER_NAME + 1]));
    }

    /** Every thread of {@code pid} now ({@code /proc/PID/task/*}/stat); threads that exit meanwhile are skipped. */
    public static List<ThreadTicks> readTasks(long pid) {
        List<ThreadTicks> out = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    out.add(parse(Files.readString(t.resolve("stat"))));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    /** This thread across samples: its id and start time. */
    public String key() {
        return tid + "@" + startTicks;
    }

    public ThreadRole role() {
        return ThreadRole.of(name);
    }
}
