package io.miglab.bench.report;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.store.RunRecord;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The host loads a run covers, in the order it ran them. */
final class Loads {
    private Loads() { }

    /** Those with scores, or else those with measurements. */
    static List<HostLoad> of(RunRecord r) {
        Set<HostLoad> out = new LinkedHashSet<>();
        r.scores().forEach(s -> out.add(s.hostLoad()));
        if (out.isEmpty()) out.addAll(measured(r));
        return List.copyOf(out);
    }

    static List<HostLoad> measured(RunRecord r) {
        Set<HostLoad> out = new LinkedHashSet<>();
        r.measurements().forEach(m -> out.add(m.hostLoad()));
        return List.copyOf(out);
    }
}
