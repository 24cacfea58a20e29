package io.miglab.bench.run;

import io.miglab.bench.reference.ReferenceSet;
import io.miglab.bench.reference.ReferenceSets;
import io.miglab.bench.store.ResultsStore;
import io.miglab.core.error.InvalidSpecException;

/** Resolves {@code --reference NAME}: a shipped set, a JSON file, or a complete run of that name in the store. */
public final class References {
    private References() { }

    public static ReferenceSet resolve(String name, ResultsStore store) {
        return ReferenceSets.find(name)
                .or(() -> store.findCompleteRun(name).map(r -> ReferenceSet.fromMeasurements(name,
                        "run " + r.info().id() + " (" + r.info().backend() + ") from the results store",
                        "stored run " + r.info().id() + ", started " + r.info().startedAt(), r.measurements())))
                .orElseThrow(() -> unknown(name));
    }

    /** The error for a reference that is neither shipped, nor a readable file, nor a run in the store. */
    public static InvalidSpecException unknown(String name) {
        return new InvalidSpecException("reference", "one of " + String.join(", ", ReferenceSets.SHIPPED)
                + ", a .json file, or the name of a complete run in the store", "'" + name + "'");
    }
}
