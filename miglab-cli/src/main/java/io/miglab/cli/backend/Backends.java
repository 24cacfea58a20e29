package io.miglab.cli.backend;

import io.miglab.core.MigrationBackend;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.sim.PageLevelSimulator;
import java.util.List;

/** The model backends the CLI can run without a hypervisor: the page-level simulator and the closed form. */
public final class Backends {
    public static final String SIM = PageLevelSimulator.NAME;
    public static final String CLOSED_FORM = ClosedFormPredictor.NAME;
    public static final List<String> NAMES = List.of(SIM, CLOSED_FORM);

    private Backends() { }

    public static MigrationBackend create(String name, AlgorithmRegistry registry) {
        return switch (name) {
            case SIM -> new PageLevelSimulator(registry);
            case CLOSED_FORM -> new ClosedFormPredictor(registry);
            default -> throw new InvalidSpecException("backend", "one of " + String.join(", ", NAMES),
                    "'" + name + "'");
        };
    }
}
