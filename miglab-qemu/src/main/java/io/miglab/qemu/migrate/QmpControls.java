package io.miglab.qemu.migrate;

import io.miglab.qemu.qmp.QmpClient;
import java.util.Map;

/** The steering's controls over QMP: the source QEMU's own commands. */
final class QmpControls {
    private QmpControls() {
    }

    static MigrationSteering.Controls of(QmpClient source) {
        return new MigrationSteering.Controls() {
            @Override
            public void startPostCopy() {
                source.execute("migrate-start-postcopy");
            }

            @Override
            public void cancel() {
                source.execute("migrate_cancel");
            }

            @Override
            public void forceSwitchOver() {
                source.execute("migrate-set-parameters",
                        Map.of("downtime-limit", QemuMigrationPlan.MAX_DOWNTIME_LIMIT_MS));
            }

            @Override
            public void pauseGuest() {
                source.execute("stop");
            }
        };
    }
}
