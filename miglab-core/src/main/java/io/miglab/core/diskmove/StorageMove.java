package io.miglab.core.diskmove;

import io.miglab.core.link.Link;
import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Stage;
import io.miglab.core.result.StageStats;
import io.miglab.core.result.Timing;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.storage.DiskSpec;
import io.miglab.core.storage.StorageSpec;
import io.miglab.core.storage.StorageStrategy;
import io.miglab.core.unit.DataRate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A VM's local disk moved with it, around any memory engine (the page-level session, the closed form): the disk
 * phase comes before the memory migration and changes what the memory migration sees.
 * <ul>
 * <li>shared storage: nothing is copied;</li>
 * <li>block pre-copy (QEMU's block migration, migration/block.c): the allocated disk at the migration stream's
 * rate, then the blocks written meanwhile, round after round, until they fit the downtime limit (at most
 * {@value #MAX_ROUNDS} rounds); what is still dirty, and what the guest writes during the memory migration, goes
 * in the switch-over (sent with the device state);</li>
 * <li>mirror (QEMU's blockdev-mirror with copy-mode=write-blocking, block/mirror.c): the allocated disk in the
 * background while every guest write is also written to the destination before it completes. The synchronous
 * writes and the copy share the link fairly (max-min, two streams on one NBD connection): the guest writes at
 * min(rate, link/2) while the copy runs, and the memory migration that follows gets the link less those writes.
 * The mirror runs outside the migration stream, so the cap (max-bandwidth) does not apply to it.</li>
 * </ul>
 */
public final class StorageMove {
    public static final int MAX_ROUNDS = 30;

    private StorageMove() { }

    /**
     * The migration of {@code spec}, disk included: {@code memory} runs the memory migration (on a spec without
     * the disk), {@code writer} is the disk's writer as the engine models it.
     */
    public static MigrationResult run(MigrationSpec spec, Function<MigrationSpec, MigrationResult> memory,
                                      Function<DiskSpec, BlockWriter> writer) {
        if (spec.storage().isEmpty() || !spec.storage().get().copies()) return memory.apply(spec);
        StorageSpec storage = spec.storage().get();
        MigrationSpec memorySpec = spec.withStorage(java.util.Optional.empty());
        return storage.strategy() == StorageStrategy.MIRROR ? mirror(memorySpec, storage.disk(), memory)
                : blockPrecopy(memorySpec, storage.disk(), memory, writer.apply(storage.disk()));
    }

    private static MigrationResult blockPrecopy(MigrationSpec spec, DiskSpec disk,
                                                Function<MigrationSpec, MigrationResult> memory, BlockWriter writer) {
        double rate = spec.link().effectiveBandwidth().bytesPerSecond();
        double limit = spec.policy().find(StopCondition.DowntimeBelow.class).map(d -> d.limit().toNanos() / 1e9)
                .orElse(TerminationPolicy.QEMU_DOWNTIME_LIMIT.toNanos() / 1e9);
        long block = disk.blockSize().bytes();
        double bytes = disk.allocatedBytes(), sent = 0, seconds = 0;
        for (int round = 0; ; round++) {
            double t = bytes / rate;
            writer.clear();
            writer.advance(t);
            sent += bytes;
            seconds += t;
            bytes = writer.dirtyBlocks() * block;
            if (bytes / rate <= limit || round + 1 >= MAX_ROUNDS) break;
        }
        double stageBytes = sent;
        MigrationResult m = memory.apply(spec);
        double extra = 0;
        if (m.outcome().completed()) {
            // the blocks still dirty and those the guest wrote until the pause go in the switch-over
            writer.advance((m.timing().totalTimeMs() - m.timing().downtimeMs()) / 1000);
            double last = writer.dirtyBlocks() * block;
            extra = last / spec.switchOverBandwidth().bytesPerSecond();
            sent += last;
        }
        List<String> notes = new ArrayList<>(m.assumptions());
        notes.add("block pre-copy: the disk before memory in dirty-block rounds; blocks still dirty and written "
                + "during the memory migration go in the switch-over");
        return merge(m, seconds, stageBytes, extra, Math.round(sent), 0, notes);
    }

    private static MigrationResult mirror(MigrationSpec spec, DiskSpec disk,
                                          Function<MigrationSpec, MigrationResult> memory) {
        double link = spec.link().bandwidth().bytesPerSecond();
        double wanted = disk.writeBytesPerSecond();
        double writes = Math.min(wanted, link / 2);
        double copySeconds = disk.allocatedBytes() / (link - writes);
        Link l = spec.link();
        MigrationSpec memorySpec = writes == 0 ? spec : spec.withLink(new Link(
                DataRate.ofBytesPerSecond(link - writes), l.roundTripLatency(), l.bandwidthCap(), l.postCopyCap()));
        MigrationResult m = memory.apply(memorySpec);
        double running = (m.timing().totalTimeMs() - m.timing().downtimeMs()) / 1000;
        double sent = disk.allocatedBytes() + writes * (copySeconds + running);
        double slowdown = wanted > 0 ? 100 * (1 - writes / wanted) : 0;
        List<String> notes = new ArrayList<>(m.assumptions());
        notes.add("mirror: the disk copied before memory while guest writes are mirrored synchronously, sharing "
                + "the link fairly (the guest writes at most half the link while the copy runs)");
        return merge(m, copySeconds, disk.allocatedBytes() + writes * copySeconds, 0, Math.round(sent), slowdown,
                notes);
    }

    /**
     * The memory migration's result, after {@code storageSeconds} of disk copy and with the disk's figures: a
     * storage stage after the reservation (or the preparation), the later stages shifted by it, and the
     * switch-over longer by {@code extraDowntimeSeconds}. Stage bytes: the storage stage holds the disk phase's,
     * the stop-and-copy the disk's last blocks (block pre-copy) or pre-copy the mirrored writes; so the stages add up to the memory's bytes plus the disk's.
     */
    private static MigrationResult merge(MigrationResult m, double storageSeconds, double storageStageBytes,
                                         double extraDowntimeSeconds, long storageBytes, double diskSlowdownPercent,
                                         List<String> notes) {
        Timing t = m.timing();
        Timing timing = new Timing(t.preparationTimeMs(), t.downtimeMs() + extraDowntimeSeconds * 1000,
                t.resumeTimeMs(), t.totalTimeMs() + (storageSeconds + extraDowntimeSeconds) * 1000,
                t.precopyTimeMs(), storageSeconds * 1000).withAnnounce(t.announceRounds(), t.announceRounds() > 0
                ? t.lastAnnounceMs() + (storageSeconds + extraDowntimeSeconds) * 1000 : 0);
        GuestImpact g = m.guestImpact();
        return m.withFigures(timing, m.traffic().withStorageBytes(storageBytes),
                new GuestImpact(g.postcopyFaults(), g.guestSlowdownPercent(), g.maxThrottlePercent(),
                        diskSlowdownPercent),
                stages(m.stages(), storageSeconds * 1000, Math.round(storageStageBytes), extraDowntimeSeconds * 1000,
                        storageBytes - Math.round(storageStageBytes),
                        extraDowntimeSeconds > 0 ? Stage.STOP_AND_COPY : Stage.PRECOPY), notes);
    }

    private static List<StageStats> stages(List<StageStats> memory, double storageMs, long storageStageBytes,
                                           double extraMs, long laterBytes, Stage laterStage) {
        List<StageStats> out = new ArrayList<>();
        double shift = 0;
        boolean placed = false;
        for (StageStats s : memory) {
            boolean beforeStorage = s.stage().equals(Stage.PREPARATION.label())
                    || s.stage().equals(Stage.RESERVATION.label());
            if (!placed && !beforeStorage) {
                out.add(new StageStats(Stage.STORAGE.label(), s.startMs(), storageMs, storageStageBytes));
                shift = storageMs;
                placed = true;
            }
            boolean stop = s.stage().equals(Stage.STOP_AND_COPY.label());
            boolean later = s.stage().equals(laterStage.label());
            out.add(new StageStats(s.stage(), s.startMs() + shift, s.durationMs() + (stop ? extraMs : 0),
                    s.bytes() + (later ? laterBytes : 0)));
            if (stop) shift += extraMs;
        }
        return out;
    }
}
