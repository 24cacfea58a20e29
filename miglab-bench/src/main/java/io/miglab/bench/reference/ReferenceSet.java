package io.miglab.bench.reference;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.metric.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures a platform is scored against (Virt-LM's reference system). Each entry is the mean over the
 * reference's migration points of one workload under one host load.
 *
 * @param name        what {@code --reference} picks
 * @param description the reference platform in words
 * @param provenance  how the set was made (command, miglab version, date)
 */
public record ReferenceSet(String name, String description, String provenance, List<ReferenceEntry> entries) {
    public ReferenceSet {
        entries = List.copyOf(entries);
    }

    public Optional<ReferenceEntry> find(String workload, HostLoad load) {
        return entries.stream().filter(e -> e.workload().equals(workload) && e.hostLoad() == load).findFirst();
    }

    /**
     * Means per workload and host load over the completed migrations among {@code ms}. A workload with a
     * migration that did not complete gets no entry: a reference must have migrated everything.
     */
    public static ReferenceSet fromMeasurements(String name, String description, String provenance,
                                                List<Measurement> ms) {
        Map<String, List<Measurement>> groups = new LinkedHashMap<>();
        for (Measurement m : ms) groups.computeIfAbsent(m.workload() + "\u0000" + m.hostLoad(), k -> new ArrayList<>())
                .add(m);
        List<ReferenceEntry> entries = new ArrayList<>();
        for (List<Measurement> g : groups.values()) {
            if (g.stream().anyMatch(m -> !m.result().outcome().completed())) continue;
            Measurement first = g.get(0);
            entries.add(new ReferenceEntry(first.workload(), first.hostLoad(), mean(g, Metric.DOWNTIME),
                    mean(g, Metric.TOTAL_TIME), mean(g, Metric.DATA), mean(g, Metric.OVERHEAD)));
        }
        return new ReferenceSet(name, description, provenance, entries);
    }

    private static double mean(List<Measurement> g, Metric metric) {
        return g.stream().mapToDouble(metric::of).average().orElse(Double.NaN);
    }
}
