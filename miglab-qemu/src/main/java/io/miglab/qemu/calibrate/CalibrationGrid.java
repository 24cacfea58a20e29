package io.miglab.qemu.calibrate;

import io.miglab.core.link.Link;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import io.miglab.qemu.migrate.QemuBackend;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The real migrations {@code miglab calibrate} fits to: at each bandwidth, miglab's guest idle and with the spec's
 * workload (its memwriter), or a user's guest as it is (its workload is its own, it cannot be made idle). Each run
 * is a fresh pair of QEMUs.
 */
public final class CalibrationGrid {
    private final QemuBackend backend;
    private final QemuRunOptions options;

    public CalibrationGrid(QemuBackend backend, QemuRunOptions options) {
        this.backend = backend;
        this.options = options;
    }

    /** The runs for {@code spec} at each of {@code bandwidths}, in order; {@code progress} hears each run's label. */
    public List<CalibrationRun> run(MigrationSpec spec, List<DataRate> bandwidths, Consumer<String> progress) {
        boolean userGuest = options.userGuest().isPresent();
        boolean workload = userGuest || !(spec.writeModel() instanceof NoWrites);
        List<CalibrationRun> runs = new ArrayList<>();
        for (DataRate b : bandwidths) {
            if (!userGuest) runs.add(one(spec.withWriteModel(new NoWrites()), false, b, progress));
            if (workload) runs.add(one(spec, true, b, progress));
        }
        return runs;
    }

    /** One run of the guest at {@code bandwidth} (QEMU's max-bandwidth). */
    public CalibrationRun one(MigrationSpec spec, boolean workload, DataRate bandwidth, Consumer<String> progress) {
        progress.accept((workload ? "workload" : "idle") + " @ " + bandwidth);
        MigrationSpec at = spec.withLink(new Link(bandwidth, Duration.ZERO, Optional.empty()));
        return new CalibrationRun(workload, bandwidth, backend.run(at, options));
    }
}
