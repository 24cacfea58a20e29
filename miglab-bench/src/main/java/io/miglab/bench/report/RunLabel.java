package io.miglab.bench.report;

import io.miglab.bench.store.RunRecord;
import java.util.Map;

/** How a run is named in reports: {@code #12 name (backend, algorithm)}. */
final class RunLabel {
    private RunLabel() { }

    static String of(RunRecord r) {
        Object algorithm = platform(r).get("algorithm");
        return "#" + r.info().id() + " " + r.info().name() + " (" + r.info().backend()
                + (algorithm == null ? "" : ", " + algorithm) + ")";
    }

    static String shortOf(RunRecord r) {
        return "#" + r.info().id() + " " + r.info().name();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> platform(RunRecord r) {
        try {
            Object p = io.miglab.bench.run.ConfigJson.parse(r.info().configJson()).get("platform");
            return p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (IllegalStateException e) {
            return Map.of();
        }
    }
}
