package io.miglab.qemu.calibrate;

import io.miglab.core.link.Link;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.NoWrites;
import io.miglab.qemu.calibrate.CalibrationRun.Kind;
import io.miglab.qemu.migrate.QemuBackend;
import io.miglab.qemu.migrate.QemuMigrationPlan;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The real migrations {@code miglab calibrate} fits to: at each bandwidth, miglab's guest idle and with the spec's
 * workload (its memwriter), or a user's guest as it is (its workload is its own, it cannot be made idle). Each run
 * is a fresh pair of QEMUs; beside them, one idle post-copy run ({@link #postCopy}).
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
            if (!userGuest) runs.add(one(spec.withWriteModel(new NoWrites()), Kind.IDLE, b, progress));
            if (workload) runs.add(one(spec, Kind.WORKLOAD, b, progress));
        }
        return runs;
    }

    /**
     * miglab's guest idle in post-copy from the start, its pre-copy at {@code bandwidth} and its post-copy phase
     * uncapped (QEMU's default max-postcopy-bandwidth, 0: the link's own rate), without preempt: nothing but the
     * hosts' handling of each page holds the push back, so its time shows their cost per page. Empty for a user's
     * guest, whose workload cannot be stopped.
     */
    public Optional<CalibrationRun> postCopy(MigrationSpec spec, DataRate bandwidth, Consumer<String> progress) {
        if (options.userGuest().isPresent()) return Optional.empty();
        MigrationSpec idle = spec.withWriteModel(new NoWrites()).withAlgorithm("postcopy")
                .withPostCopy(spec.postCopy().withPreempt(false));
        return Optional.of(at(idle, Kind.POSTCOPY_IDLE, bandwidth,
                QemuMigrationPlan.postCopyUncapped(bandwidth, Duration.ZERO), progress));
    }

    /** One pre-copy run of the guest at {@code bandwidth} (QEMU's max-bandwidth). */
    public CalibrationRun one(MigrationSpec spec, Kind kind, DataRate bandwidth, Consumer<String> progress) {
        return at(spec, kind, bandwidth, new Link(bandwidth, Duration.ZERO, Optional.empty()), progress);
    }

    private CalibrationRun at(MigrationSpec spec, Kind kind, DataRate bandwidth, Link link,
                              Consumer<String> progress) {
        progress.accept(kind.at(bandwidth));
        return new CalibrationRun(kind, bandwidth, backend.run(spec.withLink(link), options));
    }
}
