package io.miglab.qemu.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which QEMU figure a run's downtime is compared with ({@link Category#qemuDowntimeMs}). */
class CategoryTest {
    private static final Path RUNS = Path.of("../docs/qemu-vs-sim.json");

    // A hybrid that switched into post-copy is held to the guest's heartbeat gap (1,322 ms for the stored run after
    // 2 rounds at 10 MiB/s, QEMU's own downtime there 2 ms); one that converged in its third pre-copy round never
    // switched, so it is held to QEMU's downtime (63 ms, its heartbeat gap 129 ms), as a pre-copy run is.
    @Test
    void aHybridThatNeverSwitchedIsHeldToQemusDowntime() throws Exception {
        Map<String, QemuMeasurement> runs = CompareGrid.load(RUNS);
        QemuMeasurement switched = runs.get("hybrid(2 rounds) 256M 10MiB/s 5000 pps");
        QemuMeasurement converged = runs.get("hybrid(3 rounds) uncapped 1G 100MiB/s 5000 pps");
        assertThat(Category.HYBRID.usesHeartbeat(switched)).isTrue();
        assertThat(Category.HYBRID.qemuDowntimeMs(switched)).isEqualTo(switched.heartbeatGapMs());
        assertThat(Math.round(Category.HYBRID.qemuDowntimeMs(switched))).isEqualTo(1322);
        assertThat(Category.HYBRID.usesHeartbeat(converged)).isFalse();
        assertThat(Category.HYBRID.qemuDowntimeMs(converged)).isEqualTo(63.0);
    }

    // Post-copy always switches (QEMU stops with NOT_ITERATIVE); pre-copy never uses the gap.
    @Test
    void postCopyKeepsTheGapAndPreCopyNeverUsesIt() throws Exception {
        Map<String, QemuMeasurement> runs = CompareGrid.load(RUNS);
        QemuMeasurement post = runs.get("postcopy 256M 100MiB/s 5000 pps");
        QemuMeasurement pre = runs.get("precopy 256M 100MiB/s 5000 pps");
        assertThat(Math.round(Category.POST_COPY.qemuDowntimeMs(post))).isEqualTo(820);
        assertThat(Category.PRE_COPY.usesHeartbeat(pre)).isFalse();
        assertThat(Category.PRE_COPY.qemuDowntimeMs(pre)).isEqualTo(21.0);
    }
}
