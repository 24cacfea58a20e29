package io.miglab.qemu.calibrate;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.RoundStats;
import io.miglab.core.unit.ByteSize;
import io.miglab.qemu.migrate.MigrationSample;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code miglab calibrate} fits from a grid of real migrations ({@link CalibrationRun}), every figure from the
 * runs' QMP counters, none from miglab's guest's constants ({@link GuestCalibration} has those):
 *
 * <ul>
 * <li>used memory: pages sent in full less pages re-sent (QEMU sends every page once in the first pass, zero pages
 *     as a header; re-sent pages are the dirtied, non-zero ones), median over the workload runs (the guest the
 *     profile stands for), or over the idle runs when there is no workload;</li>
 * <li>write rate: the median of QEMU's {@code dirty-pages-rate} (ram.c migration_update_rates: pages dirtied per
 *     second over the last sync period) over the workload runs' samples;</li>
 * <li>write pattern: the distinct pages dirtied in a period of length d, observed as (previous round's duration,
 *     pages of the next round) and (last round's duration, pages of the switch-over), fitted by a sweep, min(R d, W),
 *     and by a random working set, W (1 - e^(-R d / W)); the one with the smaller squared error is taken;</li>
 * <li>switch-over rate and resume: QEMU sends the switch-over uncapped (migration.c migration_completion_precopy
 *     disables the rate limit), so downtime = resume + downtime-bytes / rate, fitted by least squares over the
 *     completed runs (intercept kept at 0 or above);</li>
 * <li>preparation: the median setup-time; device state: transferred less 4,104 B per normal page and 9 B per zero
 *     page (ram.c save_normal_page, save_zero_page), median.</li>
 * </ul>
 */
public record ProfileFit(ByteSize memory, long usedBytes, String writePattern, double dirtyPagesPerSecond,
                         long workingSetBytes, double switchOverBytesPerSecond, double preparationMs,
                         double resumeMs, long deviceStateBytes, int runs) {
    static final int PAGE = 4096;
    static final int NORMAL_PAGE_BYTES = PAGE + 8;
    static final int ZERO_PAGE_BYTES = 9;

    /** Share of the guest's pages that are zero at the start. */
    public double zeroPageShare() {
        return Math.max(0, 1 - usedBytes / (double) memory.bytes());
    }

    public static ProfileFit of(List<CalibrationRun> runs, ByteSize memory) {
        // the pre-copy runs: a post-copy run's rounds, downtime and pages are of another kind
        List<CalibrationRun> done = runs.stream().filter(r -> r.kind() != CalibrationRun.Kind.POSTCOPY_IDLE
                && r.run().result().outcome().completed()).toList();
        if (done.isEmpty()) throw new IllegalStateException("no calibration run completed");
        List<CalibrationRun> idle = done.stream().filter(r -> !r.workload()).toList();
        List<CalibrationRun> work = done.stream().filter(CalibrationRun::workload).toList();
        long used = Math.round(median((work.isEmpty() ? idle : work).stream()
                .mapToDouble(r -> usedPages(r) * (double) PAGE).toArray()));
        used = Math.min(used, memory.bytes());
        double rate = median(work.stream().flatMap(r -> r.run().series().stream())
                .mapToDouble(MigrationSample::dirtyPagesRate).filter(v -> v > 0).toArray());
        String pattern = "none";
        long workingSet = 0;
        if (rate > 0) {
            List<double[]> points = new ArrayList<>();
            for (CalibrationRun r : work) points.addAll(dirtyPoints(r.run().result()));
            WritePatternFit p = WritePatternFit.of(points, rate, used / PAGE);
            pattern = p.pattern();
            workingSet = p.workingSetPages() * PAGE;
        }
        double[] sw = switchOver(done);
        double prep = median(done.stream().mapToDouble(r -> r.run().result().timing().preparationTimeMs()).toArray());
        long device = Math.round(median(done.stream().mapToDouble(ProfileFit::deviceState).toArray()));
        return new ProfileFit(memory, used, pattern, rate, workingSet, sw[1], prep, sw[0], Math.max(0, device),
                done.size());
    }

    private static long usedPages(CalibrationRun r) {
        MigrationSample last = lastWithRam(r);
        return Math.max(0, last.normalPages() - r.run().result().traffic().pagesResent());
    }

    private static double deviceState(CalibrationRun r) {
        MigrationSample last = lastWithRam(r);
        return last.transferred() - last.normalPages() * (double) NORMAL_PAGE_BYTES
                - last.duplicatePages() * (double) ZERO_PAGE_BYTES;
    }

    private static MigrationSample lastWithRam(CalibrationRun r) {
        List<MigrationSample> s = r.run().series();
        for (int i = s.size() - 1; i >= 0; i--) if (s.get(i).hasRam()) return s.get(i);
        return s.get(s.size() - 1);
    }

    /** (seconds of a period, distinct pages dirtied in it): a round and the next, the last round and the switch. */
    static List<double[]> dirtyPoints(MigrationResult result) {
        List<double[]> points = new ArrayList<>();
        List<RoundStats> rounds = result.rounds();
        for (int i = 1; i < rounds.size(); i++) {
            if (rounds.get(i - 1).durationMs() > 0) {
                points.add(new double[] {rounds.get(i - 1).durationMs() / 1000, rounds.get(i).pages()});
            }
        }
        if (!rounds.isEmpty() && rounds.get(rounds.size() - 1).durationMs() > 0) {
            double pages = Math.max(0, result.traffic().stopCopyBytes()) / (double) NORMAL_PAGE_BYTES;
            points.add(new double[] {rounds.get(rounds.size() - 1).durationMs() / 1000, pages});
        }
        return points;
    }

    /** {resume ms, bytes per second}: downtime = resume + bytes / rate over the completed runs. */
    static double[] switchOver(List<CalibrationRun> done) {
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (CalibrationRun r : done) {
            double x = r.run().result().traffic().stopCopyBytes();
            double y = r.run().result().timing().downtimeMs();
            if (x <= 0) continue;
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        if (n == 0) return new double[] {0, Double.POSITIVE_INFINITY};
        double det = n * sxx - sx * sx;
        double slope = det > 0 ? (n * sxy - sx * sy) / det : 0;
        double intercept = det > 0 ? (sy - slope * sx) / n : 0;
        if (det <= 0 || intercept < 0 || slope <= 0) {
            intercept = 0;
            slope = sxy / sxx; // through the origin
        }
        return new double[] {intercept, slope > 0 ? 1000 / slope : Double.POSITIVE_INFINITY};
    }

    static double median(double[] v) {
        if (v.length == 0) return 0;
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
