package io.miglab.bench.score;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.metric.Metric;
import io.miglab.bench.reference.ReferenceEntry;
import io.miglab.bench.reference.ReferenceSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Virt-LM scoring (Huang et al., ICPE 2011, section 4.4 and Table 5): for each metric,
 * S = 1000 x (1/n) sum_i P_i / R_i over the n workloads, P_i the platform's result and R_i the reference's.
 * 1000 means "as good as the reference"; lower is better. The four metrics are kept apart, never summed.
 */
public final class Scorer {
    private Scorer() { }

    /** The score of one metric from paired platform and reference results. */
    public static double score(List<Double> platform, List<Double> reference) {
        if (platform.size() != reference.size() || platform.isEmpty()) {
            throw new IllegalArgumentException("need as many reference results as platform results, at least one");
        }
        double sum = 0;
        for (int i = 0; i < platform.size(); i++) {
            double r = reference.get(i);
            if (!(r > 0)) throw new IllegalArgumentException("reference result " + i + " must be > 0, was " + r);
            sum += platform.get(i) / r;
        }
        return 1000 * sum / platform.size();
    }

    /**
     * Scores of every metric for every host load in {@code ms}. A workload is left out of all metrics of a host
     * load when one of its migrations did not complete (a failed migration must not score a downtime of 0), when
     * the reference has no entry for it, or (per metric) when the reference's value is 0.
     */
    public static List<MetricScore> scoreAll(List<Measurement> ms, ReferenceSet reference) {
        Set<HostLoad> loads = new LinkedHashSet<>();
        ms.forEach(m -> loads.add(m.hostLoad()));
        List<MetricScore> out = new ArrayList<>();
        for (HostLoad load : loads) {
            Map<String, List<Measurement>> byWorkload = new LinkedHashMap<>();
            ms.stream().filter(m -> m.hostLoad() == load)
                    .forEach(m -> byWorkload.computeIfAbsent(m.workload(), k -> new ArrayList<>()).add(m));
            for (Metric metric : Metric.values()) out.add(scoreOne(load, metric, byWorkload, reference));
        }
        return out;
    }

    private static MetricScore scoreOne(HostLoad load, Metric metric, Map<String, List<Measurement>> byWorkload,
                                        ReferenceSet reference) {
        List<WorkloadRatio> ratios = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (Map.Entry<String, List<Measurement>> e : byWorkload.entrySet()) {
            String w = e.getKey();
            long failed = e.getValue().stream().filter(m -> !m.result().outcome().completed()).count();
            Optional<ReferenceEntry> ref = reference.find(w, load);
            if (failed > 0) {
                excluded.add(w + ": " + failed + " of " + e.getValue().size() + " migrations did not complete");
            } else if (ref.isEmpty()) {
                excluded.add(w + ": not in reference " + reference.name());
            } else if (!(ref.get().value(metric) > 0)) {
                excluded.add(w + ": reference " + metric.key() + " is 0");
            } else {
                double p = e.getValue().stream().mapToDouble(metric::of).average().orElseThrow();
                ratios.add(new WorkloadRatio(w, p, ref.get().value(metric)));
            }
        }
        double s = ratios.isEmpty() ? Double.NaN
                : score(ratios.stream().map(WorkloadRatio::platform).toList(),
                        ratios.stream().map(WorkloadRatio::reference).toList());
        return new MetricScore(load, metric, s, ratios, excluded);
    }
}
