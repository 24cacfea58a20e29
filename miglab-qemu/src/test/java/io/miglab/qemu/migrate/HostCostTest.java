package io.miglab.qemu.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.result.HostCost;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.SweepWrites;
import io.miglab.qemu.testing.RealQemu;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("qemu")
class HostCostTest {
    private static final ByteSize WORKING_SET = ByteSize.ofMiB(64);

    // Guards against host-cost figures that are missing, zero or implausible on a real migration: the migration
    // costs CPU on top of the guest's own, the source holds at least the memory its workload touched, the
    // destination at least what it received, and both have more than one thread.
    @Test
    void aRealMigrationReportsItsHostCost() {
        MigrationSpec spec = MigrationSpec.of(ByteSize.ofMiB(256), DataRate.ofMiBps(100))
                .withWriteModel(new SweepWrites(WORKING_SET, 4096, 2000));
        try (QemuSession session = QemuSession.boot(RealQemu.launcher(), QemuMigrationPlan.guestFor(spec),
                Duration.ofSeconds(60))) {
            QemuRun run = session.migrate(spec, QemuRunOptions.defaults());
            assertThat(run.result().outcome().completed()).isTrue();
            HostCost h = run.result().hostCost();
            assertThat(h.hostMeasured()).isTrue();
            assertThat(h.migrationCpuMs()).isPositive();
            // the source's migration thread (mig/src/main) ran, by its name: QEMU started with debug-threads=on
            assertThat(h.sourceMigrationCpuUserMs() + h.sourceMigrationCpuSystemMs()).isPositive();
            assertThat(h.sourceMigrationCpuUserMs()).isNotNegative();
            assertThat(h.destinationCpuUserMs() + h.destinationCpuSystemMs()).isPositive();
            assertThat(h.migrationCpuUserMs() + h.migrationCpuSystemMs() + h.baselineCpuMs()).isPositive();
            assertThat(io.miglab.core.result.Metrics.STANDARD.named("migrationCpuMsPerGiB").presentIn(run.result()))
                    .isTrue();
            assertThat(h.hostWindowMs()).isCloseTo(run.result().timing().totalTimeMs(),
                    org.assertj.core.data.Offset.offset(500.0));
            assertThat(h.sourcePeakRssBytes()).isGreaterThanOrEqualTo(WORKING_SET.bytes());
            assertThat(h.destinationPeakRssBytes()).isGreaterThanOrEqualTo(WORKING_SET.bytes());
            assertThat(h.sourceThreads()).isGreaterThan(1);
            assertThat(h.destinationThreads()).isGreaterThan(1);
            assertThat(h.cpuMsPerGiB(run.result().traffic().bytesTransferred())).isPositive();
            assertThat(run.result().assumptions()).anyMatch(a -> a.startsWith("host cost: source pid"));
        }
    }
}
