package io.miglab.bench.store;

import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.score.MetricScore;
import java.util.List;

/** A run with everything measured: what the store holds and the reports show. */
public record RunRecord(RunInfo info, List<Baseline> baselines, List<Measurement> measurements,
                        List<MetricScore> scores) {
    public RunRecord {
        baselines = List.copyOf(baselines);
        measurements = List.copyOf(measurements);
        scores = List.copyOf(scores);
    }
}
