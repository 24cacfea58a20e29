package io.miglab.bench.report;

import java.util.DoubleSummaryStatistics;
import java.util.List;

/** Minimum, mean and maximum of one metric over a workload's migration points. */
public record Spread(double min, double mean, double max, int n) {
    public static Spread of(List<Double> values) {
        DoubleSummaryStatistics s = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        if (s.getCount() == 0) return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        return new Spread(s.getMin(), s.getAverage(), s.getMax(), (int) s.getCount());
    }
}
