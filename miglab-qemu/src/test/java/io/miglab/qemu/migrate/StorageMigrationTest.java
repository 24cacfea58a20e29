package io.miglab.qemu.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.storage.DiskSpec;
import io.miglab.core.storage.StorageSpec;
import io.miglab.core.storage.StorageStrategy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.qemu.testing.RealQemu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Storage migration without shared storage on real QEMU: a 32 MiB raw disk, half of it data, which the guest writes
 * at 256 KiB/s over its first 8 MiB, mirrored over NBD (blockdev-mirror, write-blocking) at 50 MiB/s before memory.
 */
@Tag("qemu")
class StorageMigrationTest {
    private static final DiskSpec DISK = new DiskSpec(ByteSize.ofMiB(32), 0.5, 256 * 1024, ByteSize.ofMiB(8),
            DiskSpec.DEFAULT_BLOCK);
    private static final MigrationSpec SPEC = MigrationSpec.of(ByteSize.ofMiB(128), DataRate.ofMiBps(50))
            .withStorage(Optional.of(new StorageSpec(DISK, StorageStrategy.MIRROR)));

    // Guards against a destination disk that misses writes made while the disk or the memory moved (a mirror
    // ended before the switch-over, or the export removed too early), against a guest that starts on the
    // destination before its disk is there, and against storage figures left at 0.
    @Test
    void aMirroredDisk_isIdenticalOnBothSidesAndTheGuestGoesOnWritingIt() {
        Path folder;
        String marker;
        try (QemuSession session = QemuSession.boot(RealQemu.launcher(), QemuMigrationPlan.guestFor(SPEC),
                Duration.ofSeconds(60))) {
            folder = session.folder();
            marker = session.marker();
            assertThat(session.source().serial().awaitLine(l -> l.startsWith("DISK "), Duration.ofSeconds(10)))
                    .as("the guest writes its disk").isPresent();
            QemuRun run = session.migrate(SPEC, QemuRunOptions.defaults());
            MigrationResult r = run.result();
            assertThat(r.outcome().completed()).isTrue();
            StorageCheck disk = run.storage().orElseThrow();
            assertThat(disk.blocksCompared()).isEqualTo(DISK.size().bytes() / ImageComparator.BLOCK);
            assertThat(disk.differingBlocks()).isZero();
            assertThat(disk.sourceSha256()).isEqualTo(disk.destinationSha256());
            assertThat(r.traffic().storageBytes()).isGreaterThanOrEqualTo(DISK.size().bytes() / 2);
            assertThat(r.timing().storageTimeMs()).isPositive();
            assertThat(run.counterContinued()).isTrue();
            assertThat(run.guestRunsOn()).isEqualTo("destination");
            assertThat(r.fate().vmRunsOn()).isEqualTo(io.miglab.core.result.VmLocation.DESTINATION);
            assertThat(r.stages().get(2).bytes()).isEqualTo(r.traffic().storageBytes());
            assertThat(run.stageNames()).containsExactly("preparation", "reservation", "storage", "pre-copy",
                    "stop-and-copy", "commit", "activation");
            assertThat(session.lastDestination().orElseThrow().serial().awaitLine(l -> l.startsWith("DISK "),
                    Duration.ofSeconds(5))).isPresent();
        }
        assertThat(RealQemu.processesWith(marker)).isEmpty();
        assertThat(Files.exists(folder)).isFalse();
    }
}
