package io.miglab.bench.qemu;

import io.miglab.bench.workload.GuestProgram;
import io.miglab.qemu.serial.GuestMessage;
import io.miglab.qemu.serial.SerialLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A real guest's work on the host's clock (the guest's clock stops while it is paused, so only host time shows the
 * downtime), as reports of the work done so far:
 * <ul>
 *   <li>idle: {@code HB n}, the heartbeat counter (100 per second; the counter continues on the destination);</li>
 *   <li>memwriter: {@code MEM total rate}, pages written so far (one line per second);</li>
 *   <li>cpuburn: {@code CPU total rate}, steps done so far (ten lines per second);</li>
 *   <li>httpd (web): not the console but the host's load generator, the k-th answer as work k.</li>
 * </ul>
 * The overhead's windows are built by {@link #aroundMigration}.
 */
final class ThroughputMeter {
    /** The web workload's answers are counted in bins of this length from the {@code migrate} command. */
    static final long BIN_NANOS = 100_000_000L;

    /** Work done over [{@code startNanos}, {@code endNanos}] of host time. */
    record Window(double work, long startNanos, long endNanos) {
        double seconds() { return (endNanos - startNanos) / 1e9; }

        double rate() { return work / seconds(); }
    }

    /** The work done by {@code nanos}, host time. */
    record Report(long nanos, double work) { }

    /**
     * Reports in host-time order; {@code binned}: discrete answers (web), whose migration window is whole bins of
     * {@link #BIN_NANOS} from the {@code migrate} command, rather than console reports, whose window runs from report
     * to report.
     */
    record Series(List<Report> reports, boolean binned) {
        Series {
            reports = List.copyOf(reports);
        }

        /** The guest program's report lines among {@code lines} (host-time order). */
        static Series console(List<SerialLine> lines, GuestProgram program) {
            List<Report> out = new ArrayList<>();
            for (SerialLine l : lines) {
                GuestMessage m = l.message();
                Long work = switch (program) {
                    case IDLE -> m instanceof GuestMessage.Heartbeat h ? h.counter() : null;
                    case MEMWRITER -> m instanceof GuestMessage.MemReport x ? x.pagesWritten() : null;
                    case CPUBURN -> m instanceof GuestMessage.CpuReport c ? c.opsDone() : null;
                    case HTTPD -> throw new IllegalArgumentException("httpd reports no throughput on the console");
                };
                if (work != null) out.add(new Report(l.hostNanos(), work));
            }
            return new Series(out, false);
        }

        /** The load generator's answer times (ascending): the k-th answer has done k requests' work. */
        static Series answers(long[] answerNanos) {
            List<Report> out = new ArrayList<>(answerNanos.length);
            for (int i = 0; i < answerNanos.length; i++) out.add(new Report(answerNanos[i], i + 1));
            return new Series(out, true);
        }

        boolean reportedAfter(long nanos) {
            return !reports.isEmpty() && reports.get(reports.size() - 1).nanos() >= nanos;
        }

        /**
         * Work done by {@code nanos}: answers are counted (a step at each); console totals are interpolated linearly
         * between the two reports around {@code nanos} (exact at a report).
         */
        double workAt(long nanos) {
            Report before = null;
            for (Report r : reports) {
                if (r.nanos() > nanos) {
                    if (binned || before == null) return before == null ? 0 : before.work();
                    return before.work() + (r.work() - before.work()) * (nanos - before.nanos())
                            / (double) (r.nanos() - before.nanos());
                }
                before = r;
            }
            return before == null ? 0 : before.work();
        }

        Window window(long fromNanos, long toNanos) {
            return new Window(workAt(toNanos) - workAt(fromNanos), fromNanos, toNanos);
        }

        /** The window from the first report at or after {@code fromNanos} to the last at or before {@code toNanos}. */
        Optional<Window> within(long fromNanos, long toNanos) {
            Report first = null, last = null;
            for (Report x : reports) {
                if (x.nanos() >= fromNanos && first == null) first = x;
                if (x.nanos() <= toNanos) last = x;
            }
            if (first == null || last == null || last.nanos() <= first.nanos()) return Optional.empty();
            return Optional.of(new Window(last.work() - first.work(), first.nanos(), last.nanos()));
        }

        /** Answers per bin of {@link #BIN_NANOS} over {@code w} (whole bins from its start). */
        List<Long> bins(Window w) {
            List<Long> out = new ArrayList<>();
            for (long t = w.startNanos(); t < w.endNanos(); t += BIN_NANOS) {
                out.add(Math.round(workAt(Math.min(t + BIN_NANOS, w.endNanos())) - workAt(t)));
            }
            return out;
        }
    }

    /**
     * The overhead's two windows: the migration window and, on the same guest just before it, a baseline window of
     * the same length. {@code expectedWork} is the work the baseline window says the guest would have done over the
     * migration window (its own work when it is as long; scaled to the length when the guest had not run long
     * enough before the migration).
     */
    record Windows(Window migration, Window baseline, double expectedWork) {
        double lost() { return expectedWork - migration.work(); }

        /** The throughput without migration, per second. */
        double baselineRate() { return expectedWork / migration.seconds(); }

        /**
         * Virt-LM's overhead (Huang et al., ICPE 2011: the drop of the workload's own throughput) as a share of the
         * migration's total time T: 100 x lost / (rate x T), with lost = expected work - work counted. At most
         * 0 below (noise can make lost negative); above 100 % when the loss outlasts T.
         */
        double overheadPercent(double totalTimeMs) {
            if (!(totalTimeMs > 0) || !(expectedWork > 0)) return 0;
            return Math.max(0, 100 * lost() / (baselineRate() * totalTimeMs / 1000));
        }
    }

    private ThroughputMeter() { }

    /** The lines of the source and of the destination, in host-time order. */
    static List<SerialLine> merge(List<SerialLine> source, List<SerialLine> destination) {
        List<SerialLine> all = new ArrayList<>(source);
        all.addAll(destination);
        all.sort(Comparator.comparingLong(SerialLine::hostNanos));
        return all;
    }

    /**
     * The windows around a migration from the {@code migrate} command ({@code startNanos}) to its end for the guest
     * ({@code endNanos}). The migration window: console programs from the last report at or before the start to the
     * first at or after the end; web from the start, in whole {@link #BIN_NANOS} bins up to the one holding the first
     * answer at or after the end. The baseline window: the same length L just before, but not before
     * {@code earliestNanos} (the guest's warm-up); shorter when the guest had run less, then its work is scaled to L
     * (and from the last report, or bin, before the window when the warm-up left none).
     */
    static Optional<Windows> aroundMigration(Series s, long startNanos, long endNanos, long earliestNanos) {
        Report before = null, after = null;
        for (Report x : s.reports()) {
            if (x.nanos() <= startNanos) before = x;
            if (x.nanos() >= endNanos && after == null) after = x;
        }
        if (after == null || (!s.binned() && before == null)) return Optional.empty();
        long a = s.binned() ? startNanos : before.nanos();
        long b = s.binned() ? a + ceilDiv(after.nanos() - a, BIN_NANOS) * BIN_NANOS : after.nanos();
        if (b <= a) b = a + BIN_NANOS;
        long length = b - a;
        long from = a - length;
        if (from < earliestNanos) {
            from = s.binned() ? a - (a - earliestNanos) / BIN_NANOS * BIN_NANOS
                    : s.reports().stream().mapToLong(Report::nanos).filter(t -> t >= earliestNanos).findFirst()
                    .orElse(a);
        }
        if (from >= a) { // no report after the warm-up before a (memwriter's one a second): the last one before a
            from = s.binned() ? a - BIN_NANOS : s.reports().stream().mapToLong(Report::nanos).filter(t -> t < a)
                    .max().orElse(a);
        }
        if (from >= a) return Optional.empty();
        Window baseline = s.window(from, a);
        return Optional.of(new Windows(s.window(a, b), baseline, baseline.work() * length / (double) (a - from)));
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }
}
