package io.miglab.bench.report;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.metric.Metric;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * One workload under one host load, summarised over its migration points: the four metrics and the result type's
 * other figures, each as min / mean / max.
 */
public record WorkloadStats(String workload, HostLoad hostLoad, int points, int completed,
                            Map<Metric, Spread> metrics, Spread preparationMs, Spread resumeMs, Spread pages,
                            Spread guestSlowdownPercent, Optional<Baseline> baseline) {

    /** Groups {@code ms} by host load and workload, in the order they were measured. */
    public static List<WorkloadStats> of(List<Measurement> ms, List<Baseline> baselines) {
        Map<String, List<Measurement>> groups = new LinkedHashMap<>();
        for (Measurement m : ms) {
            groups.computeIfAbsent(m.hostLoad() + "/" + m.workload(), k -> new ArrayList<>()).add(m);
        }
        List<WorkloadStats> out = new ArrayList<>();
        for (List<Measurement> g : groups.values()) {
            Measurement first = g.get(0);
            Map<Metric, Spread> metrics = new EnumMap<>(Metric.class);
            for (Metric metric : Metric.values()) metrics.put(metric, spread(g, metric::of));
            Optional<Baseline> b = baselines.stream().filter(x -> x.workload().equals(first.workload())
                    && x.hostLoad() == first.hostLoad()).findFirst();
            out.add(new WorkloadStats(first.workload(), first.hostLoad(), g.size(),
                    (int) g.stream().filter(m -> m.result().outcome().completed()).count(), metrics,
                    spread(g, m -> m.result().timing().preparationTimeMs()),
                    spread(g, m -> m.result().timing().resumeTimeMs()),
                    spread(g, m -> m.result().traffic().pagesTransferred()),
                    spread(g, m -> m.result().guestImpact().guestSlowdownPercent()),
                    b));
        }
        return out;
    }

    private static Spread spread(List<Measurement> g, ToDoubleFunction<Measurement> f) {
        return Spread.of(g.stream().map(m -> f.applyAsDouble(m)).toList());
    }

    public Spread metric(Metric m) {
        return metrics.get(m);
    }

    /** Results of a run that did not complete every migration are flagged in reports. */
    public boolean allCompleted() {
        return completed == points;
    }
}
