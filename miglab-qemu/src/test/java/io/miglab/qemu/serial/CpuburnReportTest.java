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
            assertThat(cpu.size()).as("CPU lines in 3 s of host time").isGreaterThanOrEqualTo(20);
            SerialLine first = cpu.get(0);
            SerialLine last = cpu.get(cpu.size() - 1);
            double hostSeconds = (last.hostNanos() - first.hostNanos()) / 1e9;
            assertThat((cpu.size() - 1) / hostSeconds).as("reports per host second").isGreaterThanOrEqualTo(8.0);
            long previous = -1;
            for (SerialLine l : cpu) {
                GuestMessage.CpuReport r = (GuestMessage.CpuReport) l.message();
                assertThat(r.opsDone()).isGreaterThan(previous);
                assertThat(r.opsPerSecond()).isPositive();
                // the guest's own interval (ops since the last report / rate): 100 ms plus one 65536-op chunk, and
                // the time the vCPU thread waited for a core on a loaded host
                if (previous >= 0) {
                    assertThat((r.opsDone() - previous) / (double) r.opsPerSecond()).as("guest seconds per report")
                            .isBetween(0.095, 0.2);
                }
                previous = r.opsDone();
            }
        }
    }
}
