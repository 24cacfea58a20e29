package io.miglab.core.sim;

import io.miglab.core.MigrationBackend;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.diskmove.BlockWriter;
import io.miglab.core.diskmove.StorageMove;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;

/** The page-level simulator as a backend: page bitmaps, a seeded write model, one algorithm from the registry. */
public final class PageLevelSimulator implements MigrationBackend {
    public static final String NAME = "sim";
    private final AlgorithmRegistry algorithms;

    public PageLevelSimulator(AlgorithmRegistry algorithms) {
        this.algorithms = algorithms;
    }

    public PageLevelSimulator() {
        this(AlgorithmRegistry.standard());
    }

    @Override
    public String name() { return NAME; }

    @Override
    public MigrationResult migrate(MigrationSpec spec) {
        if (spec.writeModel().phaseUnknown()) return WriterPhases.median(spec, this::migrate);
        return StorageMove.run(spec, this::memory, disk -> BlockWriter.sampled(disk, spec.seed()));
    }

    private MigrationResult memory(MigrationSpec spec) {
        MigrationSession session = new MigrationSession(spec);
        session.start();
        session.drive(algorithms.create(spec.algorithm()));
        MigrationResult result = session.result(NAME);
        session.release();
        return result;
    }
}
