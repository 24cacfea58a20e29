package io.miglab.bench.qemu;

import io.miglab.bench.workload.GuestProgram;
import io.miglab.qemu.serial.GuestMessage;
import io.miglab.qemu.serial.SerialLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A real guest's throughput from its serial console, on the host's clock (the guest's clock stops while it is
 * paused, so only host time shows the downtime):
 * <ul>
 *   <li>idle: {@code HB n}, the heartbeat counter (100 per second; the counter continues on the destination);</li>
 *   <li>memwriter: {@code MEM total rate}, pages written so far;</li>
 *   <li>cpuburn: {@code CPU rate}, one line per guest second, so a line stands for {@code rate} operations;</li>
 *   <li>httpd (web): not the console but the host's load generator, one answered request per answer time.</li>
 * </ul>
 * Work over a window is the counter's difference between two report lines (for cpuburn the sum of the lines after
 * the first), and the window is the host time between them.
 */
final class ThroughputMeter {
    /** Work done between two report lines and the host time between them. */
    record Window(double work, long startNanos, long endNanos) {
        double seconds() { return (endNanos - startNanos) / 1e9; }

        double rate() { return work / seconds(); }
    }

    private record Report(long nanos, long counter, long rate) { }

    private ThroughputMeter() { }

    /** The lines of the source and of the destination, in host-time order. */
    static List<SerialLine> merge(List<SerialLine> source, List<SerialLine> destination) {
        List<SerialLine> all = new ArrayList<>(source);
        all.addAll(destination);
        all.sort(Comparator.comparingLong(SerialLine::hostNanos));
        return all;
    }

    /** The window from the first report line at or after {@code fromNanos} to the last at or before {@code toNanos}. */
    static Optional<Window> within(List<SerialLine> lines, GuestProgram program, long fromNanos, long toNanos) {
        return withinReports(reports(lines, program), program, fromNanos, toNanos);
    }

    /** {@link #within} over the load generator's answers (web): each answer is one request's work. */
    static Optional<Window> withinAnswers(long[] answerNanos, long fromNanos, long toNanos) {
        return withinReports(answers(answerNanos), GuestProgram.HTTPD, fromNanos, toNanos);
    }

    /** {@link #around} over the load generator's answers (web). */
    static Optional<Window> aroundAnswers(long[] answerNanos, long fromNanos, long toNanos) {
        return aroundReports(answers(answerNanos), GuestProgram.HTTPD, fromNanos, toNanos);
    }

    private static Optional<Window> withinReports(List<Report> r, GuestProgram program, long fromNanos, long toNanos) {
        Report first = null, last = null;
        for (Report x : r) {
            if (x.nanos() >= fromNanos && first == null) first = x;
            if (x.nanos() <= toNanos) last = x;
        }
        if (first == null || last == null || last.nanos() <= first.nanos()) return Optional.empty();
        return Optional.of(window(r, first, last, program));
    }

    /** The smallest window of report lines that contains [{@code fromNanos}, {@code toNanos}]. */
    static Optional<Window> around(List<SerialLine> lines, GuestProgram program, long fromNanos, long toNanos) {
        return aroundReports(reports(lines, program), program, fromNanos, toNanos);
    }

    private static Optional<Window> aroundReports(List<Report> r, GuestProgram program, long fromNanos, long toNanos) {
        Report before = null, after = null;
        for (Report x : r) {
            if (x.nanos() <= fromNanos) before = x;
            if (x.nanos() >= toNanos && after == null) after = x;
        }
        if (before == null || after == null) return Optional.empty();
        return Optional.of(window(r, before, after, program));
    }

    private static Window window(List<Report> r, Report first, Report last, GuestProgram program) {
        double work;
        if (program == GuestProgram.CPUBURN) {
            work = 0;
            for (Report x : r) if (x.nanos() > first.nanos() && x.nanos() <= last.nanos()) work += x.rate();
        } else {
            work = last.counter() - first.counter();
        }
        return new Window(work, first.nanos(), last.nanos());
    }

    /** The k-th answer (host time) as a counter reading k: the work between two answers is their distance. */
    private static List<Report> answers(long[] answerNanos) {
        List<Report> out = new ArrayList<>(answerNanos.length);
        for (int i = 0; i < answerNanos.length; i++) out.add(new Report(answerNanos[i], i + 1, 0));
        return out;
    }

    private static List<Report> reports(List<SerialLine> lines, GuestProgram program) {
        List<Report> out = new ArrayList<>();
        for (SerialLine l : lines) {
            GuestMessage m = l.message();
            switch (program) {
                case IDLE -> {
                    if (m instanceof GuestMessage.Heartbeat h) out.add(new Report(l.hostNanos(), h.counter(), 0));
                }
                case MEMWRITER -> {
                    if (m instanceof GuestMessage.MemReport x) {
                        out.add(new Report(l.hostNanos(), x.pagesWritten(), x.pagesPerSecond()));
                    }
                }
                case CPUBURN -> {
                    if (m instanceof GuestMessage.CpuReport c) out.add(new Report(l.hostNanos(), 0, c.opsPerSecond()));
                }
                default -> throw new IllegalArgumentException(program + " reports no throughput on the console");
            }
        }
        return out;
    }
}
