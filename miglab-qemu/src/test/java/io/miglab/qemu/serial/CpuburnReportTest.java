package io.miglab.qemu.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.unit.ByteSize;
import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.launch.PrivateDir;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.launch.QemuProcess;
import io.miglab.qemu.launch.Workload;
import io.miglab.qemu.testing.RealQemu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** cpuburn's report lines from a real guest (one boot, about 10 s here). */
@Tag("qemu")
class CpuburnReportTest {
    // Guards the benchmark's cpu overhead: its migration window is about a second, so cpuburn must report at least
    // ten times a second (a once-a-second report left one line per window), with a running total that grows by its
    // rate over the interval.
    @Test
    void cpuburnReportsItsTotalAtLeastTenTimesASecond() throws Exception {
        String name = "miglab-" + UUID.randomUUID() + "-cpu";
        try (PrivateDir dir = PrivateDir.create("miglab-test-");
             QemuProcess qemu = RealQemu.launcher().launch(new GuestConfig(ByteSize.ofMiB(128), Workload.CPUBURN, 1,
                     0), name, QemuLauncher.Mode.BOOT, dir)) {
            assertThat(qemu.serial().awaitLine(l -> l.equals("MIGLAB READY"), Duration.ofSeconds(90))).isPresent();
            int from = qemu.serial().lines().size();
            Thread.sleep(3000);
            List<SerialLine> lines = qemu.serial().lines();
            List<SerialLine> cpu = lines.subList(from, lines.size()).stream()
                    .filter(l -> l.message() instanceof GuestMessage.CpuReport).toList();
            // a once-a-second reporter gives 3; a loaded host may delay some of the 30
            assertThat(cpu.size()).as("CPU lines in 3 s of host time").isGreaterThanOrEqualTo(12);
            List<Double> intervals = new ArrayList<>();
            long previous = -1;
            for (SerialLine l : cpu) {
                GuestMessage.CpuReport r = (GuestMessage.CpuReport) l.message();
                assertThat(r.opsDone()).isGreaterThan(previous);
                assertThat(r.opsPerSecond()).isPositive();
                // the guest's own interval (ops since the last report / rate)
                if (previous >= 0) intervals.add((r.opsDone() - previous) / (double) r.opsPerSecond());
                previous = r.opsDone();
            }
            // 100 ms plus one 65536-op chunk; single intervals stretch while the vCPU thread waits for a core
            Collections.sort(intervals);
            assertThat(intervals.get(intervals.size() / 2)).as("median guest seconds per report, " + intervals)
                    .isBetween(0.095, 0.13);
            assertThat(intervals.get(intervals.size() - 1)).as("longest guest seconds per report").isLessThan(0.6);
        }
    }
}
