package io.miglab.qemu.migrate;

import io.miglab.core.MigrationBackend;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.qemu.launch.AccelProbe;
import io.miglab.qemu.launch.QemuInstallation;
import io.miglab.qemu.launch.QemuLauncher;
import java.util.function.Supplier;

/**
 * Real live migration between two QEMUs on this host: boots a source guest for the spec, migrates it to a fresh
 * destination, stops both. Specs the real guest cannot run are rejected before anything starts.
 */
public final class QemuBackend implements MigrationBackend {
    public static final String NAME = "qemu";
    private final Supplier<QemuLauncher> launcher;
    private final QemuRunOptions options;

    /** Uses the guest from scripts/setup-qemu.sh, found when the first migration runs. */
    public QemuBackend() {
        this(QemuRunOptions.defaults());
    }

    public QemuBackend(QemuRunOptions options) {
        this(() -> {
            QemuInstallation installation = QemuInstallation.require();
            return new QemuLauncher(installation, AccelProbe.choose(installation));
        }, options);
    }

    public QemuBackend(Supplier<QemuLauncher> launcher, QemuRunOptions options) {
        this.launcher = launcher;
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MigrationResult migrate(MigrationSpec spec) {
        return run(spec).result();
    }

    /** One migration with everything a real run measures beside the common result. */
    public QemuRun run(MigrationSpec spec) {
        return run(spec, options);
    }

    public QemuRun run(MigrationSpec spec, QemuRunOptions runOptions) {
        QemuMigrationPlan plan = QemuMigrationPlan.of(spec, runOptions); // bad input fails before any boot
        try (QemuSession session = QemuSession.boot(launcher.get(), plan.guest(), runOptions.readyTimeout())) {
            return session.migrate(spec, runOptions);
        }
    }
}
