package io.miglab.qemu.serial;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * memwriter's {@code MEM} reports on the source's console during one migration, and the rate the writer reached
 * (its achieved rate), which under TCG can be well below the nominal one: memwriter with {@code catchup_ms=0}
 * drops the writes of every late wake-up (miglab-qemu/guest/memwriter.c, {@code max_credit}).
 *
 * @param reports            every report the source printed between the migrate command and the migration's end,
 *                           in order
 * @param unthrottledUntilMs host time from the migrate command to the last {@code query-migrate} sample before
 *                           QEMU's vCPU throttle first rose above 0; the migration's end when it never did
 */
public record WriterReports(List<Report> reports, double unthrottledUntilMs) {
    /** The guest-clock interval each report's rate covers: memwriter reports once a second. */
    public static final double REPORT_INTERVAL_MS = 1000;

    /**
     * One {@code MEM} line.
     *
     * @param atMs           host time from the migrate command to the line's arrival
     * @param pagesWritten   pages written since the writer started
     * @param pagesPerSecond pages written over the last report interval, by the guest's clock
     */
    public record Report(double atMs, long pagesWritten, long pagesPerSecond) {
    }

    public WriterReports {
        reports = List.copyOf(reports);
    }

    /** The MEM lines of {@code source} that arrived from {@code startNanos} to {@code endMs} after it. */
    public static WriterReports during(SerialTranscript source, long startNanos, double endMs,
                                       double unthrottledUntilMs) {
        List<Report> out = new ArrayList<>();
        for (SerialLine line : source.lines()) {
            double atMs = (line.hostNanos() - startNanos) / 1e6;
            if (atMs < 0 || atMs > endMs) continue;
            if (line.message() instanceof GuestMessage.MemReport m) {
                out.add(new Report(atMs, m.pagesWritten(), m.pagesPerSecond()));
            }
        }
        return new WriterReports(out, unthrottledUntilMs);
    }

    /**
     * The writer's achieved rate: the mean, rounded to whole pages/s, of the rates of the reports whose whole
     * interval lies between the migrate command and {@link #unthrottledUntilMs} (the rate the guest itself
     * measured while being migrated, before QEMU's throttle took any of its CPU). Empty when no report does (a
     * migration shorter than about two report intervals, or a guest without memwriter). For a writer paced by the
     * clock it is the nominal rate; for a CPU-bound one under TCG it is lower, and differs from run to run.
     */
    public OptionalLong achievedPagesPerSecond() {
        long sum = 0;
        int n = 0;
        for (Report r : reports) {
            if (r.atMs() - REPORT_INTERVAL_MS >= 0 && r.atMs() <= unthrottledUntilMs) {
                sum += r.pagesPerSecond();
                n++;
            }
        }
        return n == 0 ? OptionalLong.empty() : OptionalLong.of(Math.round(sum / (double) n));
    }
}
