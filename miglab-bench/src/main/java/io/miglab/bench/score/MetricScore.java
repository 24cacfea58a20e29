package io.miglab.bench.score;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Metric;
import java.util.List;

/**
 * The score of one metric under one host load.
 *
 * @param score    1000 x mean of the ratios; NaN when no workload could be scored
 * @param ratios   the terms, one per workload scored
 * @param excluded workloads left out, each with the reason
 */
public record MetricScore(HostLoad hostLoad, Metric metric, double score, List<WorkloadRatio> ratios,
                          List<String> excluded) {
    public MetricScore {
        ratios = List.copyOf(ratios);
        excluded = List.copyOf(excluded);
    }

    public boolean scored() {
        return !Double.isNaN(score);
    }
}
