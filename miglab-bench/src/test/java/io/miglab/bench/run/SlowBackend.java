package io.miglab.bench.run;

import io.miglab.core.MigrationBackend;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;

/** The real simulator, slowed down so that a test can stop a run in the middle (a migration takes real time). */
final class SlowBackend implements MigrationBackend {
    private final MigrationBackend inner;
    private final long millis;

    SlowBackend(MigrationBackend inner, long millis) {
        this.inner = inner;
        this.millis = millis;
    }

    @Override
    public String name() { return inner.name(); }

    @Override
    public MigrationResult migrate(MigrationSpec spec) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return inner.migrate(spec);
    }
}
