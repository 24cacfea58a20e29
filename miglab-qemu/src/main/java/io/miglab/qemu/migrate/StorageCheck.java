package io.miglab.qemu.migrate;

import io.miglab.core.result.GuestImpact;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Timing;
import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.serial.SerialLine;
import io.miglab.qemu.serial.SerialTranscript;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A mirrored disk after the migration: what the mirror did, and the two images compared block by block while both
 * QEMUs are paused (the source after the switch-over, the destination before it runs).
 */
public record StorageCheck(long bytes, double copyMs, long blocksCompared, long differingBlocks,
                           String sourceSha256, String destinationSha256) {

    static StorageCheck after(DiskMirror.Stats stats, QemuProcess source, QemuProcess destination) {
        Path a = source.diskImage().orElseThrow();
        Path b = destination.diskImage().orElseThrow();
        ImageComparator.Difference d = ImageComparator.compare(a, b);
        return new StorageCheck(stats.bytes(), stats.copyMs(), d.blocksCompared(), d.differingBlocks(),
                d.sourceSha256(), d.destinationSha256());
    }

    public boolean identical() {
        return differingBlocks == 0 && sourceSha256.equals(destinationSha256);
    }

    /**
     * The result with the disk: storage bytes (the mirror job's offset), storage time (until the mirror was in
     * sync), total time from the mirror's start, and the guest's disk-write slowdown (its own DISK lines from the
     * mirror's start to the switch-over against the rate asked for).
     */
    static MigrationResult withStorage(MigrationResult r, DiskMirror.Stats s, double mirrorBeforeMigrateMs,
                                       SerialTranscript serial, long mirrorStartNanos, GuestConfig guest,
                                       List<String> notes) {
        Timing t = r.timing();
        Timing timing = new Timing(t.preparationTimeMs(), t.downtimeMs(), t.resumeTimeMs(),
                t.totalTimeMs() + mirrorBeforeMigrateMs, t.precopyTimeMs(), s.copyMs());
        double asked = guest.disk().orElseThrow().writeBytesPerSecond();
        double slowdown = 0;
        double got = diskRate(serial.lines(), mirrorStartNanos);
        if (asked > 0 && got >= 0) {
            slowdown = Math.max(0, 100 * (1 - got / asked));
            notes.add(String.format(Locale.ROOT, "disk writes: %.0f B/s asked, %.0f B/s done by the guest while "
                    + "its disk was mirrored (its DISK lines)", asked, got));
        }
        GuestImpact g = r.guestImpact();
        return new MigrationResult(r.backend(), r.algorithm(), r.outcome(), timing,
                r.traffic().withStorageBytes(s.bytes()),
                new GuestImpact(g.postcopyFaults(), g.guestSlowdownPercent(), g.maxThrottlePercent(), slowdown),
                r.fate(), r.rounds(), r.stages(), r.assumptions());
    }

    /** Mean of the rates on the guest's DISK lines after {@code fromNanos}; -1 without any. */
    private static double diskRate(List<SerialLine> lines, long fromNanos) {
        double sum = 0;
        int n = 0;
        for (SerialLine l : lines) {
            if (l.hostNanos() < fromNanos || !l.text().startsWith("DISK ")) continue;
            String[] w = l.text().trim().split(" ");
            if (w.length < 3) continue;
            sum += Double.parseDouble(w[2]);
            n++;
        }
        return n == 0 ? -1 : sum / n;
    }
}
