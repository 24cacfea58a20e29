package io.miglab.bench.run;

import io.miglab.core.MigrationBackend;

/** Picks the platform adapter for a backend. */
public final class BenchPlatforms {
    private BenchPlatforms() { }

    public static BenchPlatform forBackend(MigrationBackend backend) {
        return new ModelPlatform(backend);
    }
}
