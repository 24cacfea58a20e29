package io.miglab.qemu.calibrate;

import java.util.List;

/**
 * The effective write pattern behind (period, distinct pages dirtied) points at a known rate R: a sweep writes
 * min(R d, W) distinct pages in d seconds, a random working set W (1 - e^(-R d / W)) (each write hits a page of W
 * uniformly). W is searched on a log grid from the largest page count seen to {@code maxPages}; the pattern and W
 * with the smallest squared error win. Without points the pattern is a sweep over {@code maxPages}.
 *
 * @param pattern          {@code sweep} or {@code working-set} (the CLI's write-model names)
 * @param workingSetPages  W
 */
record WritePatternFit(String pattern, long workingSetPages, double squaredError) {

    static WritePatternFit of(List<double[]> points, double rate, long maxPages) {
        double seen = points.stream().mapToDouble(p -> p[1]).max().orElse(0);
        long low = Math.max(1, (long) Math.ceil(seen));
        long high = Math.max(low, maxPages);
        WritePatternFit best = new WritePatternFit("sweep", high, error(points, rate, high, true));
        for (double w = low; w <= high * 1.0001; w *= 1.05) {
            long pages = Math.min(high, Math.round(w));
            for (boolean sweep : new boolean[] {true, false}) {
                double e = error(points, rate, pages, sweep);
                if (e < best.squaredError() - 1e-9) {
                    best = new WritePatternFit(sweep ? "sweep" : "working-set", pages, e);
                }
            }
        }
        return best;
    }

    private static double error(List<double[]> points, double rate, long w, boolean sweep) {
        double e = 0;
        for (double[] p : points) {
            double model = sweep ? Math.min(rate * p[0], w) : w * (1 - Math.exp(-rate * p[0] / w));
            e += (model - p[1]) * (model - p[1]);
        }
        return e;
    }
}
