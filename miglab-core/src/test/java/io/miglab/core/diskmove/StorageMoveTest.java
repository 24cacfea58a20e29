package io.miglab.core.diskmove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.MigrationBackend;
import io.miglab.core.Specs;
import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.StageStats;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.storage.DiskSpec;
import io.miglab.core.storage.StorageSpec;
import io.miglab.core.storage.StorageStrategy;
import io.miglab.core.unit.ByteSize;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A VM's local disk moved with it, in the page-level simulator and the closed form. */
class StorageMoveTest {
    private static final List<MigrationBackend> ENGINES = List.of(new PageLevelSimulator(), new ClosedFormPredictor());
    private static final double MIB = 1 << 20;

    private static MigrationSpec withDisk(MigrationSpec s, DiskSpec d, StorageStrategy strategy) {
        return s.withStorage(Optional.of(new StorageSpec(d, strategy)));
    }

    /** Guards the disk phase's arithmetic: an idle disk of S bytes over B moves in exactly S / B, then memory. */
    @Test
    void idleDisk_movesInSizeOverBandwidth() {
        for (MigrationBackend engine : ENGINES) {
            for (StorageStrategy strategy : List.of(StorageStrategy.BLOCK_PRECOPY, StorageStrategy.MIRROR)) {
                MigrationSpec plain = Specs.idle("256M", "100MiB/s");
                MigrationResult p = engine.migrate(plain);
                MigrationResult r = engine.migrate(withDisk(plain, DiskSpec.idle(ByteSize.ofGiB(1)), strategy));
                String as = engine.name() + " " + strategy;
                assertThat(r.timing().storageTimeMs()).as(as).isEqualTo(1000.0 * (1L << 30) / (100 * MIB));
                assertThat(r.timing().totalTimeMs()).as(as)
                        .isCloseTo(p.timing().totalTimeMs() + 10_240, within(1e-6));
                assertThat(r.timing().downtimeMs()).as(as).isEqualTo(p.timing().downtimeMs());
                assertThat(r.traffic().storageBytes()).as(as).isEqualTo(1L << 30);
                assertThat(r.traffic().bytesTransferred()).as(as).isEqualTo(p.traffic().bytesTransferred());
                assertThat(r.guestImpact().diskWriteSlowdownPercent()).as(as).isZero();
                // the storage stage comes before the memory's pre-copy and holds the disk's bytes
                StageStats storage = r.stages().stream().filter(x -> x.stage().equals("storage")).findFirst()
                        .orElseThrow();
                assertThat(storage.durationMs()).as(as).isEqualTo(r.timing().storageTimeMs());
                assertThat(storage.bytes()).as(as).isEqualTo(1L << 30);
                StageStats last = r.stages().get(r.stages().size() - 1);
                assertThat(last.endMs()).as(as).isCloseTo(r.timing().totalTimeMs(), within(1e-6));
            }
        }
    }

    /** Guards against copying what the destination can already reach. */
    @Test
    void sharedStorage_movesNothing() {
        for (MigrationBackend engine : ENGINES) {
            MigrationSpec plain = Specs.idle("256M", "100MiB/s");
            DiskSpec busy = new DiskSpec(ByteSize.ofGiB(4), 1, 200 * MIB, ByteSize.ofGiB(1), DiskSpec.DEFAULT_BLOCK);
            MigrationResult r = engine.migrate(withDisk(plain, busy, StorageStrategy.SHARED));
            assertThat(r.traffic().storageBytes()).isZero();
            assertThat(r.timing().storageTimeMs()).isZero();
            assertThat(r).isEqualTo(engine.migrate(plain));
        }
    }

    /** Guards against a holey disk copied whole: a quarter allocated is a quarter of the bytes and the time. */
    @Test
    void onlyTheAllocatedShareIsCopied() {
        DiskSpec d = new DiskSpec(ByteSize.ofGiB(4), 0.25, 0, ByteSize.ofBytes(0), DiskSpec.DEFAULT_BLOCK);
        MigrationResult r = new PageLevelSimulator().migrate(withDisk(Specs.idle("256M", "100MiB/s"), d,
                StorageStrategy.MIRROR));
        assertThat(r.traffic().storageBytes()).isEqualTo(1L << 30);
        assertThat(r.timing().storageTimeMs()).isEqualTo(10_240.0);
    }

    /**
     * The mirror's synchronous writes: a guest writing 400 MiB/s to its disk over a 100 MiB/s link cannot write
     * faster than the link takes its writes; sharing it fairly with the copy, it writes 50 MiB/s (87.5 % held back),
     * and the copy of 1 GiB gets the other 50 MiB/s (20.48 s).
     */
    @Test
    void mirror_writesAboveTheLink_areSlowedToTheLinksPace() {
        for (MigrationBackend engine : ENGINES) {
            DiskSpec d = new DiskSpec(ByteSize.ofGiB(1), 1, 400 * MIB, ByteSize.ofMiB(256), DiskSpec.DEFAULT_BLOCK);
            MigrationSpec s = withDisk(Specs.idle("256M", "100MiB/s"), d, StorageStrategy.MIRROR);
            MigrationResult r = engine.migrate(s);
            assertThat(r.guestImpact().diskWriteSlowdownPercent()).as(engine.name()).isCloseTo(87.5, within(1e-9));
            assertThat(r.timing().storageTimeMs()).as(engine.name()).isCloseTo(20_480, within(1e-6));
            // the writes achieved: the storage bytes beyond the copy over the time the guest ran, at most the link
            double runningSeconds = (r.timing().totalTimeMs() - r.timing().downtimeMs()) / 1000;
            double written = r.traffic().storageBytes() - (1L << 30);
            assertThat(written / runningSeconds / MIB).as(engine.name()).isCloseTo(50, within(1e-3))
                    .isLessThanOrEqualTo(100);
        }
    }

    /** Guards the dirty-block rounds: a written disk sends more than its size and lengthens the switch-over. */
    @Test
    void blockPrecopy_busyDisk_resendsDirtyBlocks_andAddsToDowntime() {
        for (MigrationBackend engine : ENGINES) {
            MigrationSpec plain = Specs.idle("256M", "100MiB/s");
            DiskSpec d = new DiskSpec(ByteSize.ofGiB(1), 1, 20 * MIB, ByteSize.ofMiB(64), DiskSpec.DEFAULT_BLOCK);
            MigrationResult r = engine.migrate(withDisk(plain, d, StorageStrategy.BLOCK_PRECOPY));
            MigrationResult p = engine.migrate(plain);
            assertThat(r.traffic().storageBytes()).as(engine.name()).isGreaterThan(1L << 30);
            assertThat(r.timing().storageTimeMs()).as(engine.name()).isGreaterThan(10_240);
            assertThat(r.timing().downtimeMs()).as(engine.name()).isGreaterThan(p.timing().downtimeMs());
            assertThat(r.guestImpact().diskWriteSlowdownPercent()).as(engine.name()).isZero();
        }
    }
}
