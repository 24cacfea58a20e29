package io.miglab.qemu.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.SweepWrites;
import org.junit.jupiter.api.Test;

class GuestCalibrationTest {
    private static MigrationSpec spec(long mib, double mibps) {
        return MigrationSpec.of(ByteSize.ofMiB(mib), DataRate.ofMiBps(mibps));
    }

    // Guards against a footprint that ignores the memwriter's array or grows wrongly with RAM size: the figures
    // are the pmemsave counts the constants come from, within 1 MiB.
    @Test
    void nonZeroMemoryMatchesTheCountedGuests() {
        assertThat(GuestCalibration.idleFootprint(ByteSize.ofMiB(256)).mib()).isCloseTo(65.8, within(0.1));
        assertThat(GuestCalibration.idleFootprint(ByteSize.ofGiB(1)).mib()).isCloseTo(78.4, within(0.1));
        SweepWrites array = new SweepWrites(ByteSize.ofMiB(64), 4096, 1000);
        assertThat(GuestCalibration.nonZeroAtStart(spec(256, 100).withWriteModel(array)).mib())
                .isCloseTo(120.1, within(1.0));
        assertThat(GuestCalibration.nonZeroAtStart(spec(1024, 100).withWriteModel(array)).mib())
                .isCloseTo(140.3, within(1.0));
    }

    // Guards against the calibrated spec losing the zero pages or the user's own settings.
    @Test
    void theSimulatorSpecHasTheGuestsZeroShareAndKeepsTheRest() {
        MigrationSpec user = spec(256, 100).withAlgorithm("postcopy");
        MigrationSpec sim = GuestCalibration.forSimulator(user);
        assertThat(sim.memory().zeroPageShare()).isCloseTo(1 - 65.8 / 256, within(1e-3));
        assertThat(sim.algorithm()).isEqualTo("postcopy");
        assertThat(sim.link()).isEqualTo(user.link());
        assertThat(sim.policy()).isEqualTo(user.policy());
        assertThat(sim.overheads().deviceState()).isEqualTo(GuestCalibration.DEVICE_STATE);
    }

    // Guards against charging the zero-page scan when the rate limit hides it, or not charging it when it does not.
    @Test
    void theZeroPageScanCountsOnlyWhenItTakesLongerThanTheWire() {
        assertThat(GuestCalibration.forSimulator(spec(256, 10)).overheads().preparation())
                .isEqualTo(GuestCalibration.SETUP);
        assertThat(GuestCalibration.forSimulator(spec(1024, 100)).overheads().preparation())
                .isEqualTo(GuestCalibration.SETUP);
        // 4 GiB at 4000 MiB/s: ~1,015,600 zero pages x 0.8 us = 0.81 s against ~0.035 s of wire time
        long ms = GuestCalibration.forSimulator(spec(4096, 4000)).overheads().preparation().toMillis();
        assertThat(ms).isBetween(770L, 790L);
    }
}
