package io.miglab.qemu.migrate;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Stage;
import io.miglab.core.result.StageStats;
import io.miglab.qemu.launch.Accel;
import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.serial.HeartbeatAnalysis;
import io.miglab.qemu.serial.WriterReports;
import java.util.List;
import java.util.Optional;

/**
 * One real migration: the common {@link MigrationResult} plus what only a real run can show.
 *
 * @param heartbeat        the guest's heartbeat across the switch-over (empty when the guest did not reach the
 *                         destination)
 * @param memory           the page-by-page RAM comparison, when asked for
 * @param sourceRunState   {@code query-status} of the source at the end ({@code running} after a cancel)
 * @param finalStatus      the source's last {@code query-migrate} status
 * @param series           every {@code query-migrate} sample, in order
 * @param stages           the stages of the staged model, from QMP events (see {@link QemuStageMapper})
 * @param failedStage      the stage a failure was injected in, if one was
 * @param recovered        a post-copy whose link broke was recovered
 * @param guestRunsOn      where the guest's heartbeat goes on afterwards: source, destination or nowhere
 * @param storage          the mirrored disk: what the mirror did and both images compared
 * @param writer           memwriter's MEM reports on the source during the migration (none without memwriter)
 */
public record QemuRun(MigrationResult result, GuestConfig guest, String qemuVersion, Accel accel,
                      Optional<HeartbeatAnalysis> heartbeat, Optional<MemoryComparator.Difference> memory,
                      String sourceRunState, String finalStatus, List<MigrationSample> series,
                      List<StageStats> stages, Optional<Stage> failedStage, boolean recovered, String guestRunsOn,
                      Optional<StorageCheck> storage, WriterReports writer) {
    public QemuRun {
        series = List.copyOf(series);
        stages = List.copyOf(stages);
    }

    /** This run with another common result (the host cost added). */
    public QemuRun withResult(MigrationResult r) {
        return new QemuRun(r, guest, qemuVersion, accel, heartbeat, memory, sourceRunState, finalStatus, series,
                stages, failedStage, recovered, guestRunsOn, storage, writer);
    }

    public boolean sourceStillRunning() {
        return sourceRunState.equals("running");
    }

    public boolean counterContinued() {
        return heartbeat.map(HeartbeatAnalysis::counterContinued).orElse(false);
    }

    /** The stages' labels in order: preparation, reservation, pre-copy, ... */
    public List<String> stageNames() {
        return stages.stream().map(StageStats::stage).toList();
    }

    /** The last sample, where QEMU's totals are. */
    public MigrationSample last() {
        return series.get(series.size() - 1);
    }
}
