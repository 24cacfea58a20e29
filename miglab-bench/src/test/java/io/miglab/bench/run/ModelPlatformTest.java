package io.miglab.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.miglab.bench.host.HostLoad;
import io.miglab.bench.metric.Baseline;
import io.miglab.bench.metric.Measurement;
import io.miglab.bench.workload.Workload;
import io.miglab.bench.workload.Workloads;
import io.miglab.core.memory.GuestMemory;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelPlatformTest {
    private final ModelPlatform platform = new ModelPlatform(new PageLevelSimulator());
    private final BenchConfig config = BenchConfig.defaults("t");

    // Idle, light load, no throttling: the only loss is the downtime, so overhead = 100 D / T exactly.
    @Test
    void idleOverheadIsTheDowntimeShareOfTheMigration() throws Exception {
        Workload idle = Workloads.byName("idle");
        Baseline b = platform.baseline(idle, HostLoad.LIGHT, config);
        Measurement m = platform.migrate(idle, HostLoad.LIGHT, 1, b, config);
        MigrationResult r = m.result();
        assertThat(r.guestImpact().guestSlowdownPercent()).isZero();
        assertThat(m.overheadPercent()).isCloseTo(100 * r.timing().downtimeMs() / r.timing().totalTimeMs(),
                within(1e-9));
        assertThat(m.windowMs()).isEqualTo(r.timing().totalTimeMs());
        assertThat(b.throughput()).isEqualTo(100); // heartbeats/s
    }

    // CPU-bound under heavy load: 2 background VMs + the vCPU + the migration thread on 2 cores, so the vCPU drops
    // from 2/3 to 1/2 of a core while migrating (a 25 % loss) on top of the downtime.
    @Test
    void cpuBoundWorkloadUnderHeavyLoadLosesTheMigrationThreadsShare() throws Exception {
        Workload cpu = Workloads.byName("cpu");
        Baseline b = platform.baseline(cpu, HostLoad.HEAVY, config);
        assertThat(b.throughput()).isCloseTo(2.0 / 3, within(1e-12));
        Measurement m = platform.migrate(cpu, HostLoad.HEAVY, 1, b, config);
        MigrationResult r = m.result();
        double expected = 100 * (1 - (r.timing().totalTimeMs() - r.timing().downtimeMs())
                * (1 - r.guestImpact().guestSlowdownPercent() / 100) * 0.75 / r.timing().totalTimeMs());
        assertThat(m.overheadPercent()).isCloseTo(expected, within(1e-9)).isGreaterThan(25);
    }

    // Auto-converge throttling is guest work lost: it must show in the overhead, not only in the result.
    @Test
    void throttlingRaisesTheOverheadAboveTheDowntimeShare() throws Exception {
        Workload high = Workloads.byName("mem-high");
        BenchConfig throttled = config.withPlatform(config.platform().withAutoConverge(
                Optional.of(AutoConverge.qemuDefaults())).withLink(io.miglab.core.link.Link.of(
                io.miglab.core.unit.DataRate.ofMiBps(40))));
        Baseline b = platform.baseline(high, HostLoad.LIGHT, throttled);
        Measurement m = platform.migrate(high, HostLoad.LIGHT, 1, b, throttled);
        MigrationResult r = m.result();
        assertThat(r.guestImpact().maxThrottlePercent()).isPositive();
        assertThat(m.overheadPercent()).isGreaterThan(100 * r.timing().downtimeMs() / r.timing().totalTimeMs() + 1);
    }

    // Heavy load reduces the link to the migration thread's CPU share (1/2 for a CPU-bound guest, 2/3 otherwise).
    @Test
    void heavyLoadScalesTheBandwidthByTheMigrationThreadsShare() {
        double link = config.platform().link().bandwidth().bytesPerSecond();
        MigrationSpec cpu = platform.specFor(Workloads.byName("cpu"), HostLoad.HEAVY, 1, Duration.ZERO, config);
        MigrationSpec mem = platform.specFor(Workloads.byName("mem-low"), HostLoad.HEAVY, 1, Duration.ZERO, config);
        MigrationSpec light = platform.specFor(Workloads.byName("cpu"), HostLoad.LIGHT, 1, Duration.ZERO, config);
        assertThat(cpu.link().bandwidth().bytesPerSecond()).isCloseTo(link / 2, within(1e-6));
        assertThat(mem.link().bandwidth().bytesPerSecond()).isCloseTo(link * 2 / 3, within(1e-6));
        assertThat(light.link().bandwidth().bytesPerSecond()).isCloseTo(link, within(1e-6));
    }

    // Points must differ in what the model can vary: the seed, and the pages written so far (no longer zero pages).
    @Test
    void laterPointsHaveFewerZeroPagesForAWorkloadThatKeepsTouchingNewPages() {
        Workload web = Workloads.byName("web");
        MigrationSpec early = platform.specFor(web, HostLoad.LIGHT, 1, Duration.ofSeconds(1), config);
        MigrationSpec late = platform.specFor(web, HostLoad.LIGHT, 2, Duration.ofSeconds(20), config);
        assertThat(early.seed()).isNotEqualTo(late.seed());
        assertThat(late.memory().zeroPageShare()).isLessThan(early.memory().zeroPageShare());
    }

    // memwriter makes its whole array resident before it is ready: 64 MiB fewer zero pages from the first point on,
    // which is what makes a 256 MiB guest send about 119 MiB (shared/qemu-recipe.md).
    @Test
    void memwriterArrayIsResidentFromTheStart() {
        GuestMemory idle = config.platform().memory();
        GuestMemory at0 = ModelPlatform.memoryAt(Workloads.byName("mem-low"), idle, 0);
        double nonZeroMiB = (1 - at0.zeroPageShare()) * 256;
        assertThat(nonZeroMiB).isCloseTo(55 + 64, within(0.01));
        GuestMemory big = ModelPlatform.memoryAt(Workloads.byName("file"), GuestMemory.of(ByteSize.ofMiB(128))
                .withZeroPageShare(0.5), 0);
        assertThat(big.zeroPageShare()).isZero(); // never negative
    }
}
