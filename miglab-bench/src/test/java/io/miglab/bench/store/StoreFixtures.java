package io.miglab.bench.store;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.score.MetricScore;
import io.miglab.bench.score.WorkloadRatio;
import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Outcome;
import io.miglab.core.result.RoundStats;
import io.miglab.core.result.StopReason;
import io.miglab.core.result.Timing;
import io.miglab.core.result.Traffic;
import java.util.List;

/** Results with every field set to a distinct value, so a swapped column shows. */
public final class StoreFixtures {
    private StoreFixtures() { }

    public static List<Measurement> measurements() {
        MigrationResult a = new MigrationResult("sim", "precopy", new Outcome(true, true,
                StopReason.DOWNTIME_LIMIT_MET),
                new Timing(10.5, 55.25, 20.125, 1069.0625, 1013.5),
                new Traffic(129_000_001L, 31_002, 1_203, 40_004, 120_000_005L, 9_000_006L, 7L),
                new GuestImpact(8L, 1.5, 20), List.of(new RoundStats(0, 30_000, 123_000_000L, 1000.25, 999.5, 0),
                        new RoundStats(1, 1_000, 4_100_000L, 30.5, 1001.25, 20),
                        new RoundStats(2, 2, 8_200L, 0.125, 3.5, 30)), List.of("assumed a", "observed b"));
        MigrationResult b = new MigrationResult("sim", "postcopy", new Outcome(true, false, StopReason.TIMEOUT),
                new Timing(1, 0, 0, 60_000, 60_000),
                new Traffic(5L << 30, 1_310_720, 1_245_184, 0, 5L << 30, 0, 0),
                new GuestImpact(0, 0, 0), List.of(), List.of());
        return List.of(new Measurement("mem-low", HostLoad.LIGHT, 1, 7500, 1069.0625, 1000, 948.5, 5.15, a),
                new Measurement("idle", HostLoad.HEAVY, 2, 15000, 60_000, 100, 99.5, 0.5, b));
    }

    public static List<MetricScore> scores() {
        return List.of(new MetricScore(HostLoad.LIGHT, Metric.DOWNTIME, 458.55,
                        List.of(new WorkloadRatio("mem-low", 55.25, 60), new WorkloadRatio("idle", 20, 22)),
                        List.of("web: not in reference r", "file: reference downtime is 0")),
                new MetricScore(HostLoad.LIGHT, Metric.OVERHEAD, Double.NaN, List.of(), List.of("x: y")));
    }
}
