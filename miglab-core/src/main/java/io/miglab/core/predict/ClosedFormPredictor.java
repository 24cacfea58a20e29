package io.miglab.core.predict;

import io.miglab.core.MigrationBackend;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.diskmove.BlockWriter;
import io.miglab.core.diskmove.StorageMove;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;

/**
 * The analytic model of a migration, with the same result type as the simulators: the algorithm's own decisions
 * carried out over expected values ({@link ExpectedMigration}).
 *
 * <p>Pre-copy follows the geometric series of the classic models (e.g. Akoush et al., "Predicting the Performance
 * of Virtual Machine Migration", MASCOTS 2010; Liu et al., "Performance and energy modeling for live migration of
 * virtual machines", HPDC 2011): round i sends V_i = V_mem l^i with l = dirty rate / bandwidth, so after rounds
 * 0..n the data is V_mem (1 - l^(n+1)) / (1 - l). Here each round's dirty set is the write model's expected
 * distinct pages over the previous round's duration, which is l V_{i-1} for a sweep and
 * N (1 - e^(-R t / N)) for uniform random writes (the distinct-page correction); n comes from the same termination
 * policy the simulator uses. Post-copy is memory / bandwidth plus the fixed overheads.
 */
public final class ClosedFormPredictor implements MigrationBackend {
    public static final String NAME = "closed-form";
    private final AlgorithmRegistry algorithms;

    public ClosedFormPredictor(AlgorithmRegistry algorithms) {
        this.algorithms = algorithms;
    }

    public ClosedFormPredictor() {
        this(AlgorithmRegistry.standard());
    }

    @Override
    public String name() { return NAME; }

    @Override
    public MigrationResult migrate(MigrationSpec spec) {
        return StorageMove.run(spec, this::memory, BlockWriter::expected);
    }

    private MigrationResult memory(MigrationSpec spec) {
        ExpectedMigration m = new ExpectedMigration(spec);
        m.drive(algorithms.create(spec.algorithm()));
        return ExpectedFailure.apply(spec, m.result());
    }

    /** V_mem (1 - l^(n+1)) / (1 - l): bytes sent by pre-copy rounds 0..n. */
    public static double geometricSeries(double memoryBytes, double ratio, int n) {
        if (Math.abs(1 - ratio) < 1e-12) return memoryBytes * (n + 1);
        return memoryBytes * (1 - Math.pow(ratio, n + 1)) / (1 - ratio);
    }
}
