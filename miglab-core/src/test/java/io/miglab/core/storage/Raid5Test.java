package io.miglab.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import org.junit.jupiter.api.Test;

/** RAID 5's write costs against figures worked by hand (4 disks of 150 MB/s, 512 KiB chunks). */
class Raid5Test {
    private final Raid5 raid = new Raid5(4, ByteSize.ofKiB(512), DataRate.ofBytesPerSecond(150e6));

    @Test
    void smallWrite_costsFourDiskOperationsPerByte() {
        // read data, read parity, write data, write parity: 4 x 4096 B
        assertThat(raid.smallWriteIoBytes(4096)).isEqualTo(16_384.0);
    }

    @Test
    void fullStripe_costsNOverNMinusOne() {
        // 3 data chunks of 512 KiB (1.5 MiB) plus one parity chunk: 2 MiB of disk writes
        assertThat(raid.dataStripeBytes()).isEqualTo(1_572_864L);
        assertThat(raid.fullStripeIoBytes(1_572_864)).isEqualTo(2_097_152.0);
        assertThat(new Raid5(5, ByteSize.ofKiB(64), DataRate.ofMiBps(100)).fullStripeIoBytes(4000))
                .isEqualTo(5000.0);
    }

    @Test
    void batch_fullStripesAtN_overNMinus1_theRestAtFour() {
        // pages 0..383 fill stripe 0 exactly (384 x 4 KiB = 1.5 MiB); page 500 is alone in stripe 1
        Raid5.WriteBatch b = raid.batch(4096, 64L << 20);
        for (int p = 0; p < 384; p++) b.page(p);
        b.page(500);
        assertThat(b.ioBytes()).isEqualTo(2_097_152.0 + 16_384.0);
        // 4 disks x 150 MB/s move 600 MB of disk operations per second
        assertThat(raid.ioSeconds(600e6)).isEqualTo(1.0);
    }

    @Test
    void batch_partialTailStripeOfTheImage_isSmallWrites() {
        // a 1 MiB image is less than one 1.5 MiB stripe: writing all of it is still small writes
        Raid5.WriteBatch b = raid.batch(4096, 1L << 20);
        for (int p = 0; p < 256; p++) b.page(p);
        assertThat(b.ioBytes()).isEqualTo(4.0 * (1 << 20));
    }

    @Test
    void fewerThanThreeDisks_refusedNamingTheField() {
        assertThatThrownBy(() -> new Raid5(2, ByteSize.ofKiB(512), DataRate.ofMiBps(100)))
                .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("nas-disks: 3..64 disks");
    }

    @Test
    void diskSpec_expectedDirtyBlocks_saturatesAtTheWorkingSet() {
        DiskSpec d = new DiskSpec(ByteSize.ofGiB(1), 0.5, 64.0 * (1 << 20), ByteSize.ofMiB(64),
                DiskSpec.DEFAULT_BLOCK);
        assertThat(d.allocatedBytes()).isEqualTo(512L << 20);
        assertThat(d.workingSetBlocks()).isEqualTo(1024);
        assertThat(d.expectedDirtyBlocks(1000)).isCloseTo(1024, org.assertj.core.data.Offset.offset(1e-6));
        // 1 ms at 1024 blocks/s over 1024 blocks: 1024 (1 - e^-0.001)
        assertThat(d.expectedDirtyBlocks(0.001)).isCloseTo(1024 * -Math.expm1(-0.001),
                org.assertj.core.data.Offset.offset(1e-9));
    }
}
