package io.miglab.qemu.serial;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line the miglab guest prints on its serial console (see miglab-qemu/guest/README.md). */
public sealed interface GuestMessage {
    /** {@code HB n}: the heartbeat, every 10 ms; n counts up from 0 and continues across a migration. */
    record Heartbeat(long counter) implements GuestMessage { }

    /** {@code MEM total rate}: memwriter's pages written so far and its rate over the last second. */
    record MemReport(long pagesWritten, long pagesPerSecond) implements GuestMessage { }

    /** {@code CPU total rate}: cpuburn's steps done so far and per second over its last report (every 100 ms). */
    record CpuReport(long opsDone, long opsPerSecond) implements GuestMessage { }

    /** {@code MIGLAB READY}: the workload runs. */
    record Ready() implements GuestMessage { }

    /** {@code MIGLAB ERROR ...}. */
    record Error(String text) implements GuestMessage { }

    /** Anything else (kernel messages, the parameter line, fragments). */
    record Other(String text) implements GuestMessage { }

    Pattern HB = Pattern.compile("^HB (\\d+)$");
    Pattern MEM = Pattern.compile("^MEM (\\d+) (\\d+)$");
    Pattern CPU = Pattern.compile("^CPU (\\d+) (\\d+)$");

    static GuestMessage parse(String line) {
        String s = line.strip();
        Matcher m = HB.matcher(s);
        if (m.matches()) return new Heartbeat(Long.parseLong(m.group(1)));
        m = MEM.matcher(s);
        if (m.matches()) return new MemReport(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        m = CPU.matcher(s);
        if (m.matches()) return new CpuReport(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        if (s.equals("MIGLAB READY")) return new Ready();
        if (s.startsWith("MIGLAB ERROR")) return new Error(s);
        return new Other(s);
    }
}
