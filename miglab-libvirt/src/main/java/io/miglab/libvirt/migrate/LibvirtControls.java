package io.miglab.libvirt.migrate;

import io.miglab.libvirt.nativeapi.LibvirtCalls;
import io.miglab.qemu.migrate.MigrationSteering;
import io.miglab.qemu.migrate.QemuMigrationPlan;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * The shared {@link MigrationSteering}'s controls through libvirt: {@code virDomainMigrateStartPostCopy},
 * {@code virDomainAbortJob} (the guest keeps running on the source) and the maximum downtime, so QEMU under
 * libvirt carries out the same decisions as under miglab's own QMP driver.
 */
final class LibvirtControls implements MigrationSteering.Controls {
    private final Domain source;

    LibvirtControls(Domain source) {
        this.source = source;
    }

    /** libvirt's progress of a running job: memory_iteration counts the syncs, the first one at setup. */
    static MigrationSteering.Progress progress(JobSample s) {
        return new MigrationSteering.Progress(false, (int) Math.max(0, s.iteration() - 1), s.elapsedMs(),
                s.processedBytes());
    }

    @Override
    public void startPostCopy() {
        LibvirtCalls.startPostCopy(source);
    }

    @Override
    public void cancel() {
        try {
            source.abortJob();
        } catch (LibvirtException e) {
            throw new IllegalStateException("virDomainAbortJob: " + e.getMessage(), e);
        }
    }

    @Override
    public void forceSwitchOver() {
        try {
            source.migrateSetMaxDowntime(QemuMigrationPlan.MAX_DOWNTIME_LIMIT_MS);
        } catch (LibvirtException e) {
            throw new IllegalStateException("virDomainMigrateSetMaxDowntime: " + e.getMessage(), e);
        }
    }
}
