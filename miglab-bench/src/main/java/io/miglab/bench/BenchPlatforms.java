package io.miglab.bench;

import io.miglab.bench.qemu.QemuPlatform;
import io.miglab.bench.run.BenchPlatform;
import io.miglab.bench.run.ModelPlatform;
import io.miglab.core.MigrationBackend;
import io.miglab.qemu.migrate.QemuBackend;
import io.miglab.qemu.migrate.QemuRunOptions;

/**
 * Picks the platform adapter for a backend: real QEMU runs guests, every other backend is a model. It sits above
 * {@code run} (the benchmark and its platform interface) and {@code qemu} (the QEMU adapter, which implements it).
 */
public final class BenchPlatforms {
    private BenchPlatforms() { }

    public static BenchPlatform forBackend(MigrationBackend backend) {
        if (backend instanceof QemuBackend) return QemuPlatform.open(QemuRunOptions.defaults());
        return new ModelPlatform(backend);
    }
}
